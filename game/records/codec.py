"""JSON columns to plain values and back, checking the shape of everything read.

A reader raises ValueError when the stored text is not what was written; the store then skips
that row rather than passing bad data to the game.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from game.engine.play.state import Step


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def path_to_list(path: tuple[Step, ...]) -> list[list[str]]:
    return [[step.node, step.choice, step.player] for step in path]


def path_from_json(text: str) -> tuple[Step, ...]:
    return tuple(Step(*_strings(entry, length=3)) for entry in _of(list, json.loads(text)))


def players_from_json(text: str) -> tuple[str, ...]:
    return _strings(json.loads(text))


def scores_from_json(text: str) -> dict[str, dict[str, int]]:
    return {player: _int_map(totals) for player, totals in _of(dict, json.loads(text)).items()}


def traps_from_json(text: str) -> dict[str, tuple[str, ...]]:
    return {player: _strings(traps) for player, traps in _of(dict, json.loads(text)).items()}


def meters_from_json(text: str) -> dict[str, int]:
    return _int_map(json.loads(text))


def scores_to_plain(scores: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    return {player: dict(totals) for player, totals in scores.items()}


def traps_to_plain(traps: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    return {player: list(names) for player, names in traps.items()}


def _int_map(value: Any) -> dict[str, int]:
    return {key: _of(int, number) for key, number in _of(dict, value).items()}


def _strings(value: Any, length: int | None = None) -> tuple[str, ...]:
    items = tuple(_of(str, item) for item in _of(list, value))
    if length is not None and len(items) != length:
        raise ValueError(f"expected {length} items, found {len(items)}")
    return items


def _of(kind: type, value: Any) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"expected {kind.__name__}, found {type(value).__name__}")
    return value
