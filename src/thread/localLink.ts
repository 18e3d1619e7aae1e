import type { Engine } from '../core/engine.js';
import type { CommandMessage } from './commands.js';
import { runCommand } from './commands.js';
import type { EngineLink } from './link.js';

/** The engine on the UI's own thread (tests, and SOCKLAB_ENGINE=main): the same commands, called directly. */
export function localLink(engine: Engine): EngineLink {
  const { store } = engine;
  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    call(name, ...args) {
      try {
        const result = runCommand(engine, { name, args } as CommandMessage);
        store.flush();
        return Promise.resolve(result as never);
      } catch (err) {
        return Promise.reject(err);
      }
    },
    watch() {},
    fullSnapshot() {
      store.flush();
      return Promise.resolve(store.getSnapshot());
    },
  };
}
