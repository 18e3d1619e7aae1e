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

it('with a lab open its own keys go first: the reads pane’s a (scope) is not offered, a shows the answer', () => {
  const open = { refused: () => false, udp: false, lab: true };
  expect(hintsFor('reads', open).map((h) => h.keys)).not.toContain('a');
  expect(hintsFor('reads').map((h) => h.keys)).toContain('a');
  // ↑↓ still reach the pane when the lab's text fits its panel: offered.
  expect(hintsFor('connections', open).map((h) => h.keys)).toContain('↑↓');
});
