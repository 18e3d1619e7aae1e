#!/usr/bin/env python3
"""An HTTP/1.0-style client: sends its request, shuts its sending side (FIN), then reads the
answer until EOF (test/unit/engine/half-open, test/e2e/half-open).

Usage: halfclose.py HOST PORT [--message TEXT] [--recv N]

Prints, one per line, for the test to read:
  PORT <local port>   SENT <bytes>   SHUT_WR   RECV <repr> (one per read)   EOF   CLOSED
Errors: ERROR <errno name> and exit status 1.
"""
import argparse
import errno
import socket


def out(text):
    print(text, flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--message", default="Estou enviando uma mensagem!")
    p.add_argument("--recv", type=int, default=1024)
    args = p.parse_args()
    try:
        s = socket.create_connection((args.host, args.port))
        out(f"PORT {s.getsockname()[1]}")
        s.sendall(args.message.encode())
        out(f"SENT {len(args.message.encode())}")
        s.shutdown(socket.SHUT_WR)  # FIN: nothing more from us, but we still read
        out("SHUT_WR")
        while True:
            data = s.recv(args.recv)
            if not data:
                out("EOF")
                break
            out(f"RECV {data!r}")
        s.close()
        out("CLOSED")
    except OSError as e:
        out(f"ERROR {errno.errorcode.get(e.errno) or type(e).__name__}")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
