import { sleep } from './clock.js';
import { LabServer } from './labServer.js';

/**
 * The frame-time baseline: the same dashboard over an empty lab (one listener, nothing
 * connected), redrawn by flipping the buffer size every 10 ms for `ms`.
 */
export async function idleFrames(ms: number): Promise<number[]> {
  const server = await LabServer.start(1024);
  const dash = server.dashboard;
  if (!dash) throw new Error('no dashboard');
  await sleep(100);
  dash.reset();
  const end = performance.now() + ms;
  for (let i = 0; performance.now() < end; i++) {
    server.engine.setBufferSize(i % 2 ? 1024 : 1000);
    await sleep(10);
  }
  const frameMs = [...dash.frames.frameMs];
  await server.close();
  return frameMs;
}
