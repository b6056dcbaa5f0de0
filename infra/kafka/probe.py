#!/usr/bin/env python3
"""Kafka readiness / topic probe (stdlib only, ~50 ms, no JVM, no kafka-python).

probe.py HOST:PORT [-v]              exit 0 when the broker answers Metadata with >= 1 live broker
probe.py HOST:PORT NAME=PARTS ...    exit 0 when every topic exists with exactly PARTS partitions,
                                     3 when some are missing, 2 when a partition count differs,
                                     1 when the broker is not ready
"""

import socket
import struct
import sys


class Reader:
    def __init__(self, data):
        self.d, self.i = data, 0

    def take(self, fmt):
        v = struct.unpack_from(fmt, self.d, self.i)
        self.i += struct.calcsize(fmt)
        return v[0] if len(v) == 1 else v

    def string(self):
        n = self.take(">h")
        if n < 0:
            return None
        s = self.d[self.i : self.i + n].decode()
        self.i += n
        return s

    def int32_array(self):
        n = self.take(">i")
        return [self.take(">i") for _ in range(max(n, 0))]


def _read(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise RuntimeError("connection closed")
        buf += chunk
    return buf


def _request(sock, api_key, version, corr, body=b""):
    client = b"verify-probe"
    msg = struct.pack(">hhih", api_key, version, corr, len(client)) + client + body
    sock.sendall(struct.pack(">i", len(msg)) + msg)
    data = _read(sock, struct.unpack(">i", _read(sock, 4))[0])
    if struct.unpack(">i", data[:4])[0] != corr:
        raise RuntimeError("correlation id mismatch")
    return Reader(data[4:])


def metadata(host, port, timeout=3.0):
    """-> (number of live brokers, {topic: partition count}) via ApiVersions + Metadata v4."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.settimeout(timeout)
        r = _request(s, 18, 0, 1)  # ApiVersions v0
        if r.take(">h"):
            raise RuntimeError("ApiVersions error")
        versions = dict(
            (k, (lo, hi)) for k, lo, hi in (r.take(">hhh") for _ in range(r.take(">i")))
        )
        lo, hi = versions.get(3, (99, -1))
        if not lo <= 4 <= hi:
            raise RuntimeError(f"broker does not support Metadata v4 ({lo}..{hi})")
        r = _request(s, 3, 4, 2, struct.pack(">ib", -1, 0))  # all topics, no auto-create
        r.take(">i")  # throttle
        nbrokers = r.take(">i")
        for _ in range(nbrokers):
            r.take(">i")
            r.string()
            r.take(">i")
            r.string()
        r.string()
        r.take(">i")  # cluster id, controller id
        topics = {}
        for _ in range(r.take(">i")):
            err = r.take(">h")
            name = r.string()
            r.take(">b")
            nparts = r.take(">i")
            for _ in range(nparts):
                r.take(">hii")
                r.int32_array()
                r.int32_array()
            if err == 0:
                topics[name] = nparts
        return nbrokers, topics


def main(argv):
    host, _, port = argv[1].rpartition(":")
    try:
        nbrokers, topics = metadata(host or "127.0.0.1", int(port))
        if nbrokers < 1:
            raise RuntimeError("metadata has no live broker yet")
    except Exception as e:
        print(f"kafka not ready at {argv[1]}: {e}", file=sys.stderr)
        return 1
    want = dict((a.split("=")[0], int(a.split("=")[1])) for a in argv[2:] if "=" in a)
    if "-v" in argv:
        user = {t: n for t, n in sorted(topics.items()) if not t.startswith("__")}
        print(f"ok: {nbrokers} broker(s); topics: {user}")
    missing = [t for t in want if t not in topics]
    wrong = [
        f"{t} has {topics[t]} partitions, expected {n}"
        for t, n in want.items()
        if t in topics and topics[t] != n
    ]
    for w in wrong:
        print(w, file=sys.stderr)
    return 2 if wrong else 3 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
