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


def test_dangling_links_and_link_loops_in_a_folder_are_reported(tmp_path: Path, capsys) -> None:
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "scene.yaml").write_text((Path(__file__).parent.parent / "scenes" / "rain-check.yaml").read_text())
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "dangling.yaml:1:1: error: cannot read file: it is a link to" in out and "which does not exist" in out
    assert "loop.yaml:1:1: error: cannot read file: it is a link that leads back to itself" in out
    assert "3 scene files checked: 2 errors" in out


def test_the_merge_key_has_a_clear_message(tmp_path: Path, capsys) -> None:
    (tmp_path / "merge.yaml").write_text("id: x\n<<: {title: T}\n")
    assert main(["validate", str(tmp_path / "merge.yaml")]) == 1
    assert "merge.yaml:2:1: error: the merge key '<<' is not allowed in scene files" in capsys.readouterr().out


def test_data_export_only_reads(tmp_path: Path, monkeypatch, capsys) -> None:
    from game.records import Records
    from game.records.db import FILE_NAME
    from tests.records.test_store import attempt

    folder = tmp_path / "data"
    monkeypatch.setenv("PATHWAYS_DATA_DIR", str(folder))
    assert main(["data", "export", "-"]) == 0
    assert not folder.exists()  # no records file was made just to export nothing
    with Records.open(folder) as records:
        records.add_attempt(attempt())
    before = sorted(p.name for p in folder.iterdir())
    assert main(["data", "export", str(tmp_path / "out.json")]) == 0
    assert sorted(p.name for p in folder.iterdir()) == before
    assert "Exported 1 attempt" in capsys.readouterr().err
    (folder / FILE_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # damaged
    assert main(["data", "export", str(tmp_path / "again.json")]) == 1
    assert "left as it is" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing moved aside
