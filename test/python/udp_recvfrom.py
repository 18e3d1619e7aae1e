#!/usr/bin/env python3
"""Servidor UDP do laboratório: recvfrom(N) num datagrama maior que N.

Uso: udp_recvfrom.py N
Imprime: PORT <porta>, depois para cada datagrama: GOT <bytes> <hex> FROM <porta>
(Linux/macOS: recvfrom(N) devolve N bytes e o resto do datagrama é descartado.)
"""
import socket
import sys

n = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print("PORT", s.getsockname()[1], flush=True)
s.settimeout(10)
try:
    while True:
        data, addr = s.recvfrom(n)
        print("GOT", len(data), data.hex(), "FROM", addr[1], flush=True)
except socket.timeout:
    print("TIMEOUT", flush=True)
