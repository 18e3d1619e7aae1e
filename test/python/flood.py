#!/usr/bin/env python3
"""A peer that sends as fast as TCP lets it and does not read (test/reliability/backpressure).

Usage: flood.py HOST PORT [--seconds S] [--rcvbuf BYTES] [--chunk BYTES]

Sets SO_RCVBUF before connect (so the window it advertises stays small), sends CHUNK-byte
buffers for S seconds without ever calling recv, then waits for a line on stdin, sends FIN
and reads everything until EOF. Prints, one per line, for the test to read:
  PORT <local port>   SENT <total so far> (every 0.25 s)   DONE <total sent>
  READ <total read>   CLOSED
"""
import argparse
import select
import socket
import sys
import time


def out(text):
    print(text, flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--seconds", type=float, default=30.0)
    p.add_argument("--rcvbuf", type=int, default=4096)
    p.add_argument("--chunk", type=int, default=65536)
    args = p.parse_args()

    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, args.rcvbuf)
    s.connect((args.host, args.port))
    out(f"PORT {s.getsockname()[1]}")
    s.setblocking(False)
    buf = b"x" * args.chunk
    sent = 0
    end = time.monotonic() + args.seconds
    next_report = 0.0
    while True:
        now = time.monotonic()
        if now >= end:
            break
        if now >= next_report:
            out(f"SENT {sent}")
            next_report = now + 0.25
        # Bounded waits: a blocked sender wakes up to report and to see the deadline.
        _, writable, _ = select.select([], [s], [], min(0.1, end - now))
        if not writable:
            continue
        try:
            sent += s.send(buf)
        except BlockingIOError:
            pass
    out(f"SENT {sent}")
    out(f"DONE {sent}")

    sys.stdin.readline()  # the test samples socklab before the drain
    s.setblocking(True)
    s.settimeout(60)
    s.shutdown(socket.SHUT_WR)
    got = 0
    while True:
        data = s.recv(1 << 20)
        if not data:
            break
        got += len(data)
    out(f"READ {got}")
    s.close()
    out("CLOSED")


if __name__ == "__main__":
    main()
