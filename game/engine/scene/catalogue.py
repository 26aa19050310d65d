"""The catalogue: what every score, trap and meter in Pathways means. Loaded from data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

Kind = Literal["attitude", "skill", "trap"]


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    name: str
    kind: Kind
    about: str
    source: str
    gentle: str = ""  # traps only: one kind sentence for the ending screen
    short: str = ""  # a name for narrow tables; falls back to the name

    @property
    def short_name(self) -> str:
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Meter:
    key: str
    name: str
    about: str
    minimum: int
    maximum: int

    def clamp(self, value: int) -> int:
        return max(self.minimum, min(self.maximum, value))


@dataclass(frozen=True, slots=True)
class SafetyRules:
    unsafe_nodes_may_not_raise: frozenset[str]
    never_reward_traps: frozenset[str]
    unsafe_nodes_may_not_raise_meters: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Catalogue:
    attitudes: tuple[Entry, ...]
    skills: tuple[Entry, ...]
    traps: tuple[Entry, ...]
    meters: tuple[Meter, ...]
    safety: SafetyRules

    @property
    def dimensions(self) -> tuple[Entry, ...]:
        """Attitudes then skills: everything a choice can score on."""
        return self.attitudes + self.skills

    def dimension(self, key: str) -> Entry:
        return next(d for d in self.dimensions if d.key == key)

    def trap(self, key: str) -> Entry:
        return next(t for t in self.traps if t.key == key)

    def meter(self, key: str) -> Meter:
        return next(m for m in self.meters if m.key == key)

    @property
    def dimension_keys(self) -> frozenset[str]:
        return frozenset(d.key for d in self.dimensions)

    @property
    def trap_keys(self) -> frozenset[str]:
        return frozenset(t.key for t in self.traps)

    @property
    def meter_keys(self) -> frozenset[str]:
        return frozenset(m.key for m in self.meters)


def _entries(raw: list[dict], kind: Kind) -> tuple[Entry, ...]:
    return tuple(
        Entry(key=e["key"], name=e["name"], kind=kind, about=e["about"].strip(),
              source=e["source"], gentle=e.get("gentle", "").strip(), short=e.get("short", ""))
        for e in raw
    )


def parse_catalogue(raw: dict) -> Catalogue:
    return Catalogue(
        attitudes=_entries(raw["attitudes"], "attitude"),
        skills=_entries(raw["skills"], "skill"),
        traps=_entries(raw["traps"], "trap"),
        meters=tuple(Meter(m["key"], m["name"], m["about"].strip(), m["min"], m["max"])
                     for m in raw["meters"]),
        safety=SafetyRules(
            unsafe_nodes_may_not_raise=frozenset(raw["safety"]["unsafe_nodes_may_not_raise"]),
            never_reward_traps=frozenset(raw["safety"]["never_reward_traps"]),
            unsafe_nodes_may_not_raise_meters=frozenset(
                raw["safety"].get("unsafe_nodes_may_not_raise_meters", ())),
        ),
    )


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    text = resources.files("game.data").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return parse_catalogue(yaml.safe_load(text))
