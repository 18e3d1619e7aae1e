#!/usr/bin/env python3
"""Cliente UDP do laboratório: um sendto() = um datagrama.

Uso: udp_cliente.py HOST PORT [--message TEXT]
Imprime: PORT <porta local>  SENT <bytes>
"""
import argparse
import socket

p = argparse.ArgumentParser(description="cliente UDP do laboratório")
p.add_argument("host")
p.add_argument("port", type=int)
p.add_argument("--message", default="Estou enviando uma mensagem!")
a = p.parse_args()

familia = socket.AF_INET6 if ":" in a.host else socket.AF_INET
s = socket.socket(familia, socket.SOCK_DGRAM)
s.bind(("::1" if familia == socket.AF_INET6 else "127.0.0.1", 0))
print("PORT", s.getsockname()[1], flush=True)
n = s.sendto(a.message.encode(), (a.host, a.port))
print("SENT", n, flush=True)
s.close()
