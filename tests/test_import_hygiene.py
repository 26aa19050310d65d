"""The engine and the command line's validate path never import Textual."""

from __future__ import annotations

import subprocess
import sys

ENGINE_MODULES = [
    "game.engine.catalogue", "game.engine.conditions", "game.engine.explore",
    "game.engine.library", "game.engine.loader", "game.engine.model",
    "game.engine.playthrough", "game.engine.runner", "game.engine.schema",
    "game.engine.scoring", "game.engine.state", "game.cli",
]


def test_engine_imports_without_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in ENGINE_MODULES)
        + "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        + "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_validate_runs_without_textual(tmp_path) -> None:
    code = (
        "import sys\nfrom game.cli import main\n"
        "code = main(['validate'])\n"
        "assert not any(m.startswith('textual') for m in sys.modules), 'textual was imported'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
