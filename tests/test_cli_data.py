"""`pathways data path | export | delete`, run through game.cli.main.main."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main
from game.engine.play.state import Step
from game.records import Attempt, Records
from game.records.db import FILE_NAME


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("PATHWAYS_DATA_DIR", str(data))
    return data


@pytest.fixture
def filled(folder: Path) -> Path:
    with Records.open() as records:
        records.add_attempt(Attempt(
            scene_id="tiny", status="finished", path=(Step("first", "1", "p1"),), ending="close",
            ending_title="Close", scores={"p1": {"listening": 1}}, traps={}, meters={"closeness": 2}))
        records.save_progress("tiny", (Step("first", "1", "p1"),))
        records.set_setting("feedback", "end")
        records.set_setting("sound", False)
    return folder


def answer(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_data_path_prints_the_file(folder: Path, capsys) -> None:
    assert main(["data", "path"]) == 0
    assert capsys.readouterr().out == f"{folder / FILE_NAME}\n"
    assert not folder.exists()  # asking where does not create anything


def test_data_without_a_verb_prints_its_help(capsys) -> None:
    assert main(["data"]) == 0
    out = capsys.readouterr().out
    assert "usage: pathways data" in out and "export" in out and "delete" in out


def test_export_writes_a_private_json_file(filled: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.json"
    assert main(["data", "export", str(target)]) == 0
    assert capsys.readouterr().err == f"Exported 1 attempt, 1 save and 2 settings to {target}.\n"
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["format"] == "pathways-records" and exported["version"] == 3
    assert exported["attempts"][0]["scores"] == {"p1": {"listening": 1}}
    assert exported["settings"] == {"feedback": "end", "sound": False}
    assert target.read_text(encoding="utf-8").startswith('{\n  "format"')  # indent 2
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_to_stdout(filled: Path, capsys) -> None:
    assert main(["data", "export", "-"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["saves"][0]["scene_id"] == "tiny"
    assert "to standard output." in captured.err


def test_export_refuses_to_overwrite_without_force(filled: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me")
    os.chmod(target, 0o644)
    assert main(["data", "export", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err and target.read_text() == "keep me"
    assert main(["data", "export", "--force", str(target)]) == 0
    assert json.loads(target.read_text())["format"] == "pathways-records"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_io_error_is_a_message_not_a_traceback(filled: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no" / "such" / "folder.json"
    assert main(["data", "export", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Could not write {target}:") and "Traceback" not in err


def test_delete_needs_the_word(filled: Path, monkeypatch, capsys) -> None:
    answer(monkeypatch, "yes\n")
    assert main(["data", "delete"]) == 1
    err = capsys.readouterr().err
    assert f'Delete all Pathways records in {filled / FILE_NAME}? This cannot be undone. ' \
           f'Type "delete" to confirm: ' in err
    assert "Nothing was deleted." in err and (filled / FILE_NAME).exists()


def test_delete_with_no_answer_cancels(filled: Path, monkeypatch, capsys) -> None:
    answer(monkeypatch, "")
    assert main(["data", "delete"]) == 1
    assert (filled / FILE_NAME).exists()


def test_delete_removes_every_file(filled: Path, monkeypatch, capsys) -> None:
    (filled / f"{FILE_NAME}.damaged-20240101-100000").write_bytes(b"old")
    answer(monkeypatch, "delete\n")
    assert main(["data", "delete"]) == 0
    out = capsys.readouterr().out
    assert f"Removed {filled / FILE_NAME}\n" in out and "damaged-20240101-100000" in out
    assert not any(p.name.startswith(FILE_NAME) for p in filled.iterdir())
    assert main(["data", "delete", "--yes"]) == 0
    assert "There are no Pathways records" in capsys.readouterr().out


def test_delete_yes_skips_the_question(filled: Path, monkeypatch, capsys) -> None:
    answer(monkeypatch, "")
    assert main(["data", "delete", "--yes"]) == 0
    captured = capsys.readouterr()
    assert "Type" not in captured.err and "Removed" in captured.out
    assert not (filled / FILE_NAME).exists()
    with Records.open() as records:
        assert records.attempts() == [] and records.notice is None


def test_data_commands_never_import_textual(folder: Path, tmp_path: Path) -> None:
    code = (
        "import sys\nfrom game.cli.main import main\n"
        f"codes = [main(['data', 'path']), main(['data', 'export', {str(tmp_path / 'x.json')!r}])]\n"
        "assert not any(m.split('.')[0] == 'textual' for m in sys.modules), 'textual was imported'\n"
        "sys.exit(max(codes))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PATHWAYS_DATA_DIR": str(folder)})
    assert result.returncode == 0, result.stdout + result.stderr
