import { stripVTControlCharacters } from 'node:util';

const MARKER = /lat(\d{4});/g;

/**
 * What a frame shows of the ticker's messages: the markers visible in the reads pane, and
 * the bytes read on the ticker connection's row in the connections pane ("in 64 B in 8
 * reads" or "in 64 B/8 reads", often truncated after the bytes). The reads pane drops previews once bursts
 * outnumber its rows, so that count is what still proves the newest read reached the screen.
 */
export function screenMarks(frame: string, connId: number): { markers: number[]; bytes: number } {
  const markers: number[] = [];
  for (const m of frame.matchAll(MARKER)) markers.push(Number(m[1]));
  let bytes = -1;
  const rowStart = `#${connId} `;
  for (const line of stripVTControlCharacters(frame).split('\n')) {
    const at = line.indexOf(rowStart);
    if (at < 0 || !line.includes(' → :', at)) continue;
    const m = /\bin ([\d,]+) B\b/.exec(line.slice(at));
    if (m) bytes = Math.max(bytes, Number(m[1].replaceAll(',', '')));
  }
  return { markers, bytes };
}
