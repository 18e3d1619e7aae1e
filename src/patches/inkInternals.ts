/**
 * Values private to Ink's modules, handed over by those modules themselves: the bundle
 * appends a call to `handOver` to each of them (see inkSource.ts). Where Ink was not built
 * that way (the sources run unbundled, e.g. under tsx) nothing is handed over and the
 * patches report that they did not apply.
 */
const handed = new Map<string, unknown>();

export function handOver(file: string, value: unknown): void {
  handed.set(file, value);
}

/** What Ink's build file `file` handed over, or null. */
export function inkInternal(file: string): unknown {
  return handed.get(file) ?? null;
}
