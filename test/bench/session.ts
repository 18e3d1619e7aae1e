import net from 'node:net';
import { sleep } from './clock.js';
import { LabServer } from './labServer.js';
import { memoryAfterGc } from './memory.js';

export interface SessionPoint {
  frames: number;
  messages: number;
  heapMiB: number;
  rssMiB: number;
}

function measure(frames: number, messages: number): SessionPoint {
  const { heapMiB, rssMiB } = memoryAfterGc();
  return { frames, messages, heapMiB, rssMiB };
}

/**
 * A long session in little: one client sends a short, different message every 45 ms (news: a frame each), so
 * every frame has new text (times, counters, previews), for `frames` frames. Heap and RSS
 * after GC at each quarter: a leak per frame shows as a line going up.
 */
export async function sessionOnce(frames: number): Promise<SessionPoint[]> {
  const server = await LabServer.start(1024);
  const dash = server.dashboard;
  if (!dash) throw new Error('no dashboard');
  const client = net.connect(server.port, '127.0.0.1');
  await new Promise((r) => client.once('connect', r));
  await sleep(300);
  dash.reset();
  const points = [measure(0, 0)];
  let sent = 0;
  for (let q = 1; q <= 4; q++) {
    while (dash.frames.frameAt.length < (frames * q) / 4) {
      client.write(`message ${sent++} `);
      await sleep(45);
    }
    points.push(measure(dash.frames.frameAt.length, sent));
  }
  client.destroy();
  await server.close();
  return points;
}
