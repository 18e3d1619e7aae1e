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
