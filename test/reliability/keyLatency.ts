// Measures how long `?` takes to draw the help overlay while a loopback sender streams into
// socklab (not a test file: the test and the investigation script share it). Every run is
// bounded: the sender stops after `sendMs` or `maxBytes`, whichever comes first.
import { type ChildProcess, spawn } from 'node:child_process';
import { catalogue } from '../../src/i18n/i18n.js';
import type { App } from '../e2e/pty.js';
import { sleep, startTracked } from './helpers.js';

/** A child that connects to 127.0.0.1:`port` and writes as fast as the socket takes it (or at `rate` B/s). */
const SENDER = `
const net = require('node:net');
const [port, rate, ms, max] = process.argv.slice(1).map(Number);
const chunk = Buffer.alloc(65536, 0x61);
const s = net.connect(port, '127.0.0.1');
let sent = 0;
const end = Date.now() + ms;
const stop = () => { s.destroy(); console.log(sent); process.exit(0); };
s.on('error', stop);
process.on('SIGTERM', stop);
s.on('connect', () => {
  if (rate > 0) {
    const per = Math.max(1, Math.round(rate / 100));
    const t = setInterval(() => {
      if (Date.now() > end || sent >= max) { clearInterval(t); return stop(); }
      s.write(chunk.subarray(0, per)); sent += per;
    }, 10);
    return;
  }
  const pump = () => {
    while (Date.now() < end && sent < max) {
      sent += chunk.length;
      if (!s.write(chunk)) return s.once('drain', pump);
    }
    stop();
  };
  pump();
});
`;

export interface LatencyOptions {
  /** Bytes per read (`-b`). */
  buffer: number;
  /** Sender: 0 = as fast as socklab reads, else bytes per second; null = no sender (idle). */
  rate: number | null;
  /** How long the stream runs before `?` is pressed. */
  warmupMs: number;
  /** The sender's bounds. */
  sendMs: number;
  maxBytes: number;
  /**
   * How the harness reads the terminal: 'xterm' parses every byte into a headless xterm (the
   * usual harness); 'stall' also stops reading the pty for 200 ms in every 250 ms, like a
   * terminal that cannot keep up (socklab's writes to the TTY then block). With `stallMs`,
   * each pause lasts that long instead of 200 ms.
   */
  terminal: 'xterm' | 'stall';
  /** With 'stall': how long each pause of the reading lasts (default 200 ms). */
  stallMs?: number;
  cols?: number;
  rows?: number;
  /** How many times `?` opens and closes the overlay (default 1). */
  presses?: number;
}

export interface LatencyResult {
  /** Each press: `?` written → the help overlay's title on screen. */
  helpMs: number[];
  /** Bytes socklab wrote to the terminal per second during the warm-up. */
  ttyBytesPerSec: number;
  /** Bytes the sender got into the socket, when there was one. */
  sent: number | null;
}

const port = (s: string) => Number(/#1 127\.0\.0\.1:(\d+) listening/.exec(s)?.[1] ?? 0);

export async function measureHelpLatency(o: LatencyOptions): Promise<LatencyResult> {
  const help = catalogue('en')['help.title'];
  const app: App = startTracked(['-l', '127.0.0.1:0', '-b', String(o.buffer)], {
    cols: o.cols ?? 120,
    rows: o.rows ?? 40,
  });
  let sender: ChildProcess | null = null;
  let stalling = true;
  try {
    const p = port(await app.waitFor((s) => port(s) > 0, 30_000));
    let sentOut = '';
    if (o.rate !== null) {
      sender = spawn(
        process.execPath,
        ['-e', SENDER, String(p), String(o.rate), String(o.sendMs), String(o.maxBytes)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      sender.stdout?.on('data', (d) => (sentOut += d));
      await app.waitFor(/open 1\b/, 30_000);
    }
    const stall = async () => {
      while (stalling && o.terminal === 'stall') {
        app.pty.pause();
        await sleep(o.stallMs ?? 200);
        app.pty.resume();
        await sleep(50);
      }
    };
    const stalled = stall();
    const raw0 = app.raw().length;
    const t0 = Date.now();
    await sleep(o.warmupMs); // load, not an assertion: the stream runs this long before the key
    const ttyBytesPerSec = ((app.raw().length - raw0) * 1000) / (Date.now() - t0);
    const helpMs: number[] = [];
    for (let i = 0; i < (o.presses ?? 1); i++) {
      const pressed = Date.now();
      app.write('?');
      await app.waitFor((s) => s.includes(help), 60_000);
      helpMs.push(Date.now() - pressed);
      app.write('?');
      await app.waitFor((s) => !s.includes(help), 60_000);
    }
    stalling = false;
    await stalled;
    sender?.kill('SIGTERM');
    const sent = sender ? await exitedWithCount(sender, () => sentOut) : null;
    return { helpMs, ttyBytesPerSec, sent };
  } finally {
    stalling = false;
    if (sender && sender.exitCode === null) sender.kill('SIGKILL');
    await app.dispose();
  }
}

function exitedWithCount(p: ChildProcess, out: () => string): Promise<number | null> {
  return new Promise((resolve) => {
    const done = () => resolve(Number(out().trim()) || null);
    if (p.exitCode !== null || p.signalCode !== null) return done();
    p.once('close', done);
  });
}
