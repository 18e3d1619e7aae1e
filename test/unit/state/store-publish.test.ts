import { describe, expect, it, vi } from 'vitest';
import { bytes, make, snap } from './storeFixture.js';

describe('Store publishing', () => {
  it('getSnapshot returns the same object until a flush publishes a change', () => {
    const { store, l } = make();
    const first = snap(store);
    expect(store.getSnapshot()).toBe(first);
    store.flush(); // nothing changed: nothing rebuilt
    expect(store.getSnapshot()).toBe(first);
    const c = store.addConnection('accepted', l, null);
    store.recordRead(c, bytes(4), 1);
    expect(store.getSnapshot()).toBe(first); // not yet flushed
    store.flush();
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.version).toBe(first.version + 1);
    expect(second.totals.bytesIn).toBe(4);
    expect(first.totals.bytesIn).toBe(0); // published snapshots are not mutated
  });

  it('notifies subscribers once per flush window even for 10,000 reads', async () => {
    const { store, l } = make({ flushMs: 30 });
    const c = store.addConnection('accepted', l, null);
    store.flush();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    const chunk = bytes(5);
    for (let i = 0; i < 10_000; i++) store.recordRead(c, chunk, 1 + (i >> 4));
    expect(calls).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(1);
    expect(store.getSnapshot().totals).toMatchObject({ reads: 10_000, bytesIn: 50_000 });
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1); // nothing new, nothing published
    off();
    store.recordRead(c, chunk, 9999);
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
  });

  it('with fake timers: one notification per window across several windows', () => {
    vi.useFakeTimers();
    const { store, l } = make({ flushMs: 33 });
    const c = store.addConnection('accepted', l, null);
    store.flush();
    let calls = 0;
    store.subscribe(() => calls++);
    for (let w = 0; w < 3; w++) {
      for (let i = 0; i < 1000; i++) store.recordRead(c, bytes(1), w + 1);
      vi.advanceTimersByTime(10);
      expect(calls).toBe(w);
      vi.advanceTimersByTime(30);
      expect(calls).toBe(w + 1);
    }
    expect(store.getSnapshot().totals.reads).toBe(3000);
  });

  it('reuses the views of untouched connections and listeners', () => {
    const { store, l } = make();
    const l2 = store.addListener('::1', 0, false);
    const a = store.addConnection('accepted', l, null);
    const b = store.addConnection('accepted', l, null);
    store.recordRead(a, bytes(3), 1);
    store.recordRead(b, bytes(3), 1);
    const s1 = snap(store);
    store.recordRead(a, bytes(2), 2);
    const s2 = snap(store);
    const find = (s: typeof s1, id: number) => s.connections.find((c) => c.id === id);
    expect(find(s2, b.id)).toBe(find(s1, b.id));
    expect(find(s2, a.id)).not.toBe(find(s1, a.id));
    expect(find(s2, a.id)?.reads).toBe(2);
    expect(s2.listeners.find((x) => x.id === l2.id)).toBe(s1.listeners.find((x) => x.id === l2.id));
    expect(s2.listeners.find((x) => x.id === l.id)).not.toBe(
      s1.listeners.find((x) => x.id === l.id),
    );
    // A state change without reads rebuilds the view but keeps the reads arrays.
    store.connState(b, { noDelay: true });
    const s3 = snap(store);
    expect(find(s3, b.id)).not.toBe(find(s2, b.id));
    expect(find(s3, b.id)?.recentReads).toBe(find(s2, b.id)?.recentReads);
    expect(find(s3, b.id)?.noDelay).toBe(true);
  });

  it('a tap receives every read and every event, synchronously', () => {
    const { store, l } = make({ readRing: 4 });
    const c = store.addConnection('accepted', l, null);
    const seen: number[] = [];
    const types: string[] = [];
    const off = store.tap({
      read: (conn, chunk) => {
        expect(conn).toBe(c);
        seen.push(chunk.length);
      },
      event: (e) => types.push(e.type),
    });
    for (let i = 0; i < 10_000; i++) store.recordRead(c, bytes(1 + (i % 7)), 1);
    expect(seen.length).toBe(10_000);
    expect(seen.reduce((x, y) => x + y, 0)).toBe(c.bytesIn);
    store.setBufferSize(5);
    store.setBufferSize(5); // unchanged: no event
    store.setMode('sequential');
    expect(types).toEqual(['buffer-changed', 'mode-changed']);
    off();
    store.recordRead(c, bytes(1), 2);
    expect(seen.length).toBe(10_000);
  });
});

