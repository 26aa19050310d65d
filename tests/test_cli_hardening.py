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
