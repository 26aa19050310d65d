"""State: everything that changes during a playthrough, as one plain value.

A State is never changed in place; the runner returns a new one for each step. That makes
rewind a list lookup, saves a JSON dump and two-player turns a matter of bookkeeping.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:  # a type only: the records read states without importing the scene model
    from game.engine.scene.model import VariableValue

SOLO = "p1"


@dataclass(frozen=True, slots=True)
class Step:
    node: str
    choice: str  # the choice key within the node
    player: str


@dataclass(frozen=True, slots=True)
class State:
    scene_id: str
    node: str
    variables: Mapping[str, VariableValue] = field(default_factory=dict)
    meters: Mapping[str, int] = field(default_factory=dict)
    scores: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # player -> dimension -> total
    traps: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # player -> traps, in order
    taken: frozenset[str] = frozenset()  # "node/choice" of once-only choices already taken
    path: tuple[Step, ...] = ()
    recent: tuple[Mapping[str, int], ...] = ()  # meter changes of the last choices, oldest first

    def recent_change(self, meter: str) -> int:
        """How far ``meter`` moved over the last choices (see runner.RECENT_CHOICES)."""
        return sum(change.get(meter, 0) for change in self.recent)

    def score(self, dimension: str, player: str | None = None) -> int:
        players = [player] if player else list(self.scores)
        return sum(self.scores.get(p, {}).get(dimension, 0) for p in players)

    def traps_of(self, player: str | None = None) -> tuple[str, ...]:
        if player:
            return self.traps.get(player, ())
        return tuple(t for p in self.traps for t in self.traps[p])

    def to_dict(self) -> dict[str, Any]:
        return {
            "scene_id": self.scene_id,
            "node": self.node,
            "variables": dict(self.variables),
            "meters": dict(self.meters),
            "scores": {p: dict(s) for p, s in self.scores.items()},
            "traps": {p: list(t) for p, t in self.traps.items()},
            "taken": sorted(self.taken),
            "path": [[s.node, s.choice, s.player] for s in self.path],
            "recent": [dict(change) for change in self.recent],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "State":
        return cls(
            scene_id=data["scene_id"],
            node=data["node"],
            variables=dict(data["variables"]),
            meters=dict(data["meters"]),
            scores={p: dict(s) for p, s in data["scores"].items()},
            traps={p: tuple(t) for p, t in data["traps"].items()},
            taken=frozenset(data["taken"]),
            path=tuple(Step(*s) for s in data["path"]),
            recent=tuple(dict(change) for change in data.get("recent", ())),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "State":
        return cls.from_dict(json.loads(text))
