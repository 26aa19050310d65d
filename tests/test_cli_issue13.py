"""Command-line promises from issue 13: test plays of broken files, graph by id, honest hints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from game.cli.main import main
from game.engine.library import load_entry
from tests.conftest import TWO_ENDINGS_SCENE


def test_play_of_a_broken_file_without_watch_says_what_is_wrong_and_exits(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(TWO_ENDINGS_SCENE.replace("start: first", "start: nowhere"))
    (tmp_path / "fine.yaml").write_text(TWO_ENDINGS_SCENE.replace("id: tiny", "id: fine"))
    done = subprocess.run([sys.executable, "-m", "game", "play", str(broken)], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert "start node 'nowhere' does not exist" in done.stderr
    assert "fix it and save" not in done.stderr and "fine.yaml" not in done.stderr + done.stdout


def test_graph_accepts_a_scene_id_from_the_library(tmp_path: Path, capsys) -> None:
    (tmp_path / "whatever-name.yaml").write_text(TWO_ENDINGS_SCENE)
    assert main(["--scenes", str(tmp_path), "graph", "tiny"]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")
    assert main(["--scenes", str(tmp_path), "graph", "no-such-scene"]) == 1
    assert "no scene in" in capsys.readouterr().err


def test_a_comma_in_an_unquoted_flow_value_suggests_quotes(tmp_path: Path) -> None:
    path = tmp_path / "comma.yaml"
    path.write_text(TWO_ENDINGS_SCENE.replace("  kim: {name: Kim}", "  kim: {name: Kim, about: Thirty-four, two kids}"))
    messages = [d.message for d in load_entry(path).errors]
    assert any("unknown key 'two kids'" in m and "put the whole value in quotes" in m for m in messages)


def test_validate_says_why_warnings_wait_for_errors(tmp_path: Path, capsys) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(TWO_ENDINGS_SCENE.replace("start: first", "start: nowhere"))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "checked for warnings once its errors are fixed" in out


def test_new_points_to_what_an_installed_package_has(tmp_path: Path, capsys) -> None:
    assert main(["new", "late-again", "--dir", str(tmp_path)]) == 0
    text = (tmp_path / "late-again.yaml").read_text()
    assert "docs/" not in text and "pathways schema" in text
