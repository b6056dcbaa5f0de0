"""The one way to make outbound HTTP requests to addresses that come from data or third parties
(the source resolver, and anything that fetches later): `outbound_client()`.

- Every address the host resolves to is checked; loopback, private, link-local, multicast,
  reserved and other non-global addresses are refused unless allow-listed
  (VERIFY_OUTBOUND_ALLOW: IPs, CIDR ranges or host names, comma-separated).
- The connection goes to the address that was checked, not to a second DNS answer (DNS
  rebinding); the Host header and TLS server name stay the original host's.
- Timeouts on connect/read/write/pool, redirects re-checked hop by hop, and a cap on the
  response size (VERIFY_OUTBOUND_MAX_RESPONSE_BYTES).
Infrastructure endpoints an operator configures (Kafka, the database, the Prefect API) are
not fetched through it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator
from typing import Annotated, Any

import httpx
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


class OutboundRefused(httpx.RequestError):
    """The request was not sent: the address is not allowed, or the answer is too large."""


class OutboundSettings(BaseSettings):
    """Env prefix VERIFY_OUTBOUND_."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_OUTBOUND_", extra="ignore")

    allow: Annotated[list[str], NoDecode] = Field(default_factory=list)
    connect_timeout_s: float = 3.0
    read_timeout_s: float = 10.0
    max_response_bytes: int = 5_000_000
    max_redirects: int = 3

    @field_validator("allow", mode="before")
    @classmethod
    def _split(cls, raw: object) -> object:
        if isinstance(raw, str):
            return [p.strip() for p in raw.split(",") if p.strip()]
        return raw


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class AllowList:
    def __init__(self, entries: list[str]) -> None:
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        self.hosts: set[str] = set()
        for entry in entries:
            try:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                self.hosts.add(entry.lower().rstrip("."))

    def allows(self, host: str, address: Address) -> bool:
        return host.lower().rstrip(".") in self.hosts or any(
            address in net for net in self.networks if net.version == address.version
        )


def refusal(address: Address) -> str | None:
    """Why `address` is not a public destination, or None when it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal(address.ipv4_mapped)
    for kind in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:
        return "not globally routable"
    return None


def check_destination(host: str, addresses: list[str], allow: AllowList) -> Address:
    """The address to connect to; raises OutboundRefused if any answer is not allowed."""
    if not addresses:
        raise OutboundRefused(f"{host} did not resolve to any address")
    checked: list[Address] = []
    for raw in addresses:
        address = ipaddress.ip_address(raw.split("%", 1)[0])
        why = refusal(address)
        if why is not None and not allow.allows(host, address):
            raise OutboundRefused(
                f"refused to connect to {host} ({address}): a {why} address "
                "(allow it with VERIFY_OUTBOUND_ALLOW)"
            )
        checked.append(address)
    return checked[0]


class _CappedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, cap: int, url: str) -> None:
        self.inner, self.cap, self.url, self.seen = inner, cap, url, 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            self.seen += len(chunk)
            if self.seen > self.cap:
                raise OutboundRefused(f"response from {self.url} is over {self.cap:,} bytes")
            yield chunk

    def close(self) -> None:
        self.inner.close()


class GuardedTransport(httpx.HTTPTransport):
    """Resolves, checks every address, then connects to the checked one."""

    def __init__(
        self, settings: OutboundSettings, resolver: Resolver = system_resolver, **kw: Any
    ) -> None:
        super().__init__(**kw)
        self.settings = settings
        self.allow = AllowList(settings.allow)
        self.resolver = resolver

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            literal = ipaddress.ip_address(host)
            addresses = [str(literal)]
        except ValueError:
            try:
                addresses = self.resolver(host, port)
            except OSError as exc:
                raise httpx.ConnectError(f"cannot resolve {host}: {exc}", request=request) from exc
        address = check_destination(host, addresses, self.allow)
        # connect to the checked address; the Host header (set from the original URL) stays
        request.url = request.url.copy_with(host=str(address))
        if request.url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": host}
        response = super().handle_request(request)
        declared = response.headers.get("content-length", "")
        cap = self.settings.max_response_bytes
        if declared.isdigit() and int(declared) > cap:
            response.close()
            raise OutboundRefused(
                f"response from {host} declares {int(declared):,} bytes (cap {cap:,})"
            )
        assert isinstance(response.stream, httpx.SyncByteStream)
        response.stream = _CappedStream(response.stream, cap, host)
        return response


def outbound_client(
    settings: OutboundSettings | None = None,
    resolver: Resolver = system_resolver,
    *,
    read_timeout_s: float | None = None,
    **kw: Any,
) -> httpx.Client:
    """An httpx.Client for untrusted destinations (see the module doc)."""
    settings = settings or OutboundSettings()
    timeout = httpx.Timeout(
        read_timeout_s or settings.read_timeout_s,
        connect=settings.connect_timeout_s,
        pool=settings.connect_timeout_s,
    )
    return httpx.Client(
        transport=GuardedTransport(settings, resolver),
        timeout=timeout,
        max_redirects=settings.max_redirects,
        trust_env=False,  # no proxy from the environment: it would connect for us, unchecked
        **kw,
    )
