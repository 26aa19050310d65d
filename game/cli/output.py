"""Everything the command line prints goes through `say`, so no file name or scene text can send
a command to the terminal (see game.engine.scene.text for which characters are escaped)."""

from __future__ import annotations

import sys
from typing import TextIO

from game.engine.scene.text import printable


def say(*values: object, file: TextIO | None = None, end: str = "\n", sep: str = " ",
        flush: bool = False) -> None:
    text = sep.join(str(value) for value in values)
    print(printable(text, keep_newlines=True), file=file or sys.stdout, end=end, flush=flush)
