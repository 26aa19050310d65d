"""The library summary: what the shipped scenes cover, and numbers that must not go backwards.

When a scene is added or rewritten, these floors may rise; they may never fall without a reason
that the lead agrees to (lower a floor only in the same commit that explains why).
"""

from __future__ import annotations

import subprocess
import sys

from game.engine.author.library_summary import (
    LIBRARY_LONGEST_SHARE_TARGET,
    library_ok,
    summarise_library,
    summary_text,
)
from game.engine.library import load_scene
from game.engine.puppets.cast import default_puppets
from game.engine.scene.catalogue import default_catalogue
from tests.conftest import FIXTURES, shipped_scene_paths

# Scenes that raise each dimension or offer each trap: as of issue 10 (6 shipped scenes), raised in
# issue 12 when eight new scenes joined (14 scenes). reimagine_relationship fell from 10 to 9 after
# the first independent reading of Interview Day: its "doorway" line treats the conflict as a way
# in (view_conflict) and now asks about Priya's fear (direct_communication); nothing in it
# reimagines the relationship, so the point it used to give there was not honest.
DIMENSION_FLOORS = {
    "honor_individuality": 13, "view_conflict": 9, "self_reflection": 14, "reimagine_relationship": 9,
    "playfulness": 12, "self_awareness": 13, "direct_communication": 14, "courage_vulnerability": 14,
    "emotional_resilience": 14,
}
# watering_down fell from 6 to 3 when issue 10 relabelled choices where nothing had been said
# yet as appeasing; comparing fell from 4 when minimising was relabelled as soothing.
# complaining fell from 14 to 13 after the first reading of Rain Check: "Jonah has twins and still
# makes football" measures Theo against another dad (comparing) but lists no fault of his own.
TRAP_FLOORS = {
    "self_blame": 11, "complaining": 13, "better_partner": 13, "expect_mind_reading": 12, "mind_reading": 12,
    "appeasing": 14, "watering_down": 10, "caretaking": 12, "deflecting_humour": 9, "comparing": 10,
}
PUPPET_FLOORS = {"inner-critic": 3, "stingy-parent": 1, "jealous-one": 2, "reassurance-sulker": 1,
                 "mind-reader": 1, "fixer": 1}
TWO_ROLE_FLOOR = 7
# Issue 12: the kinds of relationship the library must hold, each in at least one scene.
TAG_FLOORS = {"partners": 1, "friends": 1, "family": 1, "housemates": 1, "queer": 1, "older": 1,
              "young": 1, "open-relationship": 1}


def shipped_summary():
    return summarise_library(load_scene(p) for p in shipped_scene_paths())


def test_every_dimension_and_trap_is_in_the_floors() -> None:
    catalogue = default_catalogue()
    assert set(DIMENSION_FLOORS) == {d.key for d in catalogue.dimensions}
    assert set(TRAP_FLOORS) == {t.key for t in catalogue.traps}


def test_the_shipped_library_does_not_go_backwards() -> None:
    summary = shipped_summary()
    assert all(summary.dimensions[k] >= v for k, v in DIMENSION_FLOORS.items()), summary.dimensions
    assert all(summary.traps[k] >= v for k, v in TRAP_FLOORS.items()), summary.traps
    assert all(len(summary.puppets.get(p, ())) >= v for p, v in PUPPET_FLOORS.items()), summary.puppets
    assert len(summary.two_role_scenes) >= TWO_ROLE_FLOOR
    assert all(summary.tags.get(t, 0) >= v for t, v in TAG_FLOORS.items()), summary.tags
    assert all(scene.tags for scene in (load_scene(p) for p in shipped_scene_paths()))


def test_the_library_covers_what_issue_12_asks_for() -> None:
    summary = shipped_summary()
    catalogue = default_catalogue()
    assert len(summary.scenes) >= 14
    assert all(summary.dimensions[d.key] >= 3 for d in catalogue.dimensions), summary.dimensions
    assert all(summary.traps[t.key] >= 3 for t in catalogue.traps), summary.traps
    assert set(summary.puppets) == set(default_puppets().puppets)  # every puppet has a scene
    assert len(summary.two_role_scenes) >= 5


def test_the_longest_or_shortest_answer_does_not_give_the_library_away() -> None:
    summary = shipped_summary()
    assert summary.tells.ranked_nodes >= 43
    assert summary.tells.longest_share <= LIBRARY_LONGEST_SHARE_TARGET
    assert summary.tells.shortest_share <= LIBRARY_LONGEST_SHARE_TARGET
    assert summary.tells.trapped_feeling_share > 0.1  # some traps speak the language of feelings
    assert library_ok(summary)


def test_the_summary_counts_a_small_library() -> None:
    scenes = [load_scene(FIXTURES / "warnings" / "longest_wins.yaml"),
              load_scene(FIXTURES / "warnings" / "scripted_line.yaml")]
    summary = summarise_library(scenes)
    assert summary.scenes == ("longest-wins", "scripted-line")
    assert summary.dimensions["direct_communication"] == 2 and summary.dimensions["playfulness"] == 0
    assert summary.traps["appeasing"] == 2 and summary.traps["self_blame"] == 0
    assert summary.two_role_scenes == ("scripted-line",)
    assert (summary.tells.ranked_nodes, len(summary.tells.longest_wins)) == (5, 4)
    assert not library_ok(summary)
    text = summary_text(summary)
    assert "Keeping the peace" in text and "whole library" in text and "5 of 5" not in text


def test_check_library_prints_the_summary() -> None:
    done = subprocess.run([sys.executable, "-m", "game", "check", "--library"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    summary = shipped_summary()
    scenes = len(shipped_scene_paths())
    assert f"library: {scenes} scenes" in done.stdout
    assert "Joking to change the subject" in done.stdout
    two_roles = f"scenes with two playable roles: {len(summary.two_role_scenes)} of {scenes}"
    assert "inner-critic" in done.stdout and two_roles in done.stdout
