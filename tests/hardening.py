"""Shared by the hardening tests: how many examples to run, and everything `validate` runs.

Set PATHWAYS_LONG_TESTS=1 to run the long forms (20,000 fuzz examples, 20,000 monkey keys).
"""

from __future__ import annotations

import os
from pathlib import Path

from game.engine.author.dead_ends import dead_ends
from game.engine.author.graph import branch_map, map_size
from game.engine.author.graph_formats import FORMATS
from game.engine.library import load_library
from game.engine.puppets.cast import check_puppet_file
from game.engine.scene.diagnostics import INTERNAL_ERROR, Diagnostic

LONG = os.environ.get("PATHWAYS_LONG_TESTS", "") not in ("", "0")
SCALE = 10 if LONG else 1


def validate_everything(path: Path) -> list[Diagnostic]:
    """What `pathways validate` runs on one file, plus the graph outputs and the branch map.

    Any exception escapes (and fails the test); a fault caught by the last-resort guard is
    turned back into a failure here, so the guard never hides a bug from the suite."""
    if path.parent.name == "puppets":
        _, diagnostics = check_puppet_file(path)
    else:
        diagnostics = []
        for entry in load_library([path]):
            diagnostics += entry.diagnostics
            if entry.scene is not None:
                diagnostics += dead_ends(entry.scene, limit=2_000)
                for render in FORMATS.values():
                    render(entry.scene)
                assert map_size(branch_map(entry.scene, set(), set())) >= 1
    faults = [d for d in diagnostics if INTERNAL_ERROR in d.message]
    assert not faults, faults
    return diagnostics
