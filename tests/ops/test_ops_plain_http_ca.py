"""The CA file a plain-http Prefect API gets: one valid certificate, so an SSL context made
from it (as Prefect's client makes one per client) loads exactly that certificate."""

from __future__ import annotations

import ssl
from pathlib import Path

from ops.plain_http_ca import write


def test_it_holds_one_certificate_an_ssl_context_loads(tmp_path: Path) -> None:
    path = tmp_path / "prefect" / "plain-http-ca.pem"
    write(path)
    assert path.read_text().count("BEGIN CERTIFICATE") == 1
    context = ssl.create_default_context(cafile=str(path))
    assert len(context.get_ca_certs()) == 1
