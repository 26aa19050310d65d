"""`pathways play --ephemeral-records`: one visitor's game, leaving nothing behind when it ends."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

from game.records import Records


def play_ephemeral(scenes: Path) -> int:
    from game.ui.app import (
        PathwaysApp,  # imported late: the other commands never need Textual
    )

    place = Path(tempfile.mkdtemp(prefix="pathways-visitor-"))
    remove_on_signal(place)
    try:
        PathwaysApp(scenes_folder=scenes, records=Records.open(place), allow_export=False).run()
    finally:
        shutil.rmtree(place, ignore_errors=True)
    return 0


def remove_on_signal(place: Path) -> None:
    """If the server is stopped under us, the folder still goes."""
    def remove_and_leave(signum: int, _frame: object) -> None:
        shutil.rmtree(place, ignore_errors=True)
        os._exit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), remove_and_leave)
