import type { PromptKind } from './uiState.js';

/**
 * How many characters a prompt holds: a box that grows without bound is a memory problem,
 * and every character held is copied on each key. An address needs at most 253 + `[]:65535`;
 * a message may be a pasted file (1 MiB arrives whole).
 */
export function promptLimit(kind: PromptKind): number {
  if (kind === 'fault') return 1024;
  const address =
    kind === 'listen' || kind === 'target' || kind === 'udp-listen' || kind === 'udp-target';
  return address ? 1024 : 2 * 1024 * 1024;
}
