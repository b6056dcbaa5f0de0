"""The source registry: seeded into the database from the data file, matched in memory."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from rapidfuzz import fuzz, process
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from contracts.record import SourceRef
from storage.tables.sources import SourceRegistryMeta, SourceRow
from workers.sources import cues
from workers.sources.registry_file import RegistryFile, SourceEntry
from workers.sources.registry_file import read_registry_file as read_registry_file_at
from workers.sources.text_keys import is_acronym, keys_of, tokenize

VERSION_KEY = "registry_version"


def read_registry_file() -> RegistryFile:
    """The shipped data file (a seam tests replace to simulate a newer file)."""
    return read_registry_file_at()


_ROLE_KINDS = frozenset({"government"})
FUZZY_THRESHOLD = 0.88  # below this a name is `unknown` rather than a doubtful match


@dataclass(frozen=True, slots=True)
class AliasPattern:
    """One alias as a token-key sequence; `cased` holds the raw form of acronym tokens."""

    keys: tuple[str, ...]
    cased: tuple[str | None, ...]
    first_norm: str
    entry_id: str
    ambiguous: bool


def entry_from_row(row: SourceRow) -> SourceEntry:
    return SourceEntry(
        id=row.id,
        name=row.name,
        kind=row.kind,
        country=row.country,
        domain=row.domain,
        aliases_en=json.loads(row.aliases_en),
        aliases_ar=json.loads(row.aliases_ar),
        reliability=row.reliability,
        reliability_basis=row.reliability_basis,
    )


def row_from_entry(entry: SourceEntry, origin: str) -> SourceRow:
    return SourceRow(
        id=entry.id,
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        domain=entry.domain,
        reliability=entry.reliability,
        reliability_basis=entry.reliability_basis,
        aliases_en=json.dumps(entry.aliases_en, ensure_ascii=False),
        aliases_ar=json.dumps(entry.aliases_ar, ensure_ascii=False),
        origin=origin,
        updated_at=datetime.now(UTC),
    )


def seed_registry(engine: Engine) -> int:
    """Copy the data file into the `sources` table when the table is empty or the file is newer.

    Rows an editor changed through the API (`origin = "api"`) are kept. Returns rows written.
    """
    doc = read_registry_file()
    with Session(engine) as session:
        meta = session.get(SourceRegistryMeta, VERSION_KEY)
        has_rows = session.exec(select(SourceRow.id).limit(1)).first() is not None
        if has_rows and meta is not None and int(meta.value) >= doc.version:
            return 0
        written = 0
        for entry in doc.sources:
            existing = session.get(SourceRow, entry.id)
            if existing is not None and existing.origin == "api":
                continue
            fresh = row_from_entry(entry, origin="seed")
            if existing is None:
                session.add(fresh)
            else:
                for field in SourceRow.model_fields:
                    setattr(existing, field, getattr(fresh, field))
            written += 1
        if meta is None:
            session.add(SourceRegistryMeta(key=VERSION_KEY, value=str(doc.version)))
        else:
            meta.value = str(doc.version)
        try:
            session.commit()
        except IntegrityError:
            # another replica seeded at the same moment; its rows are the same file's rows
            session.rollback()
            return 0
        return written


def source_ref(entry: SourceEntry, score: float) -> SourceRef:
    score = round(min(max(score, 0.0), 1.0), 3)
    if entry.kind == "vague":
        return SourceRef(source_id="vague", name=entry.name, kind="vague", match_score=score)
    return SourceRef(
        source_id=entry.id,
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        reliability=entry.reliability,
        match_score=score,
    )


def unknown_ref(mention: str) -> SourceRef:
    return SourceRef(source_id="unknown", name=mention, kind="unknown", match_score=0.0)


class SourceRegistry:
    """All entries plus the indexes the matcher needs; built once, read by many lookups."""

    def __init__(self, entries: list[SourceEntry]) -> None:
        self.entries: dict[str, SourceEntry] = {entry.id: entry for entry in entries}
        self.by_first_key: dict[str, list[AliasPattern]] = defaultdict(list)
        self.by_keys: dict[tuple[str, ...], list[str]] = defaultdict(list)
        choice_ids: list[str] = []
        choices: list[str] = []
        for entry in entries:
            for alias in [*entry.aliases_en, *entry.aliases_ar, entry.name]:
                pattern = self._pattern(alias, entry.id)
                if pattern is None:
                    continue
                self.by_first_key[pattern.keys[0]].append(pattern)
                if entry.id not in self.by_keys[pattern.keys]:
                    self.by_keys[pattern.keys].append(entry.id)
                if not pattern.ambiguous:
                    choices.append(" ".join(pattern.keys))
                    choice_ids.append(entry.id)
        for patterns in self.by_first_key.values():
            patterns.sort(key=lambda p: -len(p.keys))
        self.by_role = self._roles(entries)
        self._choices = choices
        self._choice_ids = choice_ids

    def _roles(self, entries: list[SourceEntry]) -> dict[tuple[str, ...], dict[str, str]]:
        """Aliases of national bodies with the nationality taken out ("وزارة الدفاع البريطانية"
        -> "وزارة الدفاع"), mapped to the entry of each country: a role the context must place.
        A role that is itself some entry's full alias is left to the alias match."""
        roles: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
        for entry in entries:
            if entry.kind not in _ROLE_KINDS or entry.country is None:
                continue
            nationality = cues.NATIONALITY.get(entry.country, frozenset())
            for alias in [*entry.aliases_en, *entry.aliases_ar, entry.name]:
                keys = keys_of(alias.lstrip("~"))
                base = tuple(key for key in keys if key not in nationality)
                if (
                    base
                    and base != keys
                    and base not in self.by_keys
                    and all(key in cues.ROLE_WORDS for key in base)
                ):
                    roles[base].setdefault(entry.country, entry.id)
        return dict(roles)

    @staticmethod
    def _pattern(alias: str, entry_id: str) -> AliasPattern | None:
        ambiguous = alias.startswith("~")
        toks = tokenize(alias.lstrip("~"))
        if not toks:
            return None
        return AliasPattern(
            keys=tuple(tok.key for tok in toks),
            cased=tuple(tok.raw if is_acronym(tok.raw) else None for tok in toks),
            first_norm=toks[0].norm,
            entry_id=entry_id,
            ambiguous=ambiguous,
        )

    @classmethod
    def load(cls, engine: Engine) -> SourceRegistry:
        """Seed the table if needed, then read every row into memory."""
        seed_registry(engine)
        with Session(engine) as session:
            rows = session.exec(select(SourceRow).order_by(SourceRow.id)).all()
        return cls([entry_from_row(row) for row in rows])

    @classmethod
    def from_file(cls) -> SourceRegistry:
        """The registry straight from the data file, for tools that run without a database."""
        return cls(read_registry_file().sources)

    def __len__(self) -> int:
        return len(self.entries)

    def exact(self, name: str) -> SourceEntry | None:
        """An entry whose alias (or canonical name) equals `name` after normalisation."""
        ids = self.by_keys.get(keys_of(name.lstrip("~")))
        return self.entries[ids[0]] if ids else None

    def fuzzy(
        self, name: str, threshold: float = FUZZY_THRESHOLD
    ) -> tuple[SourceEntry, float] | None:
        """Best alias by normalised edit similarity (rapidfuzz), if it clears the threshold."""
        query = " ".join(keys_of(name))
        if not query or not self._choices:
            return None
        found = process.extractOne(
            query, self._choices, scorer=fuzz.ratio, score_cutoff=threshold * 100
        )
        if found is None:
            return None
        _choice, score, index = found
        return self.entries[self._choice_ids[index]], score / 100.0

    def search(self, query: str, limit: int = 20) -> list[tuple[SourceEntry, float]]:
        """Entries ranked for a search box: every alias scored with WRatio, best per entry."""
        key = " ".join(keys_of(query))
        if not key:
            return []
        best: dict[str, float] = {}
        hits = process.extract(
            key, self._choices, scorer=fuzz.WRatio, score_cutoff=60, limit=limit * 8
        )
        for _choice, score, index in hits:
            entry_id = self._choice_ids[index]
            best[entry_id] = max(best.get(entry_id, 0.0), score / 100.0)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(self.entries[entry_id], score) for entry_id, score in ranked]
