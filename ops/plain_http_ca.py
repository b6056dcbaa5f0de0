"""`python -m ops.plain_http_ca FILE`: write a one-certificate CA file for a plain-http
Prefect API (`infra/up.sh` points PREFECT_API_SSL_CERT_FILE at it).

Prefect's client builds an SSL context from the whole CA bundle (~140 certificates, 28 ms of
CPU here) for every client it makes, one or more per flow run, even when the API URL is
http:// and no certificate is ever checked. A file holding one certificate makes that 0.5 ms.
Never used for an https API: up.sh sets it only for http:// URLs and only when the operator
has not set PREFECT_API_SSL_CERT_FILE.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import certifi

_CERT = re.compile(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----\n", re.S)


def write(path: Path) -> None:
    found = _CERT.search(Path(certifi.where()).read_text(encoding="ascii"))
    if found is None:
        raise SystemExit(f"no certificate in {certifi.where()}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(found.group(0), encoding="ascii")


if __name__ == "__main__":
    write(Path(sys.argv[1]))
