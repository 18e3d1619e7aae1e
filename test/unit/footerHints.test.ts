// The footer offers each key once, with what it does where the keys go now.
import { expect, it } from 'vitest';
import { hintsFor } from '../../src/ui/keymap.js';

it('a pane’s own key hides the global one it shadows: u in the client pane is the UDP client', () => {
  const client = hintsFor('client');
  expect(client.filter((h) => h.keys === 'u').map((h) => h.label)).toEqual(['UDP client']);
  const reads = hintsFor('reads');
  expect(reads.filter((h) => h.keys === 'h')).toHaveLength(1);
  // Elsewhere the global u opens a UDP socket.
  expect(
    hintsFor('listeners')
      .filter((h) => h.keys === 'u')
      .map((h) => h.label),
  ).toEqual(['UDP socket']);
});
