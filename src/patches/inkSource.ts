/**
 * What socklab changes in Ink's own source when it is bundled (build.config.ts). Ink 6 keeps
 * the caches that src/patches bounds private to three of its modules; each of those modules
 * gets one line at its end handing the private value to `inkInternals.ts`, and nothing else
 * changes. A build step, not a run-time reach (the inspector, or importing Ink's files by
 * URL) because in one bundled file there are no separate modules left to reach into.
 * The build fails if Ink's source is not what these expect: a new Ink is a decision, not a
 * silent loss of the patches.
 */
export const INK_HAND_OVERS: Readonly<Record<string, { expects: string; value: string }>> = {
  // Ink 6's text caches, never evicted (vadimdemedes/ink#986): see inkCaches.ts.
  'measure-text.js': { expects: 'const cache = new Map();', value: 'cache' },
  'wrap-text.js': { expects: 'const cache = {};', value: 'cache' },
  // The per-frame caches of Ink's Output: see inkOutputCache.ts.
  'output.js': { expects: 'class OutputCaches {', value: 'OutputCaches' },
};

/** Matches the path of a file of Ink's build; group 1 is its name. */
export const INK_FILE = /[\\/]node_modules[\\/]ink[\\/]build[\\/]([\w-]+\.js)$/;

/**
 * `source` of Ink's build file `file` with its hand-over appended; `hook` is how that file
 * imports inkInternals (a path or URL). Files not listed come back unchanged.
 */
export function withHandOver(file: string, source: string, hook: string): string {
  const spec = INK_HAND_OVERS[file];
  if (!spec) return source;
  if (!source.includes(spec.expects)) {
    throw new Error(
      `Ink's build/${file} no longer contains "${spec.expects}": src/patches/inkSource.ts ` +
        'was written for Ink 6.8; check the patches against this Ink before building.',
    );
  }
  return (
    `${source}\n` +
    `import { handOver as __socklabHandOver } from ${JSON.stringify(hook)};\n` +
    `__socklabHandOver(${JSON.stringify(file)}, ${spec.value});\n`
  );
}
