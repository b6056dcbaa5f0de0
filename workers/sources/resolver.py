"""Optional external resolver for names the registry does not know (Wikidata wbsearchentities).

Timeouts, retries with exponential backoff, a response cache in the database, and a circuit
breaker, so a slow or broken remote never stalls the worker.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from rapidfuzz import fuzz
from sqlalchemy.engine import Engine
from sqlmodel import Session

from contracts.record import SourceRef
from storage.tables.sources import ResolverCacheRow
from workers.runtime.outbound import OutboundRefused, outbound_client
from workers.sources.breaker import CircuitBreaker, CircuitOpen
from workers.sources.settings import ResolverSettings
from workers.sources.text_keys import keys_of

_RETRY_STATUS = {429, 500, 502, 503, 504}


class ResolverError(Exception):
    """The remote could not answer (after retries), or the circuit is open."""


@dataclass(frozen=True)
class Candidate:
    qid: str
    label: str
    description: str
    matched: str  # the label or alias the search matched


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class WikidataResolver:
    def __init__(
        self,
        base_url: str,
        engine: Engine,
        settings: ResolverSettings | None = None,
        sleep: Callable[[float], None] = time.sleep,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self.settings = settings or ResolverSettings()
        self.base_url = base_url
        self.engine = engine
        self._sleep = sleep
        self.breaker = breaker or CircuitBreaker(
            self.settings.resolver_breaker_failures, self.settings.resolver_breaker_reset
        )
        # refuses loopback/private addresses unless VERIFY_OUTBOUND_ALLOW lists them
        self._client = outbound_client(read_timeout_s=self.settings.resolver_timeout)

    @classmethod
    def from_settings(cls, engine: Engine) -> WikidataResolver | None:
        settings = ResolverSettings()
        if not settings.resolver_url:
            return None
        return cls(settings.resolver_url, engine, settings)

    def close(self) -> None:
        self._client.close()

    def search(self, name: str, language: str = "en", limit: int = 5) -> list[Candidate]:
        params = {
            "action": "wbsearchentities",
            "search": name,
            "language": language,
            "uselang": language,
            "type": "item",
            "limit": str(limit),
            "format": "json",
        }
        return self._parse(self._get(params))

    def resolve(self, name: str, language: str = "en") -> SourceRef | None:
        """The best candidate whose matched text is close to `name`, as a `wikidata:Q…` ref."""
        query = " ".join(keys_of(name))
        best: tuple[float, Candidate] | None = None
        for cand in self.search(name, language):
            score = fuzz.ratio(query, " ".join(keys_of(cand.matched))) / 100.0
            if best is None or score > best[0]:
                best = (score, cand)
        if best is None or best[0] < self.settings.resolver_min_score:
            return None
        score, cand = best
        return SourceRef(
            source_id=f"wikidata:{cand.qid}",
            name=cand.label,
            kind="unknown",
            match_score=round(score, 3),
        )

    @staticmethod
    def _parse(body: str) -> list[Candidate]:
        try:
            data = json.loads(body)
        except json.JSONDecodeError as exc:
            raise ResolverError(f"resolver answered with invalid JSON: {exc}") from exc
        out: list[Candidate] = []
        for item in data.get("search", []) if isinstance(data, dict) else []:
            if not isinstance(item, dict) or not item.get("id"):
                continue
            label = str(item.get("label") or item["id"])
            match = item.get("match") or {}
            out.append(
                Candidate(
                    qid=str(item["id"]),
                    label=label,
                    description=str(item.get("description") or ""),
                    matched=str(match.get("text") or label),
                )
            )
        return out

    def _cache_key(self, params: dict[str, str]) -> str:
        raw = self.base_url + "?" + "&".join(f"{k}={params[k]}" for k in sorted(params))
        return hashlib.sha256(raw.encode()).hexdigest()

    def _get(self, params: dict[str, str]) -> str:
        key = self._cache_key(params)
        now = _utcnow()
        with Session(self.engine) as session:
            cached = session.get(ResolverCacheRow, key)
            if cached is not None and _aware(cached.expires_at) > now:
                return cached.body
        body = self._fetch(params)
        with Session(self.engine) as session:
            row = session.get(ResolverCacheRow, key) or ResolverCacheRow(
                key=key,
                url=self.base_url,
                query=params["search"][:500],
                status_code=200,
                body="",
                fetched_at=now,
                expires_at=now,
            )
            row.body = body
            row.status_code = 200
            row.fetched_at = now
            row.expires_at = now + timedelta(seconds=self.settings.resolver_cache_ttl)
            session.add(row)
            session.commit()
        return body

    def _fetch(self, params: dict[str, str]) -> str:
        try:
            self.breaker.before_call()
        except CircuitOpen as exc:
            raise ResolverError(str(exc)) from exc
        last = "no attempt"
        for attempt in range(self.settings.resolver_retries + 1):
            if attempt:
                self._sleep(self.settings.resolver_backoff * 2 ** (attempt - 1))
            try:
                response = self._client.get(self.base_url, params=params)
            except OutboundRefused as exc:  # a configuration matter: retrying cannot help
                raise ResolverError(str(exc)) from exc
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}: {exc}"
                continue
            if response.status_code in _RETRY_STATUS:
                last = f"HTTP {response.status_code}"
                continue
            if response.status_code != 200:
                self.breaker.record_failure()
                raise ResolverError(f"resolver answered HTTP {response.status_code}")
            self.breaker.record_success()
            return response.text
        self.breaker.record_failure()
        raise ResolverError(f"resolver failed after {attempt + 1} attempts: {last}")
