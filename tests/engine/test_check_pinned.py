"""`check` on every shipped scene finds exactly what it found before exploration was made faster.

The pinned figures are in check_pins.json. When a shipped scene is rewritten on purpose, write
them again with:  python -m tests.engine.test_check_pinned > tests/engine/check_pins.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine.author.check import CheckReport, check_scene, show_range
from game.engine.library import load_scene
from tests.conftest import shipped_scene_paths

PINS = Path(__file__).with_name("check_pins.json")


def summary(report: CheckReport) -> dict:
    """What `pathways check` reports, as plain values: states, endings, ranges and faults."""
    found = report.exploration
    return {
        "states": found.states,
        "complete": found.complete,
        "endings": sorted(found.endings_reached),
        "choices_taken": len(found.choices_taken),
        "stuck": sorted({s.node for s in found.stuck}),
        "failures": sorted(found.failures),
        "no_way_out": report.no_way_out,
        "ending_meters": {ending: sorted(" ".join(f"{k}={v}" for k, v in sorted(m.items())) for m in meters)
                          for ending, meters in sorted(found.ending_meters.items())},
        "ranges": {ending: {key: show_range(r) for key, r in sorted(ranges.items())}
                   for ending, ranges in sorted(report.ranges.items())},
    }


def current() -> dict[str, dict]:
    return {path.name: summary(check_scene(load_scene(path))) for path in shipped_scene_paths()}


@pytest.mark.parametrize("path", shipped_scene_paths(), ids=lambda p: p.stem)
def test_check_finds_the_pinned_states_endings_and_ranges(path: Path) -> None:
    pinned = json.loads(PINS.read_text(encoding="utf-8"))
    assert path.name in pinned, f"{path.name} has no pinned figures; see this file's docstring"
    found = json.loads(json.dumps(summary(check_scene(load_scene(path)))))  # tuples as lists
    assert found == pinned[path.name]


if __name__ == "__main__":
    print(json.dumps(current(), indent=1, sort_keys=True))
