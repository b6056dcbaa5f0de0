"""The versioned registry data file shipped with the project, and its validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from contracts.record import Reliability

REGISTRY_FILE = Path(__file__).parent / "data" / "registry.json"

SourceKind = Literal[
    "wire",
    "broadcaster",
    "newspaper",
    "website",
    "government",
    "intergovernmental",
    "ngo",
    "person",
    "armed_group",
    "vague",
]


class SourceEntry(BaseModel):
    """One registry entry. An alias starting with `~` is a common word: it only counts when
    quoted or after a type noun (صحيفة, قناة, newspaper ...)."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=120, pattern=r"^[a-z0-9][a-z0-9\-]*$")
    name: str = Field(min_length=1, max_length=300)
    kind: SourceKind
    country: str | None = Field(default=None, max_length=8)
    domain: str | None = Field(default=None, max_length=200)
    aliases_en: list[str] = Field(default_factory=list)
    aliases_ar: list[str] = Field(default_factory=list)
    reliability: Reliability = "unknown"
    reliability_basis: str = Field(default="", max_length=500)

    @field_validator("aliases_en", "aliases_ar")
    @classmethod
    def aliases_not_blank(cls, value: list[str]) -> list[str]:
        cleaned = [alias.strip() for alias in value]
        if any(not alias.strip("~") for alias in cleaned):
            raise ValueError("an alias is blank")
        return cleaned


class RegistryFile(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int = Field(ge=1)
    sources: list[SourceEntry]


def read_registry_file(path: Path = REGISTRY_FILE) -> RegistryFile:
    """Parse and validate the data file; duplicate ids are an error."""
    doc = RegistryFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    seen: set[str] = set()
    for entry in doc.sources:
        if entry.id in seen:
            raise ValueError(f"{path}: duplicate source id {entry.id!r}")
        seen.add(entry.id)
    return doc
