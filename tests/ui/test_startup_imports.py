"""Importing the app pulls in only what the title needs; the rest loads when first used."""

from __future__ import annotations

import subprocess
import sys

LATER = ["game.ui.screens.play", "game.ui.screens.help", "game.ui.screens.picker", "markdown_it",
         "yaml", "game.engine.library", "game.engine.scene.loader", "game.session"]


def test_importing_the_app_leaves_screens_and_the_engine_for_later() -> None:
    code = ("import sys, game.ui.app\n"
            f"print(','.join(m for m in {LATER!r} if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
