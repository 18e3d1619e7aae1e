/**
 * The bare node:net server (../bareServer.ts) in a process of its own, so its CPU and RSS
 * are read from /proc like socklab's: `node bareMain.js N`. Says its port over IPC, then
 * answers `stats` with its exact counters.
 */
import { BareServer } from '../bareServer.js';

export interface BareStats {
  bytes: number;
  reads: number;
  accepted: number;
  closed: number;
}

const server = await BareServer.start(Number(process.argv[2]));
process.on('message', (m: { cmd: 'stats' }) => {
  if (m.cmd !== 'stats') return;
  const { bytes, reads, accepted, closed } = server;
  process.send?.({ stats: { bytes, reads, accepted, closed } satisfies BareStats });
});
process.on('disconnect', () => {
  server.close().then(() => process.exit(0));
});
process.send?.({ port: server.port });
