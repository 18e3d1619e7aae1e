/**
 * English texts of the guided labs: the list and panel, each lab's steps, Python, question,
 * answer and status lines. Part of the English catalogue (en.ts); its keys are MessageKeys.
 */
export const enLabs = {
  'lab.list.title': 'Guided labs — ↑↓ choose · Enter open · Esc close',
  'lab.panel.keys': 'g run it · a answer · Esc close · l list',
  'lab.panel.more': '↓ more · lines {from}–{to} of {total} · ↑↓ PgUp PgDn',
  'lab.panel.end': '↑ lines {from}–{to} of {total} · ↑↓ PgUp PgDn',
  'lab.question': 'Question',
  'lab.answer': 'Answer',
  'lab.wrong': 'Where the common answer goes wrong',
  'lab.hidden': 'press a to show the answer',
  'lab.ran': 'ran lab {id}: {what}',
  'lab.running': 'lab {id}: {what}',
  'lab.owner': 'lab {id}',
  'lab.starting': 'starting',
  'lab.released.one': 'closed lab {id}’s last run (1 socket)',
  'lab.released.other': 'closed lab {id}’s last run ({count} sockets)',
  'lab.setBuffer': 'buffer set to {bytes} B (for every listener)',
  'lab.setSequential': 'sequential mode on (for every listener)',
  'lab.setSequentialBuffer': 'sequential mode on, buffer set to {bytes} B (for every listener)',
  'lab.setConcurrent': 'concurrent mode on (for every listener)',
  'lab.ownListener': 'own listener #{listener} {target}',
  'lab.listenerStarting': 'opening its own listener #{listener} on {host}',
  'lab.listenerFailed':
    'its own listener #{listener} on {target} failed with {code} (see the errors pane)',
  'lab.listenerClosed': 'its own listener #{listener} was closed',
  'lab.clientConnecting': 'lab {id} client #{client} connecting to {target}',
  'lab.clientFailed': 'lab {id} client #{client} failed with {code} (see the errors pane)',
  'lab.readIn': 'client #{client} sent {sent} B, read as {burst}',
  'lab.readSoFar': 'client #{client} sent {sent} B, {read} B read so far',

  'lab.1.title': '1 · Ephemeral ports',
  'lab.1.observe':
    'Connect three times. Each connection comes from a different port on the client side: the peer port the server sees is the client’s ephemeral port, chosen by the client’s OS.',
  'lab.1.step1': 'The server listens (g opens a listener of the lab’s own; the OS picks its port)',
  'lab.1.py1': "s.bind(('127.0.0.1', 9999)); s.listen()",
  'lab.1.step2': 'Accept connections in a loop; each accept() returns the peer address',
  'lab.1.py2': 'conn, addr = s.accept()  # addr = (ip, ephemeral port)',
  'lab.1.step3':
    'The client connects three times (g does it); compare peer ports with the client’s local ports',
  'lab.1.py3': "c.connect(('127.0.0.1', 9999)); c.getsockname()[1]",
  'lab.1.question': 'Which ports are these (e.g. 50398, 50401, 50407)? What do they mean?',
  'lab.1.answer':
    'They are the client’s ephemeral ports: for each connect() the client’s OS picks a free port from its ephemeral range ({range}). The server’s port stays {port}. The pair of addresses and ports identifies the connection.',
  'lab.1.wrong':
    '“The connection ports between server and client” — no: the server keeps its one port; these belong to the client and change on every connection.',
  'lab.1.connecting': 'lab 1 clients {ids} connecting to {own}',
  'lab.1.done':
    '{own}; clients {ids} from local ports {ports}: the peer ports in the connections pane',
  'lab.1.doneMode':
    'clients {ids} from local ports {ports}: the peer ports in the connections pane',

  'lab.2a.title': '2a · Two servers on one port',
  'lab.2a.observe':
    'Start a second listener on the same address and port. The second bind fails; the first keeps serving.',
  'lab.2a.step1': 'The first server is listening (g opens it on a free port)',
  'lab.2a.py1': "s.bind(('127.0.0.1', port)); s.listen()",
  'lab.2a.step2': 'A second server binds the same address and port (g does it)',
  'lab.2a.py2': "s2.bind(('127.0.0.1', port))  # OSError: EADDRINUSE",
  'lab.2a.question': 'What happens when you open two servers on the same port at once?',
  'lab.2a.answer':
    'The second bind() raises EADDRINUSE (Windows: WSAEADDRINUSE, 10048): only one socket may listen on an address and port. The first server is not affected.',
  'lab.2a.wrong':
    '“The last server closes” — it never started listening: its bind() failed with an error the program should catch.',
  'lab.2a.binding': 'listener #{second} binding {target}, where lab 2a’s listener #{first} listens',
  'lab.2a.inUse':
    'listener #{second} on {target} failed with EADDRINUSE, as expected: lab 2a’s listener #{first} already listens there',
  'lab.2a.otherError':
    'listener #{second} on {target} failed with {code}, not EADDRINUSE (see the errors pane)',
  'lab.2a.bothListen':
    'listener #{second} also listens on {target}: this OS let a second socket bind the same port',

  'lab.2b.title': '2b · A port below 1024',
  'lab.2b.observe':
    'Listen on port 700. Whether a normal user may depends on the OS: Linux refuses ports below {limit} (net.ipv4.ip_unprivileged_port_start) with EACCES unless the process is root or has CAP_NET_BIND_SERVICE; macOS 10.14 and later allows it on the wildcard address (0.0.0.0) but may still refuse a specific address such as 127.0.0.1; Windows has no privileged ports.',
  'lab.2b.step1': 'Bind port 700 (g does it)',
  'lab.2b.py1': "s.bind(('127.0.0.1', 700))",
  'lab.2b.question': 'What happens when you use a port below 1024 (e.g. 700)?',
  'lab.2b.answer':
    'It depends on the OS and the user. Linux: bind() fails with EACCES (permission denied) for a port below net.ipv4.ip_unprivileged_port_start ({limit} here) unless the process is root or has CAP_NET_BIND_SERVICE. macOS 10.14 and later: a normal user may bind it on 0.0.0.0, but 127.0.0.1 can still give EACCES. Windows has no privileged ports. Here: {here}',
  'lab.2b.wrong':
    '“It works normally” — only on Windows, on macOS’s wildcard address, or with privileges; say which OS, address and user.',
  'lab.2b.notRun': 'press g to try it on this machine',
  'lab.2b.binding': 'listener #{listener} binding {target}',
  'lab.2b.bound':
    'listener #{listener} on {target} bound: this user may bind below {limit} here (the note in the errors pane says why)',
  'lab.2b.eacces':
    'listener #{listener} on {target} failed with EACCES, as expected for a normal user: port 700 is privileged here',
  'lab.2b.otherError': 'listener #{listener} on {target} failed with {code} (see the errors pane)',

  'lab.3.title': '3 · Each read and its byte count',
  'lab.3.observe':
    'With a 1,024-byte buffer the 28-byte message arrives in one read of 28 bytes; an empty read (EOF) means the client closed.',
  'lab.3.step1': 'Read up to 1,024 bytes at a time (g sets the slider)',
  'lab.3.py1': 'data = conn.recv(1024)',
  'lab.3.step2': 'The client sends “Estou enviando uma mensagem!” (28 bytes)',
  'lab.3.py2': "c.sendall(b'Estou enviando uma mensagem!')",
  'lab.3.step3': 'Stop when recv() returns b"" (the peer closed)',
  'lab.3.py3': 'if not data: break',
  'lab.3.question': 'How many bytes does the server receive, and in how many reads?',
  'lab.3.answer': '28 bytes in one read of 28: the whole message fits in the buffer.',
  'lab.3.wrong': '—',

  'lab.3a.title': '3a · Two clients, one-at-a-time server',
  'lab.3a.observe':
    'In sequential mode socklab serves one connection at a time, like the lab’s loop. The second client’s connect() succeeds: the kernel completes the handshake. A Python server leaves it in the listen backlog until accept(); Node cannot (it accepts every connection at once), so socklab has accepted it but does not read it: queued, its bytes waiting in the kernel (ss: ESTAB, Recv-Q 28).',
  'lab.3a.step1': 'Serve one connection at a time (g switches to sequential)',
  'lab.3a.py1': 'while True: conn, addr = s.accept()  # one at a time',
  'lab.3a.step2': 'Two clients connect and send (g connects them to a listener of the lab’s own)',
  'lab.3a.py2': 'c1.connect(...); c2.connect(...)  # both succeed',
  'lab.3a.question': 'What happens when two clients connect at the same time?',
  'lab.3a.answer':
    'Both connect. The first is served; the second waits unread (queued #1) with its data in the kernel. With the lab’s Python server it waits in the accept queue until the server calls accept() again (ss: the LISTEN row’s Recv-Q 1); socklab has accepted it already, so ss shows it ESTAB with Recv-Q 28, and the listener’s Recv-Q 0.',
  'lab.3a.wrong': '“The first is cancelled” — nothing is cancelled: the second waits its turn.',
  'lab.3a.connecting': 'lab 3a clients connecting to {own}',
  'lab.3a.done': 'lab 3a client #{first} served, client #{second} queued #{position}',
  'lab.3a.bothServed':
    'lab 3a clients #{first} and #{second} are both served: the mode was switched back to concurrent',

  'lab.3b.title': '3b · The first client closes',
  'lab.3b.observe':
    'Close the client being served: recv() returns b"" (EOF), the loop breaks, and the server takes the next queued client (Python: accept(); socklab: starts reading it), whose waiting bytes appear at once.',
  'lab.3b.step1': 'The first client closes (g closes lab 3a’s served client)',
  'lab.3b.py1': 'c1.close()',
  'lab.3b.step2': 'The server sees EOF and closes its side',
  'lab.3b.py2': "data = conn.recv(1024)  # b'' → break; conn.close()",
  'lab.3b.step3': 'The next queued connection is read (Python: accept() returns it first)',
  'lab.3b.py3': 'conn, addr = s.accept()  # the queued client',
  'lab.3b.question': 'What happens when the first client is closed?',
  'lab.3b.answer':
    'The server reads EOF (0 bytes), closes that connection, and takes the next one (Python: accept() from the accept queue; socklab: reads the one it had accepted); the second client’s message, waiting in the kernel, is read immediately.',
  'lab.3b.wrong':
    '“The server keeps running regardless” — true but incomplete: it is now serving the queued client.',
  'lab.3b.setUp': 'ran lab 3a’s steps first',
  'lab.3b.waiting': 'waiting for lab 3a’s clients: one served, one queued',
  'lab.3b.closing': 'closing lab 3a client #{first}; client #{second} waits to be served',
  'lab.3b.done': 'closed lab 3a client #{first}; client #{second} is served: {bytes} B read',

  'lab.3c.title': '3c · A 5-byte buffer',
  'lab.3c.observe':
    'Shrink the buffer to 5 bytes: the 28-byte message arrives as reads of 5, 5, 5, 5, 5, 3. TCP is a byte stream; it does not keep message boundaries.',
  'lab.3c.step1': 'Read at most 5 bytes at a time (g moves the slider)',
  'lab.3c.py1': 'data = conn.recv(5)',
  'lab.3c.step2': 'The client sends the 28-byte message',
  'lab.3c.py2': "c.sendall(b'Estou enviando uma mensagem!')",
  'lab.3c.question': 'How is the content received with a small buffer (e.g. 5)?',
  'lab.3c.answer':
    'All 28 bytes arrive, in 6 reads: 5 5 5 5 5 3. Each recv(5) returns at most 5 bytes; the loop keeps reading until the data runs out.',
  'lab.3c.wrong': '“It receives only 5 bytes” — it receives all 28, in several reads.',

  'lab.4.title': '4 · A server that stops reading',
  'lab.4.observe':
    'The server accepts but stops calling recv() while its client sends 10 MiB. Watch the paused connection’s Recv-Q grow to its receive buffer, the window close, the client’s Send-Q fill and socklab hold the rest: write() would block. Press p on the paused connection: everything drains, every byte counted.',
  'lab.4.step1':
    'The server accepts and stops calling recv() (g pauses the lab’s accepted connection)',
  'lab.4.py1': 'conn, addr = s.accept(); time.sleep(60)  # no recv(): the receive queue fills',
  'lab.4.step2': 'The client sends 10 MiB (g sends it)',
  'lab.4.py2': "c.sendall(b'x' * 10 * 1024 * 1024)  # blocks once the window is closed",
  'lab.4.step3': 'The server reads again (p on the paused connection)',
  'lab.4.py3': 'while data := conn.recv(65536): pass  # the window opens, sendall() returns',
  'lab.4.question':
    'What happens when a server stops calling recv() while its client keeps sending?',
  'lab.4.answer':
    'Nothing is lost and nothing breaks. The receiver’s kernel keeps the unread bytes (Recv-Q) until its buffer is full, then advertises a zero window; the sender’s kernel stops sending and keeps the rest (Send-Q); once its send buffer is full, send()/sendall() blocks. When the server reads again the window opens and all {total} arrive, in order.',
  'lab.4.wrong':
    '“The extra data is dropped” or “the connection breaks” — TCP never drops bytes it acknowledged: the sender waits (blocks).',
  'lab.4.connecting': 'lab 4 client connecting to {own}',
  'lab.4.filling':
    'conn #{conn} reading paused ({ahead} read ahead by Node); client #{client} sent {sent} of {total}, the kernel queues filling',
  'lab.4.blocked':
    'conn #{conn} paused; client #{client} blocked at {sent} of {total}, {held} held · p on #{conn} resumes',
  'lab.4.draining': 'conn #{conn} reading again: {read} of {total} read',
  'lab.4.done': 'conn #{conn} read all {total}: nothing was lost, only delayed',
} as const;
