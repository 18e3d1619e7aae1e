/** DEL and BS: what a terminal sends for Backspace (DEL on most, BS on some). */
const ERASE = /[\x7f\b]/;

/**
 * `text` with a chunk of typed characters applied. Keys pressed faster than the input is
 * read arrive as one chunk, so a Backspace can sit among the characters ("ab\x7f\x7f"): it
 * erases, as it would one key at a time, instead of landing in the text as a DEL. At most
 * `max + 1` characters are kept, so a pasted megabyte is never concatenated and the caller
 * can still tell that the text went past `max`.
 */
export function typeInto(text: string, chunk: string, max: number): string {
  if (!ERASE.test(chunk)) return text + chunk.slice(0, max - text.length + 1);
  let out = text;
  for (const ch of chunk) {
    if (ERASE.test(ch)) out = out.slice(0, -1);
    else if (out.length <= max) out += ch;
  }
  return out;
}

/** What a chunk of typed keys does to a text box: the lines it submits, the text left, Esc. */
export interface Typed {
  submitted: string[];
  text: string;
  cancelled: boolean;
}

/**
 * A chunk of keys as the text box takes them one by one: a line break submits the line (as
 * in a shell), Backspace erases, Ctrl+U clears, Esc leaves (the rest is dropped). Keys typed
 * before the box was drawn go through here too, so they act exactly as if typed into it.
 */
export function typeKeys(text: string, chunk: string, max: number): Typed {
  const submitted: string[] = [];
  let out = text;
  let prevCr = false;
  for (const ch of chunk) {
    if (ch === '\n' && prevCr) {
      prevCr = false;
      continue;
    }
    prevCr = ch === '\r';
    if (ch === '\r' || ch === '\n') {
      submitted.push(out);
      out = '';
    } else if (ch === '\x15') out = '';
    else if (ch === '\x1b') return { submitted, text: out, cancelled: true };
    else out = typeInto(out, ch, max);
  }
  return { submitted, text: out, cancelled: false };
}
