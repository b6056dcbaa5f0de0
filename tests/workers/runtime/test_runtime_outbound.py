"""Outbound HTTP refuses non-public addresses unless allow-listed: real httpx against a server
on loopback. Only loopback is ever connected to; private ranges are checked as pure logic."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from workers.runtime.outbound import (
    OutboundRefused,
    OutboundSettings,
    outbound_client,
    refusal,
)


class Seen:
    def __init__(self) -> None:
        self.hosts: list[str] = []


def _handler(seen: Seen) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            seen.hosts.append(self.headers.get("Host", ""))
            if self.path.startswith("/big"):
                body = b"x" * 200_000
            elif self.path.startswith("/chunked"):
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for _ in range(50):
                    self.wfile.write(b"1000\r\n" + b"y" * 4096 + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
                return
            elif self.path.startswith("/redirect"):
                self.send_response(302)
                self.send_header("Location", self.path.split("?to=", 1)[1])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            elif self.path.startswith("/slow"):
                time.sleep(1.5)
                body = b"late"
            else:
                body = b"ok"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[int, Seen]]:
    seen = Seen()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(seen))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1]), seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def _client(*allow: str, **kw: object) -> httpx.Client:
    return outbound_client(OutboundSettings(allow=list(allow), **kw))  # type: ignore[arg-type]


def test_loopback_is_refused_before_anything_is_sent(server: tuple[int, Seen]) -> None:
    port, seen = server
    for url in (f"http://127.0.0.1:{port}/", f"http://localhost:{port}/"):
        with _client() as http, pytest.raises(OutboundRefused, match="loopback address"):
            http.get(url)
    assert seen.hosts == []


def test_an_allow_listed_address_is_reached(server: tuple[int, Seen]) -> None:
    port, seen = server
    with _client("127.0.0.1/32") as http:
        assert http.get(f"http://127.0.0.1:{port}/").text == "ok"
    assert seen.hosts == [f"127.0.0.1:{port}"]


def test_the_checked_address_is_the_one_connected_to(server: tuple[int, Seen]) -> None:
    """DNS rebinding: the name is resolved once per request and the connection goes to that
    answer; the server still sees the original Host."""
    port, seen = server
    calls: list[str] = []

    def resolver(host: str, _port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    settings = OutboundSettings(allow=["127.0.0.0/8"])
    with outbound_client(settings, resolver) as http:
        assert http.get(f"http://news.example.test:{port}/").text == "ok"
    assert calls == ["news.example.test"]
    assert seen.hosts == [f"news.example.test:{port}"]


def test_every_resolved_address_is_checked(server: tuple[int, Seen]) -> None:
    port, seen = server

    def resolver(_host: str, _port: int) -> list[str]:
        return ["127.0.0.2", "127.0.0.1"]  # the second answer is not allow-listed

    settings = OutboundSettings(allow=["127.0.0.2/32"])
    refused = pytest.raises(OutboundRefused, match=r"\(127\.0\.0\.1\): a loopback")
    with outbound_client(settings, resolver) as http, refused:
        http.get(f"http://twofaced.example.test:{port}/")
    assert seen.hosts == []


def test_a_redirect_to_a_refused_address_is_refused(server: tuple[int, Seen]) -> None:
    port, seen = server
    target = f"http://127.0.0.2:{port}/"
    with _client("127.0.0.1/32") as http, pytest.raises(OutboundRefused, match=r"127\.0\.0\.2"):
        http.get(f"http://127.0.0.1:{port}/redirect?to={target}", follow_redirects=True)
    assert seen.hosts == [f"127.0.0.1:{port}"]  # the first hop only


def test_responses_over_the_cap_are_refused(server: tuple[int, Seen]) -> None:
    port, _ = server
    with _client("127.0.0.1", max_response_bytes=100_000) as http:
        with pytest.raises(OutboundRefused, match="declares 200,000 bytes"):
            http.get(f"http://127.0.0.1:{port}/big")
        with pytest.raises(OutboundRefused, match="over 100,000 bytes"):
            http.get(f"http://127.0.0.1:{port}/chunked")  # no length given: counted
        assert http.get(f"http://127.0.0.1:{port}/").text == "ok"


def test_a_slow_server_times_out(server: tuple[int, Seen]) -> None:
    port, _ = server
    with _client("127.0.0.1", read_timeout_s=0.3) as http, pytest.raises(httpx.ReadTimeout):
        http.get(f"http://127.0.0.1:{port}/slow")


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoint
        ("fe80::1", "link-local"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("fd00::1", "private"),
        ("0.0.0.0", "private"),
        ("100.64.0.1", "not globally routable"),  # carrier-grade NAT
        ("224.0.0.1", "multicast"),
        ("8.8.8.8", None),
        ("2001:4860:4860::8888", None),
    ],
)
def test_which_addresses_are_refused(address: str, why: str | None) -> None:
    assert refusal(ipaddress.ip_address(address)) == why


def test_the_allow_list_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_OUTBOUND_ALLOW", "10.0.0.0/8, resolver.internal")
    assert OutboundSettings().allow == ["10.0.0.0/8", "resolver.internal"]
