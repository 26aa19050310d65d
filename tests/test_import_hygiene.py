"""Everything outside game.ui imports without Textual: the engine, records, session and CLI."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import game


def headless_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(game.__path__, "game.")]
    return sorted(n for n in names if not n.startswith("game.ui") and n != "game.__main__")


def test_the_list_of_headless_modules_is_not_empty() -> None:
    modules = headless_modules()
    assert "game.engine.play.runner" in modules and "game.records.store" in modules
    assert "game.cli.main" in modules and "game.session" in modules


def test_headless_modules_import_without_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {headless_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_validate_and_check_run_without_textual() -> None:
    code = (
        "import sys\nfrom game.cli.main import main\n"
        "codes = [main(['validate']), main(['check'])]\n"
        "assert not any(m.startswith('textual') for m in sys.modules), 'textual was imported'\n"
        "sys.exit(max(codes))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
