/**
 * English messages. Every string a person reads comes from a catalogue like this one;
 * `{name}` is replaced by t(). pt-BR.ts must have exactly the same keys (a test checks).
 */
export const en = {
  'lab.list.title': 'Guided labs — ↑↓ choose · Enter open · Esc close',
  'lab.panel.keys': 'g run it · a answer · Esc close · l list',
  'lab.observe': 'Observe',
  'lab.steps': 'Steps',
  'lab.question': 'Question',
  'lab.answer': 'Answer',
  'lab.wrong': 'Where the common answer goes wrong',
  'lab.hidden': 'press a to show the answer',
  'lab.ran': 'ran lab {id}: {what}',

  'lab.1.title': '1 · Ephemeral ports',
  'lab.1.observe':
    'Connect three times. Each connection comes from a different port on the client side: the peer port the server sees is the client’s ephemeral port, chosen by the client’s OS.',
  'lab.1.step1': 'The server listens on 127.0.0.1:9999',
  'lab.1.step2': 'Accept connections in a loop; each accept() returns the peer address',
  'lab.1.step3':
    'The client connects three times (g does it); compare peer ports with the client’s local ports',
  'lab.1.question': 'Which ports are these (e.g. 50398, 50401, 50407)? What do they mean?',
  'lab.1.answer':
    'They are the client’s ephemeral ports: for each connect() the client’s OS picks a free port from its ephemeral range ({range}). The server’s port stays {port}. The pair of addresses and ports identifies the connection.',
  'lab.1.wrong':
    '“The connection ports between server and client” — no: the server keeps its one port; these belong to the client and change on every connection.',
  'lab.1.ran':
    'clients {ids} connect to {target}: compare their local ports (client pane) with the peer ports (connections pane)',

  'lab.2a.title': '2a · Two servers on one port',
  'lab.2a.observe':
    'Start a second listener on the same address and port. The second bind fails; the first keeps serving.',
  'lab.2a.step1': 'The first server is listening',
  'lab.2a.step2': 'A second server binds the same address and port (g does it)',
  'lab.2a.question': 'What happens when you open two servers on the same port at once?',
  'lab.2a.answer':
    'The second bind() raises EADDRINUSE (Windows: WSAEADDRINUSE, 10048): only one socket may listen on an address and port. The first server is not affected.',
  'lab.2a.wrong':
    '“The last server closes” — it never started listening: its bind() failed with an error the program should catch.',
  'lab.2a.ran': 'second listener started on {target}',

  'lab.2b.title': '2b · A port below 1024',
  'lab.2b.observe':
    'Listen on port 700. Ports below {limit} are privileged on Linux and macOS: a normal user gets EACCES; root, a process with CAP_NET_BIND_SERVICE, or Windows gets the port.',
  'lab.2b.step1': 'Bind port 700 (g does it)',
  'lab.2b.question': 'What happens when you use a port below 1024 (e.g. 700)?',
  'lab.2b.answer':
    'It depends on the OS and the user: on Linux/macOS as a normal user bind() fails with EACCES (permission denied); as root or with CAP_NET_BIND_SERVICE it works; Windows has no privileged ports. Here: {here}',
  'lab.2b.wrong':
    '“It works normally” — only on Windows or with privileges; say which OS and user.',
  'lab.2b.ran': 'listener started on {target}',

  'lab.3.title': '3 · Each read and its byte count',
  'lab.3.observe':
    'With a 1,024-byte buffer the 28-byte message arrives in one read of 28 bytes; an empty read (EOF) means the client closed.',
  'lab.3.step1': 'Read up to 1,024 bytes at a time (g sets the slider)',
  'lab.3.step2': 'The client sends “Estou enviando uma mensagem!” (28 bytes)',
  'lab.3.step3': 'Stop when recv() returns b"" (the peer closed)',
  'lab.3.question': 'How many bytes does the server receive, and in how many reads?',
  'lab.3.answer': '28 bytes in one read of 28: the whole message fits in the buffer.',
  'lab.3.wrong': '—',
  'lab.3.ran': 'buffer 1,024 B, a client sent 28 B',

  'lab.3a.title': '3a · Two clients, one-at-a-time server',
  'lab.3a.observe':
    'In sequential mode the server serves one connection at a time, like the lab’s loop. The second client’s connect() succeeds — the kernel completes the handshake into the listen backlog — but it waits, queued, unread.',
  'lab.3a.step1': 'Serve one connection at a time (g switches to sequential)',
  'lab.3a.step2': 'Two clients connect and send',
  'lab.3a.question': 'What happens when two clients connect at the same time?',
  'lab.3a.answer':
    'Both connect. The first is served; the second waits in the backlog (shown queued #1) with its data in the kernel until the server calls accept() again.',
  'lab.3a.wrong': '“The first is cancelled” — nothing is cancelled: the second waits its turn.',
  'lab.3a.ran': 'sequential mode, two clients connected',

  'lab.3b.title': '3b · The first client closes',
  'lab.3b.observe':
    'Close the client being served: recv() returns b"" (EOF), the loop breaks, and the server accepts the next queued client, whose waiting bytes appear at once.',
  'lab.3b.step1': 'The first client closes (g does it)',
  'lab.3b.step2': 'The server sees EOF and closes its side',
  'lab.3b.step3': 'The next queued connection is accepted and read',
  'lab.3b.question': 'What happens when the first client is closed?',
  'lab.3b.answer':
    'The server reads EOF (0 bytes), closes that connection, and accepts the next one from the backlog; the second client’s message, waiting in the kernel, is read immediately.',
  'lab.3b.wrong':
    '“The server keeps running regardless” — true but incomplete: it is now serving the queued client.',
  'lab.3b.ran': 'closed client #{id}',
  'lab.3b.none': 'no served socklab client to close: run lab 3a first',

  'lab.3c.title': '3c · A 5-byte buffer',
  'lab.3c.observe':
    'Shrink the buffer to 5 bytes: the 28-byte message arrives as reads of 5, 5, 5, 5, 5, 3. TCP is a byte stream; it does not keep message boundaries.',
  'lab.3c.step1': 'Read at most 5 bytes at a time (g moves the slider)',
  'lab.3c.step2': 'The client sends the 28-byte message',
  'lab.3c.question': 'How is the content received with a small buffer (e.g. 5)?',
  'lab.3c.answer':
    'All 28 bytes arrive, in 6 reads: 5 5 5 5 5 3. Each recv(5) returns at most 5 bytes; the loop keeps reading until the data runs out.',
  'lab.3c.wrong': '“It receives only 5 bytes” — it receives all 28, in several reads.',
  'lab.3c.ran': 'buffer 5 B, a client sent 28 B',

  'lab.noListener': 'no listening listener: press n to start one',

  'report.title': 'socklab lab report',
  'report.generated': 'Generated {time} by socklab {version} ({lang}).',
  'report.settings': 'Buffer: {buffer} B per read · mode: {mode}',
  'report.listeners': 'Listeners',
  'report.noListeners': 'No listeners.',
  'report.listenerRow': '- #{id} {address} — {state}; {total} connections, {bytes} B in',
  'report.errors': 'Errors and notes',
  'report.noErrors': 'No errors.',
  'report.connections': 'Connections',
  'report.noConnections': 'No connections.',
  'report.connHeader':
    '| # | side | peer (address:port) | local (address:port) | state | bytes in | reads |',
  'report.reads': 'Reads per connection',
  'report.readsOf': 'Connection #{id} ({peer})',
  'report.noReads': 'no reads',
  'report.labs': 'Labs done',
  'report.noLabs': 'No guided lab was opened.',
  'report.screen': 'The screen',
  'report.written': 'report written to {file}',
  'report.failed': 'could not write the report to {file}: {error}',
} as const;

export type MessageKey = keyof typeof en;
