"""A crash in the game exits with a non-zero status, after the terminal is given back (defect 15)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINIMAL_SCENE

CRASH = """
import sys
from game.ui.app import PathwaysApp

def crash(self):
    raise RuntimeError("a fault for the test")

PathwaysApp.{method} = crash
from game.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def run_crashing(tmp_path: Path, method: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, TEXTUAL_DRIVER="textual.drivers.headless_driver:HeadlessDriver")
    return subprocess.run([sys.executable, "-c", CRASH.format(method=method), *args],
                          capture_output=True, text=True, timeout=60, env=env)


def test_a_crash_at_start_exits_non_zero(tmp_path: Path) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(MINIMAL_SCENE)
    result = run_crashing(tmp_path, "on_mount", "--scenes", str(folder))
    assert result.returncode != 0
    assert "a fault for the test" in result.stdout + result.stderr


def test_a_crash_playing_one_file_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    result = run_crashing(tmp_path, "on_mount", "play", str(tmp_path / "tiny.yaml"))
    assert result.returncode != 0
