import { renderToString } from 'ink';
import { Dashboard, type DashboardProps } from './Dashboard.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing the terminal's colour codes
const SGR = /\x1b\[[0-9;]*m/g;

/** The dashboard as plain text, as it is on screen now (for the report). */
export function screenText(props: DashboardProps): string {
  const text = renderToString(<Dashboard {...props} />, { columns: props.columns });
  return text
    .replace(SGR, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}
