"""validate warnings, check, graph and new: the author tools, through the command line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine.author.check import check_scene, random_playthroughs
from game.engine.author.graph_formats import to_dot, to_mermaid
from game.engine.library import load_entry, load_scene, load_scene_text
from game.paths import scenes_dir
from tests.conftest import FIXTURES, TWO_ENDINGS_SCENE, shipped_scene_paths

WARNINGS = sorted((FIXTURES / "warnings").glob("*.yaml"))
CHECK = FIXTURES / "check"


@pytest.mark.parametrize("path", WARNINGS, ids=lambda p: p.stem)
def test_warning_fixtures_give_their_messages_and_fail_strict(path: Path, capsys) -> None:
    expected = path.with_suffix(".expected").read_text().splitlines()
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert [line.replace(f"{path.parent}/", "") for line in out if ": warning: " in line][:len(expected)] == expected


def test_every_shipped_scene_passes_validate_strict() -> None:
    assert main(["validate", "--strict"]) == 0


@pytest.mark.parametrize("path", shipped_scene_paths(), ids=lambda p: p.stem)
def test_every_shipped_scene_passes_check(path: Path) -> None:
    report = check_scene(load_scene(path))
    assert report.ok, (report.exploration.unreached_endings(report.scene), report.no_way_out)


def test_check_finds_a_loop_with_no_exit() -> None:
    report = check_scene(load_scene(CHECK / "loop_no_exit.yaml"))
    assert report.no_way_out == ["corridor", "hall"] and not report.ok


def test_check_finds_an_ending_no_path_reaches(capsys) -> None:
    assert main(["check", str(CHECK / "unreachable_ending.yaml")]) == 1
    assert "endings reachable: 2 of 3; never reached: very_close" in capsys.readouterr().out


def test_deduplication_keeps_many_paths_tractable() -> None:
    report = check_scene(load_scene(CHECK / "many_paths.yaml"))
    assert report.ok
    assert report.exploration.states < 100  # 3 ** 8 = 6561 paths, but few distinct states
    chatty = report.ranges["chatty"]
    assert (chatty["direct_communication"].low, chatty["direct_communication"].high) == (4, 8)


def test_the_state_limit_is_reported(capsys) -> None:
    assert main(["check", "--limit", "10", str(CHECK / "many_paths.yaml")]) == 1
    assert "stopped at the limit of 10 states" in capsys.readouterr().out


def test_check_json_and_ranges_for_loops(capsys) -> None:
    # Complaining can now repeat for ever, lowering a score each time, with no counter.
    scene_text = (TWO_ENDINGS_SCENE.replace("        once: true\n", "").replace("        add: {tries: 1}\n", "")
                  .replace("        traps: [complaining]\n", "        traps: [complaining]\n        scores: {view_conflict: -1}\n"))
    report = check_scene(load_scene_text(scene_text))
    assert report.ok
    calm = report.ranges["calm"]
    assert calm["view_conflict"].low == float("-inf") and calm["view_conflict"].high == 0
    assert calm["emotional_resilience"].high == 1 and calm["harmony"].low == -8  # -10, then +2
    assert main(["check", "--format", "json", str(scenes_dir() / "rain-check.yaml")]) == 0
    [data] = json.loads(capsys.readouterr().out)
    assert data["ok"] and data["complete"] and data["unreached_endings"] == []


def test_random_playthroughs_are_seeded(capsys) -> None:
    scene = load_scene(scenes_dir() / "rain-check.yaml")
    first, again = random_playthroughs(scene, 50, 7), random_playthroughs(scene, 50, 7)
    assert first.endings == again.endings and sum(first.endings.values()) == 50
    assert main(["check", "--random", "100", "--seed", "2", str(scenes_dir() / "rain-check.yaml")]) == 0
    assert "100 random playthroughs (seed 2)" in capsys.readouterr().out


def test_graph_snapshots() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    assert to_mermaid(scene) == (FIXTURES / "graph" / "tiny.mmd").read_text()
    assert to_dot(scene) == (FIXTURES / "graph" / "tiny.dot").read_text()


def test_graph_labels_are_escaped() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE.replace("Ask how Kim is.", """'"Ask" <how> #Kim \\ is.'"""))
    assert '"#34;Ask#34; #60;how#62; #35;Kim' in to_mermaid(scene)
    assert '[label="\\"Ask\\" <how> #Kim \\\\ is."]' in to_dot(scene)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
@pytest.mark.parametrize("path", shipped_scene_paths(), ids=lambda p: p.stem)
def test_dot_output_renders_in_graphviz(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.dot"
    assert main(["graph", str(path), "--format", "dot", "-o", str(out)]) == 0
    svg = subprocess.run(["dot", "-Tsvg", str(out)], capture_output=True, text=True, check=True).stdout
    assert "<svg" in svg and "start" in svg


def test_graph_of_a_broken_scene_explains(capsys) -> None:
    assert main(["graph", str(FIXTURES / "broken" / "unknown_goto.yaml")]) == 1
    assert "goto 'secnod'" in capsys.readouterr().err


def test_new_writes_a_template_that_passes_validate_and_check(tmp_path: Path, capsys) -> None:
    assert main(["new", "late-again", "--dir", str(tmp_path)]) == 0
    path = tmp_path / "late-again.yaml"
    assert main(["validate", "--strict", str(path)]) == 0
    assert main(["check", str(path)]) == 0
    assert load_entry(path).scene.title == "Late again"
    assert path.read_text().startswith("# yaml-language-server: $schema=./scene.schema.json")
    assert (tmp_path / "scene.schema.json").read_text().startswith("{")
    assert f"pathways check {path}" in path.read_text()  # the comments name the real file
    assert main(["new", "late-again", "--dir", str(tmp_path)]) == 1  # never overwrites
    assert main(["new", "Bad Id!", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_scene_format_doc_shows_the_commands() -> None:
    doc = (FIXTURES.parent.parent / "docs" / "authoring.md").read_text()
    for command in ("pathways new", "pathways validate", "pathways check", "pathways play", "--watch",
                    "pathways graph"):
        assert command in doc


def test_play_file_keeps_test_runs_out_of_the_records(tmp_path: Path, monkeypatch) -> None:
    from game.ui.app import PathwaysApp

    started: list[PathwaysApp] = []
    monkeypatch.setattr(PathwaysApp, "run", lambda self: started.append(self))
    (tmp_path / "tiny.yaml").write_text(TWO_ENDINGS_SCENE)
    assert main(["play", str(tmp_path / "tiny.yaml"), "--watch"]) == 0
    [app] = started
    assert app.records.path is None and app.records.notice is None
    assert app.scene_file is not None and app.scene_file.watcher is not None
    assert main(["play", str(tmp_path / "missing.yaml")]) == 1
