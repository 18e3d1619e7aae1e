// Shared setup for the store tests (not a test file).
import { afterEach, vi } from 'vitest';
import { Store, type StoreOptions } from '../../../src/state/store.js';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.stop();
  vi.useRealTimers();
});

/** A store with one listener (#1 on 127.0.0.1:0); stopped after the test. */
export function make(opts: StoreOptions = {}) {
  const store = new Store(opts);
  stores.push(store);
  const l = store.addListener('127.0.0.1', 0, false);
  return { store, l };
}

export const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);

/** Publish now and return what subscribers see. */
export const snap = (store: Store) => {
  store.flush();
  return store.getSnapshot();
};
