/**
 * English text of `socklab --help`: usage, options, examples (cli/help.ts lays it out).
 * Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enHelp = {
  'help.textBox':
    'In a text box: Enter submits, Esc leaves, Ctrl+U clears; every key types (q too).',
  'help.tagline': 'watch TCP sockets live: listeners, ephemeral ports, every read and its size.',
  'help.usage': 'Usage',
  'help.usage.run': 'open the dashboard (headless without a terminal)',
  'help.usage.send': "the lab's client: connect, print the local port, send, close",
  'help.options': 'Options',
  'help.opt.listen': 'listen here; repeat for more listeners   (default {host}:{port})',
  'help.opt.listen2': 'HOST defaults to {host}; IPv6 as [::1]:PORT; PORT 0 = any free port',
  'help.opt.buffer': 'bytes per read, like recv(BYTES), 1–65536 (default 1024)',
  'help.opt.sequential':
    'read one connection at a time; the rest are accepted and wait unread (default: concurrent)',
  'help.opt.echo': 'write every read back to its sender (default: off)',
  'help.opt.halfOpen':
    "the -l listeners keep a connection open for writing after the peer's FIN, until you close it (default: close it)",
  'help.opt.maxConnections': 'open connections per listener before refusing (default 1000)',
  'help.opt.headless': 'print events as lines instead of the dashboard (automatic without a TTY)',
  'help.opt.json': 'with --headless: print NDJSON, one event per line',
  'help.opt.log': 'append every event as NDJSON to FILE (works with the dashboard too)',
  'help.opt.lab': 'open a guided lab at start: {labs} (l lists them)',
  'help.opt.report': 'write a Markdown lab report to FILE on exit (w writes one any time)',
  'help.opt.name': 'the student’s name, at the head of the report',
  'help.opt.lang': 'en or pt-BR (default: from LANG / LC_ALL, else en)',
  'help.opt.help': 'show this help',
  'help.opt.version': 'print the version',
  'help.escapes': 'MESSAGE takes escapes: \\n \\r \\t \\\\ \\0 \\xNN  (default: "{message}")',
  'help.examples': 'Examples',
  'help.ex.ephemeral': 'Ephemeral ports:',
  'help.ex.ephemeral.do': "then press c, Enter: the client's local port",
  'help.ex.ephemeral.more': 'is the peer port in the connections pane',
  'help.ex.twoServers': 'Two servers, one port:',
  'help.ex.twoServers.do': 'then press n, Enter: EADDRINUSE in the errors pane',
  'help.ex.fragment': 'Messages fragment:',
  'help.ex.fragment.do': 'then c, type {message}, Enter:',
  'help.ex.fragment.more': 'reads of 5 5 5 5 5 3',
  'help.ex.sequential': 'One at a time:',
  'help.ex.sequential.do': 'and connect twice: the second waits, queued',
  'help.ex.scripts': 'Scripts and CI:',
  'help.ex.client': "The lab's client:",
  'help.keys': 'Keys in the dashboard: press ? for all of them; q quits.',
  'help.exit': 'Exit status: 0 ok, 1 a socket error (send), 2 a bad argument.',
} as const;
