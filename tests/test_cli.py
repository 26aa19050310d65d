from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game import __version__
from game.cli.main import main
from tests.conftest import FIXTURES, MINIMAL_SCENE


def test_validate_shipped_scenes_exits_zero(capsys) -> None:
    assert main(["validate"]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_validate_broken_file_prints_every_error_and_exits_one(capsys) -> None:
    path = FIXTURES / "broken" / "unknown_dimension.yaml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}:12:18: error: unknown dimension 'courage' (did you mean 'courage_vulnerability'?)"
    assert out[-1] == "1 scene file checked: 4 errors, 0 warnings"


def test_validate_json_output(capsys) -> None:
    assert main(["validate", "--format", "json", str(FIXTURES / "broken" / "unknown_goto.yaml")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["warnings"] == 1
    assert report["diagnostics"][0]["line"] == 11 and report["diagnostics"][0]["column"] == 15


def test_validate_strict_fails_on_warnings(tmp_path: Path, capsys) -> None:
    scene = MINIMAL_SCENE + "  lonely:\n    ending: {title: Alone, reflection: Nobody comes here.}\n"
    (tmp_path / "warn.yaml").write_text(scene)
    assert main(["validate", str(tmp_path)]) == 0
    assert main(["validate", "--strict", str(tmp_path)]) == 2
    assert "cannot be reached" in capsys.readouterr().out


def test_validate_missing_path(tmp_path: Path, capsys) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "no such file or folder" in capsys.readouterr().err


def test_validate_empty_folder_is_not_success(tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path)]) == 1


def test_version_via_module() -> None:
    result = subprocess.run([sys.executable, "-m", "game", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"pathways {__version__}"


def test_help_lists_the_commands() -> None:
    with pytest.raises(SystemExit):
        main(["--help"])


def console_script() -> Path:
    script = Path(sys.executable).parent / "pathways"
    if not script.exists():
        pytest.skip("the pathways console script is not installed in this environment")
    return script


@pytest.mark.parametrize("args, expected", [
    (["--version"], f"pathways {__version__}"),
    (["validate"], "0 errors"),
    (["check", "scenes/rain-check.yaml"], "endings reachable"),
    (["graph", "scenes/rain-check.yaml"], "flowchart"),
    (["schema"], '"$schema"'),
    (["data", "path"], "records.sqlite3"),
])
def test_the_console_script_runs_every_verb(args: list[str], expected: str, tmp_path: Path) -> None:
    """The installed `pathways` entry point reaches each verb (the command line has one home)."""
    root = Path(__file__).resolve().parent.parent
    env = {"PATH": "/usr/bin:/bin", "PATHWAYS_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path)}
    result = subprocess.run([str(console_script()), *args], capture_output=True, text=True,
                            cwd=root, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert expected in result.stdout


def test_the_console_script_writes_a_new_scene(tmp_path: Path) -> None:
    result = subprocess.run([str(console_script()), "new", "late-again", "--dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "late-again.yaml").is_file()
