import { DEFAULT_HOST, DEFAULT_PORT } from './endpoint.js';

export function helpText(version: string): string {
  return `socklab ${version} — watch TCP sockets live: listeners, ephemeral ports, every read and its size.

Usage
  socklab [options]                    open the dashboard (headless without a terminal)
  socklab send [HOST:]PORT [MESSAGE]   the lab's client: connect, print the local port, send, close

Options
  -l, --listen [HOST:]PORT   listen here; repeat for more listeners   (default ${DEFAULT_HOST}:${DEFAULT_PORT})
                             HOST defaults to ${DEFAULT_HOST}; IPv6 as [::1]:PORT; PORT 0 = any free port
  -b, --buffer BYTES         bytes per read, like recv(BYTES), 1–65536 (default 1024)
      --sequential           serve one connection at a time, queue the rest (default: concurrent)
      --echo                 write every read back to its sender (default: off)
      --max-connections N    open connections per listener before refusing (default 1000)
      --headless             print events as lines instead of the dashboard (automatic without a TTY)
      --json                 with --headless: print NDJSON, one event per line
      --log FILE             append every event as NDJSON to FILE (works with the dashboard too)
      --lab ID               open a guided lab at start: 1, 2a, 2b, 3, 3a, 3b, 3c (l lists them)
      --report FILE          write a Markdown lab report to FILE on exit (w writes one any time)
      --lang LANG            en or pt-BR (default: from LANG / LC_ALL, else en)
  -h, --help                 show this help
  -V, --version              print the version

MESSAGE takes escapes: \\n \\r \\t \\\\ \\0 \\xNN  (default: "Estou enviando uma mensagem!")

Examples
  Ephemeral ports:      socklab                      then press c, Enter: the client's local port
                        is the peer port in the connections pane
  Two servers, one port: socklab -l 9999             then press n, Enter: EADDRINUSE in the errors pane
  Messages fragment:    socklab -b 5                 then c, type Estou enviando uma mensagem!, Enter:
                        reads of 5 5 5 5 5 3
  One at a time:        socklab --sequential         and connect twice: the second waits, queued
  Scripts and CI:       socklab --headless --json -l 127.0.0.1:0
  The lab's client:     socklab send 127.0.0.1:9999 "Estou enviando uma mensagem!"

Keys in the dashboard: press ? for all of them; q quits.
Exit status: 0 ok, 1 a socket error (send), 2 a bad argument.
`;
}
