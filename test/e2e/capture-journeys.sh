#!/usr/bin/env bash
# Captures the README's pictures from the real dashboard in tmux (120x40) into assets/.
# Run after `npm run build`; needs tmux. Listens only on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=assets
mkdir -p "$out"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
S=socklab-capture
start() { tmux kill-session -t $S 2>/dev/null || true; tmux new -d -s $S -x 120 -y 40 "node dist/cli.js -l 127.0.0.1:$port $*"; sleep 1.5; }
keys() { for k in "$@"; do tmux send-keys -t $S "$k"; sleep 0.35; done; }
type_text() { local s="$1"; for ((i = 0; i < ${#s}; i++)); do tmux send-keys -t $S -l "${s:i:1}"; sleep 0.03; done; }
shot() { sleep 0.8; tmux capture-pane -p -t $S > "$out/$1"; }

# 1: a client connects; its local port is the connection's peer port.
start
keys c
shot journey-1-ephemeral-port.txt
cp "$out/journey-1-ephemeral-port.txt" "$out/dashboard.txt"

# 2: a second listener on the same port fails with EADDRINUSE.
keys n Enter
shot journey-2-eaddrinuse.txt

# 3: buffer 5, the lab's 28-byte message arrives as 5 5 5 5 5 3; back to 1024, one read.
start
keys - - - - - - - - c Enter
type_text 'Estou enviando uma mensagem!'
keys Enter Escape + + + + + + + + Enter
type_text 'Estou enviando uma mensagem!'
keys Enter
shot journey-3-fragmentation.txt
tmux send-keys -t $S q
sleep 0.5
tmux kill-session -t $S 2>/dev/null || true
echo "captured into $out/"
