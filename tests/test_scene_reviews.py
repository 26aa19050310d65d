"""docs/scene-reviews.md keeps a reading of every shipped scene, and every score is 4 or more."""

from __future__ import annotations

import re
from pathlib import Path

from game.engine.library import load_library
from game.paths import scenes_dir

REVIEWS = Path(__file__).resolve().parent.parent / "docs" / "scene-reviews.md"


def review_rows() -> dict[str, list[int]]:
    rows = {}
    for line in REVIEWS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and all(re.fullmatch(r"\d", c) for c in cells[1:]):
            rows[cells[0]] = [int(c) for c in cells[2:]]
    return rows


def test_every_shipped_scene_has_a_reading_with_every_score_at_least_4() -> None:
    titles = {entry.scene.title for entry in load_library([scenes_dir()]) if entry.scene}
    rows = review_rows()
    assert set(rows) == titles
    assert {title: scores for title, scores in rows.items() if min(scores) < 4} == {}


def test_every_shipped_scene_has_its_own_section() -> None:
    text = REVIEWS.read_text(encoding="utf-8")
    for path in sorted(scenes_dir().glob("*.yaml")):
        assert f"(`scenes/{path.name}`)" in text, path.name
