"""Warnings that need every path explored: dead ends, cornered states, endings against the last beat."""

from __future__ import annotations

from game.engine.author.cornered import cornered
from game.engine.author.dead_ends import stuck_warnings
from game.engine.author.last_beat import against_last_beat
from game.engine.play.explore import Exploration, explore
from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Scene

DEFAULT_LIMIT = 50_000


def path_warnings(scene: Scene, limit: int = DEFAULT_LIMIT) -> list[Diagnostic]:
    return warnings_from(scene, explore(scene, limit))


def warnings_from(scene: Scene, exploration: Exploration) -> list[Diagnostic]:
    found = stuck_warnings(scene, exploration) + cornered(scene, exploration)
    found += against_last_beat(scene, exploration)
    return sorted(found, key=lambda d: (d.line, d.column))
