// The engine thread: sockets, fixed-size reads, the store and its exact counters. The UI
// thread draws what this sends; a frame that takes long there never delays a read here.
import { parentPort, workerData } from 'node:worker_threads';
import { type Lang, setLang } from '../i18n/i18n.js';
import { createSession, startListeners } from '../session.js';
import { runCommand } from './commands.js';
import type { EngineStart, FromEngine, ToEngine } from './protocol.js';
import { DeltaWriter } from './snapshotDelta.js';
import { injectFault } from './testFaults.js';

const port = parentPort;
if (!port) throw new Error('engineWorker.ts runs as a worker thread');
const start = workerData as EngineStart;
setLang(start.lang as Lang);
const session = createSession(start.opts, start.log);
const { store } = session.engine;
const writer = new DeltaWriter();
const post = (m: FromEngine) => port.postMessage(m);

// One delta in flight: while the UI is busy (a long frame), changes gather here into the
// next delta instead of queueing one message per flush.
let inFlight = 0;
let behind = false;
/** A command's own delta is sent right after it: the flush it causes need not send another. */
let forcing = false;
const sendDelta = () => {
  inFlight++;
  behind = false;
  post({ type: 'delta', delta: writer.next(store.getSnapshot()) });
};
store.subscribe(() => {
  if (forcing) return;
  if (inFlight > 0) behind = true;
  else sendDelta();
});

port.on('message', (m: ToEngine) => {
  switch (m.type) {
    case 'ack':
      store.frameDrawn(m.ms);
      inFlight = Math.max(0, inFlight - 1);
      if (inFlight === 0 && behind) sendDelta();
      return;
    case 'watch':
      writer.watch(m.ids);
      // Newly watched rings go out with the next delta; now, if none is in flight.
      if (inFlight === 0) sendDelta();
      else behind = true;
      return;
    case 'call': {
      let reply: FromEngine;
      try {
        const value = runCommand(session.engine, m);
        reply = { type: 'result', id: m.id, ok: true, value };
      } catch (err) {
        reply = { type: 'result', id: m.id, ok: false, error: (err as Error).message };
      }
      // The effect first, then the answer: the UI acts on the answer with the effect in view.
      forcing = true;
      store.flush();
      forcing = false;
      sendDelta();
      post(reply);
      return;
    }
    case 'full':
      store.flush();
      post({ type: 'full', id: m.id, snapshot: store.getSnapshot() });
      return;
    case 'shutdown':
      void session.shutdown().then(() => {
        post({ type: 'closed' });
        port.close();
      });
      return;
  }
});

injectFault(store);
startListeners(session, start.opts);
