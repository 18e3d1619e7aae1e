/**
 * The start of `text` that can show in `cells` columns, plus one character so Ink still
 * draws its `…`. Cut before layout: Ink measures every string it draws on every frame, and a
 * 100 KB row cost seconds a frame. Never splits a surrogate pair.
 */
export function clip(text: string, cells: number): string {
  const n = Math.max(1, Math.floor(cells)) + 1;
  if (text.length <= n) return text;
  const end = /[\uD800-\uDBFF]/.test(text[n - 1]) ? n + 1 : n;
  return text.slice(0, end);
}