describe('the kernel’s queue figures during a stream', () => {
  it('a queue-only change waits for the stream’s next frame; a state change is news', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance'] });
    const { store, l } = make({ flushMs: 40 });
    const c = store.addConnection('accepted', l, null);
    store.flush();
    let calls = 0;
    store.subscribe(() => calls++);
    const kernel = (recvQ: number, state: 'ESTABLISHED' | 'CLOSE_WAIT' = 'ESTABLISHED') => {
      const k = { state, recvQ, sendQ: 0 };
      const e = { type: 'tcp-state', connection: c.id, ...k } as const;
      store.connState(c, { kernel: k }, e, state !== c.kernel?.state);
    };
    store.recordRead(c, bytes(1), 1);
    kernel(0);
    vi.advanceTimersByTime(50);
    expect(calls).toBe(1); // the stream's first frame
    store.recordRead(c, bytes(1), 1);
    kernel(5); // Recv-Q moved: more of the same stream
    vi.advanceTimersByTime(50);
    expect(calls).toBe(1);
    vi.advanceTimersByTime(300);
    expect(calls).toBe(2);
    kernel(0, 'CLOSE_WAIT'); // the peer's FIN: news
    vi.advanceTimersByTime(50);
    expect(calls).toBe(3);
    expect(store.getSnapshot().events.filter((e) => e.type === 'tcp-state')).toHaveLength(3);
    vi.useRealTimers();
  });
});

describe('a write that blocks and drains again and again during a stream', () => {
  it('its first block is news; its flapping waits for the stream’s frames; a long block’s end is news', () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance', 'Date'],
    });
    const { store, l } = make({ flushMs: 40 });
    const c = store.addConnection('accepted', l, null);
    store.flush();
    let calls = 0;
    store.subscribe(() => calls++);
    store.writeWaiting(c, 70_000); // the first block: news
    vi.advanceTimersByTime(50);
    expect(calls).toBe(1);
    // A proxy into a fast sink: blocked and drained every few ms, ~15 times a second.
    for (let i = 0; i < 20; i++) {
      store.writeWaiting(c, null);
      vi.advanceTimersByTime(3);
      store.writeWaiting(c, 65_536 + i);
      vi.advanceTimersByTime(3);
    }
    vi.advanceTimersByTime(10);
    // 120 ms of flapping: at most the stream's paced frame, not one per change.
    expect(calls).toBeLessThanOrEqual(2);
    // Every change is still an event (NDJSON records each), published with the next frame.
    vi.advanceTimersByTime(300);
    const events = store.getSnapshot().events;
    expect(events.filter((e) => e.type === 'write-blocked')).toHaveLength(21);
    expect(events.filter((e) => e.type === 'write-unblocked')).toHaveLength(20);
    // Blocked a long while (the peer stopped reading), then drained: news again.
    const before = calls;
    vi.advanceTimersByTime(2_000);
    store.writeWaiting(c, null);
    vi.advanceTimersByTime(50);
    expect(calls).toBe(before + 1);
    expect(c.writeWaiting).toBeNull();
  });
});

describe('a stream whose frames are costly', () => {
  it('keeps redrawing within its 5 % budget: frames of 25 ms, two a second', () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance', 'Date'],
    });
    const { store, l } = make(); // the defaults the dashboard runs with
    const c = store.addConnection('accepted', l, null);
    store.flush();
    let frames = 0;
    // The screen, in its thread, reports what each frame cost it (workerLink's ack).
    store.subscribe(() => {
      frames++;
      store.frameDrawn(25);
    });
    store.recordRead(c, bytes(65_536), 1);
    vi.advanceTimersByTime(100);
    frames = 0;
    // One burst of 64 KiB reads every 5 ms for 4 s: more of a busy stream, never news.
    for (let t = 0; t < 4_000; t += 5) {
      store.recordRead(c, bytes(65_536), 2 + t / 5);
      vi.advanceTimersByTime(5);
    }
    // 25 ms ÷ 0.05 = a frame every 500 ms: 8 in 4 s (the 250 ms cap made it 16, 10 %).
    expect(frames).toBeGreaterThanOrEqual(7);
    expect(frames).toBeLessThanOrEqual(9);
    expect(store.getSnapshot().connections[0]?.reads).toBeGreaterThan(700);
  });
});
