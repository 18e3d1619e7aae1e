#!/usr/bin/env python3
"""Muitos datagramas de tamanhos aleatórios (semente fixa), com ritmo.

Uso: udp_flood.py HOST PORT COUNT SEED [MAXSIZE]
Cada datagrama começa com seu número (4 bytes, big-endian); tamanhos de 4 a MAXSIZE.
Imprime: SIZES <soma> <tamanhos separados por vírgula> e DONE <enviados> no fim.
"""
import random
import socket
import struct
import sys
import time

host, port, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
maxsize = int(sys.argv[5]) if len(sys.argv) > 5 else 1400
rng = random.Random(seed)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
total = 0
sizes = []
for i in range(count):
    size = rng.randint(4, maxsize)
    s.sendto(struct.pack(">I", i) + b"x" * (size - 4), (host, port))
    total += size
    sizes.append(size)
    if i % 50 == 49:
        time.sleep(0.002)  # ritmo: não afogar o buffer de recepção do loopback
print("SIZES", total, ",".join(map(str, sizes)), flush=True)
print("DONE", count, flush=True)
