/** A piece of text with one style; what the style means is the caller's. */
export interface Run<S> {
  text: string;
  style: S;
}

/** Width in cells, one per code point: the texts wrapped here have no wide or combining characters. */
const cells = (s: string) => [...s].length;

/**
 * Split styled text into lines of at most `width` cells, breaking at spaces (runs of
 * whitespace count as one space); a word longer than a line is cut. Lines after the first
 * get `nextWidth` cells (room for an indent the caller adds).
 */
export function wrapRuns<S>(runs: readonly Run<S>[], width: number, nextWidth = width): Run<S>[][] {
  const lines: Run<S>[][] = [];
  let line: Run<S>[] = [];
  let used = 0;
  const room = () => Math.max(1, lines.length === 0 ? width : nextWidth);
  const push = (word: string, style: S) => {
    const gap = used > 0 ? 1 : 0;
    const last = line.at(-1);
    if (last && last.style === style) last.text += `${gap ? ' ' : ''}${word}`;
    else line.push({ text: `${gap ? ' ' : ''}${word}`, style });
    used += gap + cells(word);
  };
  const breakLine = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const run of runs) {
    for (const word of run.text.split(/\s+/).filter(Boolean)) {
      let rest = [...word];
      while (rest.length > room()) {
        if (used > 0) {
          breakLine();
          continue;
        }
        const r = room();
        push(rest.slice(0, r).join(''), run.style);
        rest = rest.slice(r);
        breakLine();
      }
      if (rest.length === 0) continue;
      if (used > 0 && used + 1 + rest.length > room()) breakLine();
      push(rest.join(''), run.style);
    }
  }
  if (used > 0) lines.push(line);
  return lines;
}

/** Split text into lines of at most `width` characters at spaces; a longer word is cut. */
export function wrapText(text: string, width: number): string[] {
  return wrapRuns([{ text, style: null }], width).map((l) => l.map((r) => r.text).join(''));
}
