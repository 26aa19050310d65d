"""Command-line hardening: `new --title` (defect 12), a closed pipe (defect 13), links in folders
and the merge key (defect 16), and `data export` only reading (defect 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine.library import load_entry

TITLES = ["Late: again", "[bold]Loud[/bold]", "Two\nlines", "yes", "# not a comment", "'quoted\"",
          "{a: 1}", "- dash", "null", "%TAG ! x", "*alias &anchor", "> folded | literal", "  spaced  "]


@pytest.mark.parametrize("title", TITLES)
def test_new_writes_any_title_as_text(tmp_path: Path, title: str, capsys) -> None:
    assert main(["new", "late-again", "--dir", str(tmp_path), "--title", title]) == 0
    entry = load_entry(tmp_path / "late-again.yaml")
    assert entry.scene is not None, entry.diagnostics
    assert entry.scene.title == " ".join(title.split())
    assert main(["validate", str(tmp_path / "late-again.yaml")]) == 0


@pytest.mark.parametrize("verb", [["check"], ["validate"], ["schema"], ["graph", "scenes/rain-check.yaml"]])
def test_a_closed_pipe_is_no_traceback(verb: list[str]) -> None:
    """Defect 13: `pathways check | head -1` printed a BrokenPipeError traceback."""
    root = Path(__file__).resolve().parent.parent
    run = subprocess.Popen([sys.executable, "-m", "game", *verb], cwd=root, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    run.stdout.close()  # the reader is gone before anything is written
    error = run.stderr.read()
    run.wait(timeout=120)
    assert "Traceback" not in error and "BrokenPipe" not in error, error
