#!/usr/bin/env python3
"""Cliente do laboratório de sockets (Conectividade de Sistemas Ciberfísicos).

Uso: cliente.py HOST PORT [--count N] [--message TEXT] [--hold] [--recv N]

Cada conexão imprime, uma por linha (para os testes lerem):
  PORT <porta efêmera local>   SENT <bytes>   RECV <repr>   CLOSED
Erros: ERROR <nome do errno> e código de saída 1.
"""
import argparse
import errno
import socket
import sys


def out(texto):
    print(texto, flush=True)


def nome_do_erro(e):
    if isinstance(e, socket.gaierror):  # erro de DNS: EAI_NONAME, EAI_AGAIN...
        nomes = [n for n in dir(socket) if n.startswith("EAI_") and getattr(socket, n) == e.errno]
        return nomes[0] if nomes else "gaierror"
    return errno.errorcode.get(e.errno) or type(e).__name__


def main():
    p = argparse.ArgumentParser(description="cliente TCP do laboratório")
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--message", default="Estou enviando uma mensagem!")
    p.add_argument("--hold", action="store_true", help="espera uma linha no stdin antes de fechar")
    p.add_argument("--recv", type=int, default=None, help="depois de enviar, faz s.recv(N)")
    args = p.parse_args()

    try:
        for _ in range(args.count):
            s = socket.create_connection((args.host, args.port))
            out(f"PORT {s.getsockname()[1]}")  # porta efêmera escolhida pelo SO
            s.sendall(args.message.encode())
            out(f"SENT {len(args.message.encode())}")
            if args.recv is not None:
                dados = s.recv(args.recv)
                out(f"RECV {dados!r}")
            if args.hold:
                sys.stdin.readline()  # uma linha (ou EOF) libera o close
            s.close()
            out("CLOSED")
    except OSError as e:
        out(f"ERROR {nome_do_erro(e)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
