#!/usr/bin/env python3
"""Servidor do laboratório de sockets: um cliente de cada vez (laço bloqueante).

Uso: servidor.py HOST PORT [--buffer N] [--echo] [--once]

Imprime, uma por linha: LISTENING <porta>, ACCEPTED <porta do cliente>,
READ <bytes> <repr> (um por recv), CLOSED. Falha no bind: BIND-ERROR <errno>.
"""
import argparse
import errno
import socket
import sys


def out(texto):
    print(texto, flush=True)


def main():
    p = argparse.ArgumentParser(description="servidor TCP do laboratório")
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--buffer", type=int, default=1024)
    p.add_argument("--echo", action="store_true")
    p.add_argument("--once", action="store_true")
    args = p.parse_args()

    familia = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    s = socket.socket(familia, socket.SOCK_STREAM)
    try:
        s.bind((args.host, args.port))
    except OSError as e:
        out(f"BIND-ERROR {errno.errorcode.get(e.errno)}")
        sys.exit(1)
    s.listen()
    out(f"LISTENING {s.getsockname()[1]}")

    while True:
        conn, addr = s.accept()
        out(f"ACCEPTED {addr[1]}")  # porta efêmera do cliente
        try:
            while True:
                data = conn.recv(args.buffer)
                if not data:
                    break
                out(f"READ {len(data)} {data!r}")
                if args.echo:
                    conn.sendall(data)
        except OSError as e:
            out(f"ERROR {errno.errorcode.get(e.errno, type(e).__name__)}")
        conn.close()
        out("CLOSED")
        if args.once:
            break
    s.close()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
