#!/usr/bin/env python3
"""Um servidor que escuta e nunca chama accept(): as conexões ficam na fila do kernel.

Uso: escuta.py HOST PORT [--backlog N]

Imprime LISTENING <porta> e espera até o stdin fechar (ou um sinal). Falha: BIND-ERROR <errno>.
"""
import argparse
import errno
import socket
import sys


def main():
    p = argparse.ArgumentParser(description="escuta sem aceitar")
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--backlog", type=int, default=5)
    args = p.parse_args()
    familia = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    s = socket.socket(familia, socket.SOCK_STREAM)
    try:
        s.bind((args.host, args.port))
    except OSError as e:
        print(f"BIND-ERROR {errno.errorcode.get(e.errno)}", flush=True)
        sys.exit(1)
    s.listen(args.backlog)
    print(f"LISTENING {s.getsockname()[1]}", flush=True)
    sys.stdin.read()  # até o stdin fechar: nenhum accept()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
