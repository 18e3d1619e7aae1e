/** Colours off when NO_COLOR is set (https://no-color.org); emphasis then falls back to bold/inverse. */
const noColor = Boolean(process.env.NO_COLOR);

const pick = (c: string) => (noColor ? undefined : c);

export const theme = {
  noColor,
  accent: pick('cyan'),
  focus: pick('cyan'),
  border: pick('gray'),
  error: pick('red'),
  warn: pick('yellow'),
  ok: pick('green'),
  dim: pick('gray'),
  port: pick('magentaBright'),
  client: pick('blue'),
};
