// Environment for a child in a pty. Ink imports `is-in-ci` once; that package reports CI
// when `CI` or `CONTINUOUS_INTEGRATION` is present and not '0'/'false'. In CI mode Ink
// prints only the last frame, so both are forced to 'false' unless the caller sets them.
export function ptyEnv(
  extra: Record<string, string | undefined> = {},
  base: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    ...base,
    CI: 'false',
    CONTINUOUS_INTEGRATION: 'false',
    FORCE_COLOR: '1',
    TERM: 'xterm-256color',
    ...extra,
  };
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) if (v !== undefined) env[k] = v;
  return env;
}

/** Same rule as node_modules/is-in-ci/index.js, for asserting on an env object. */
export function looksLikeCi(env: Record<string, string | undefined>): boolean {
  const on = (k: string) => k in env && env[k] !== '0' && env[k] !== 'false';
  return on('CI') || on('CONTINUOUS_INTEGRATION');
}
