"""Who may call the HTTP API: API keys with scopes, compared in constant time, never logged.

Keys come from (all may be combined):
- VERIFY_API_KEY: one key with the `write` scope (write implies read);
- VERIFY_API_KEY_FILE: a file of keys, one per line, `KEY` (write) or `read:KEY` / `write:KEY`;
  `make up` writes a random write key to `.run/api-key` when VERIFY_API_KEY is unset;
- VERIFY_API_KEYS: the same entries, comma-separated, e.g. `write:k1,read:k2`.
Reads are open unless VERIFY_API_READS=keyed; every write needs a `write` key.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

Scope = Literal["read", "write"]
SCOPES: dict[str, frozenset[str]] = {
    "read": frozenset({"read"}),
    "write": frozenset({"read", "write"}),
}


class AccessSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    api_key: SecretStr | None = None
    api_key_file: Path | None = None
    api_keys: SecretStr | None = None
    api_reads: Literal["open", "keyed"] = "open"


class KeyConfigError(ValueError):
    """A key entry cannot be read (the message never contains the key)."""


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", errors="surrogatepass")).digest()


@dataclass(frozen=True)
class KeyTable:
    """SHA-256 digests of the known keys and their scopes (the keys themselves are not kept)."""

    entries: tuple[tuple[bytes, frozenset[str]], ...]

    def scopes_of(self, presented: str) -> frozenset[str]:
        """The scopes of `presented`; every entry is compared, in constant time each."""
        digest = _digest(presented)
        found: frozenset[str] = frozenset()
        for known, scopes in self.entries:
            if hmac.compare_digest(known, digest):
                found = found | scopes
        return found

    def __bool__(self) -> bool:
        return bool(self.entries)


def parse_entries(lines: list[str], where: str) -> list[tuple[bytes, frozenset[str]]]:
    out = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        scope, sep, key = line.partition(":")
        if not sep or scope not in SCOPES:
            scope, key = "write", line  # a bare key (generated keys have no ':')
        if len(key) < 8:
            raise KeyConfigError(f"{where}: entry {n} has a key shorter than 8 characters")
        out.append((_digest(key), SCOPES[scope]))
    return out


def _file_lines(path: Path | None) -> list[str]:
    if path is None or not path.exists():
        return []
    return path.read_text(encoding="utf-8").splitlines()


@lru_cache(maxsize=8)
def _table(
    key: str | None, keys: str | None, path: Path | None, _mtime: int | None
) -> KeyTable:
    entries = []
    if key:
        entries.append((_digest(key), SCOPES["write"]))
    if keys:
        entries += parse_entries(keys.split(","), "VERIFY_API_KEYS")
    entries += parse_entries(_file_lines(path), f"VERIFY_API_KEY_FILE ({path})")
    return KeyTable(tuple(entries))


def key_table(settings: AccessSettings) -> KeyTable:
    """The keys now in force (the key file is re-read when it changes)."""
    path = settings.api_key_file
    mtime = path.stat().st_mtime_ns if path is not None and path.exists() else None
    return _table(
        settings.api_key.get_secret_value() if settings.api_key else None,
        settings.api_keys.get_secret_value() if settings.api_keys else None,
        path,
        mtime,
    )
