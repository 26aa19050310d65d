"""Every shipped scene loads cleanly, every path reaches an ending, every ending is reachable."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.library import check_scene_file, load_library
from game.engine.play.explore import explore
from game.paths import scenes_dir
from tests.conftest import shipped_scene_paths

PATHS = shipped_scene_paths()


def test_there_are_three_starter_scenes() -> None:
    assert len(PATHS) >= 3


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_scene_loads_without_errors_or_warnings(path: Path) -> None:
    scene, diagnostics = check_scene_file(path)
    assert scene is not None, "\n".join(map(str, diagnostics))
    assert diagnostics == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_every_path_ends_and_every_ending_is_reached(path: Path) -> None:
    scene, _ = check_scene_file(path)
    assert scene is not None
    result = explore(scene)
    assert result.complete
    assert result.failures == []
    assert [s.node for s in result.stuck] == []
    assert result.unreached_endings(scene) == []
    every_choice = {f"{n.id}/{c.key}" for n in scene.nodes.values() for c in n.choices}
    assert every_choice - result.choices_taken == set()


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_scene_size_and_shape(path: Path) -> None:
    scene, _ = check_scene_file(path)
    assert scene is not None
    assert 10 <= len(scene.nodes) <= 25
    assert len(scene.endings()) >= 3
    assert scene.content_notes, "content notes should be honest, not missing"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_some_ending_shows_harmony_without_closeness(path: Path) -> None:
    scene, _ = check_scene_file(path)
    assert scene is not None
    result = explore(scene)
    apart = [ending for ending, meters in result.ending_meters.items()
             if any(m["harmony"] > 0 and m["harmony"] > m["closeness"] for m in meters)]
    assert apart, "no ending is reached calm but not close"


def test_starter_scenes_cover_every_dimension_and_four_traps(catalogue) -> None:
    scenes = [e.scene for e in load_library([scenes_dir()]) if e.scene]
    practised = {key for scene in scenes for key in scene.practised()}
    assert practised == set(catalogue.dimension_keys)
    traps = {t for s in scenes for n in s.nodes.values() for c in n.choices for t in c.effect.traps}
    assert len(traps) >= 4


def test_the_safety_rules_are_exercised_by_a_shipped_scene() -> None:
    scenes = [e.scene for e in load_library([scenes_dir()]) if e.scene]
    assert any(node.unsafe for scene in scenes for node in scene.nodes.values())
