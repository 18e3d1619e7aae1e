#!/usr/bin/env python3
"""A client that closes abortively: sends, sets SO_LINGER {on, 0 s}, closes, so the kernel
sends RST instead of FIN (test/unit/engine/abortive-close, test/e2e/abortive-close).

Usage: abort.py HOST PORT [--count N] [--message TEXT]

Per connection prints, one per line, for the test to read:
  PORT <local port>   SENT <bytes>   RESET
"""
import argparse
import socket
import struct


def out(text):
    print(text, flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--message", default="data then RST")
    args = p.parse_args()
    data = args.message.encode()
    for _ in range(args.count):
        s = socket.create_connection((args.host, args.port))
        out(f"PORT {s.getsockname()[1]}")
        s.sendall(data)
        out(f"SENT {len(data)}")
        # Linger on with a 0 s timeout: close() drops the connection with RST at once.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
        out("RESET")


if __name__ == "__main__":
    main()
