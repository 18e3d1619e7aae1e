#!/usr/bin/env python3
"""Um servidor UDP que nunca lê: os datagramas esperam no kernel (rx_queue) e,
com o buffer de recepção pequeno, o kernel descarta os que não cabem (drops).

Uso: udp_mudo.py RCVBUF
Imprime: PORT <porta>; termina quando a entrada padrão fecha.
"""
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, int(sys.argv[1]))
s.bind(("127.0.0.1", 0))
print("PORT", s.getsockname()[1], flush=True)
sys.stdin.read()
