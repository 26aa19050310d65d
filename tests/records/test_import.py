"""The records never pull in the user interface."""

from __future__ import annotations

import subprocess
import sys


def test_records_import_without_textual() -> None:
    code = (
        "import sys\nimport game.records, game.cli.data\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
