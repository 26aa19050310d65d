"""Puppet theatre rounds that the player chose to keep (nothing typed is kept otherwise)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class PuppetRound:
    puppet_id: str
    line: str
    answer: str
    rules: tuple[str, ...] = ()  # ids of the answer rules that matched a typed answer
    scores: Mapping[str, int] = field(default_factory=dict)
    traps: tuple[str, ...] = ()
    players: tuple[str, ...] = ("You",)
    saved_at: str = ""
    id: int | None = None


INSERT_ROUND = (
    "INSERT INTO puppet_rounds (puppet_id, line, answer, rules_json, scores_json, traps_json, "
    "players_json, saved_at) VALUES (:puppet_id, :line, :answer, :rules_json, :scores_json, "
    ":traps_json, :players_json, :saved_at)"
)


def round_row(kept: PuppetRound, saved_at: str) -> dict[str, Any]:
    return {
        "puppet_id": kept.puppet_id, "line": kept.line, "answer": kept.answer,
        "rules_json": json.dumps(list(kept.rules)), "scores_json": json.dumps(dict(kept.scores)),
        "traps_json": json.dumps(list(kept.traps)), "players_json": json.dumps(list(kept.players)),
        "saved_at": saved_at,
    }


def round_from_row(row: sqlite3.Row) -> PuppetRound:
    scores = json.loads(row["scores_json"])
    if not isinstance(scores, dict) or not all(isinstance(v, int) for v in scores.values()):
        raise ValueError("malformed scores")
    return PuppetRound(
        puppet_id=row["puppet_id"], line=row["line"], answer=row["answer"],
        rules=tuple(str(r) for r in json.loads(row["rules_json"])), scores=scores,
        traps=tuple(str(t) for t in json.loads(row["traps_json"])),
        players=tuple(str(p) for p in json.loads(row["players_json"])),
        saved_at=row["saved_at"], id=row["id"],
    )


def round_to_plain(kept: PuppetRound) -> dict[str, Any]:
    return {
        "id": kept.id, "puppet_id": kept.puppet_id, "line": kept.line, "answer": kept.answer,
        "rules": list(kept.rules), "scores": dict(kept.scores), "traps": list(kept.traps),
        "players": list(kept.players), "saved_at": kept.saved_at,
    }
