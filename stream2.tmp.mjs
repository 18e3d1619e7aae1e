import net from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { render } from 'ink';
import { createElement } from 'react';
import { LabStore } from './dist/state/store.js';
import { Lab } from './dist/core/lab.js';
import { App } from './dist/ui/App.js';
const check = () => [];
const store = new LabStore({ bufferSize: Number(process.argv[2] ?? 1024) });
const lab = new Lab(store);
const out = new Writable({ write(c, e, cb) { cb(); } });
out.columns = 120; out.rows = 40; out.isTTY = true;
if (process.argv[3] !== 'nodash') render(createElement(App, { lab, version: 'x', onQuit() {} }), { stdout: out, stdin: new PassThrough(), exitOnCtrlC: false, patchConsole: false, maxFps: 30 });
const id = lab.listen('127.0.0.1', 0);
const rec = store.listeners.get(id);
while (rec.state !== 'listening') await new Promise((r) => setTimeout(r, 10));
console.log('protectors', check());
const port = rec.boundPort;
const block = Buffer.alloc(65536, 66);
for (let rep = 0; rep < 5; rep++) {
  const before = rec.bytesIn;
  const t = performance.now();
  await new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      let left = 200e6;
      const pump = () => {
        while (left > 0) { left -= block.length; if (!s.write(block)) return s.once('drain', pump); }
        s.end();
      };
      pump();
    });
    s.on('close', resolve);
  });
  while (rec.bytesIn - before < 200e6 - 1) await new Promise((r) => setImmediate(r));
  const ms = performance.now() - t;
  console.log(`${(200e6 / 1e6 / (ms / 1000)).toFixed(0)} MB/s`, check());
}
process.exit(0);
