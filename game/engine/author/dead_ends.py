"""Dead ends found by exploring every path: nodes where, on some path, no choice is open."""

from __future__ import annotations

from game.engine.play.explore import Exploration, explore
from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Scene


def dead_ends(scene: Scene, limit: int = 50_000) -> list[Diagnostic]:
    """Nodes where, on some path, no choice is open: found by exploring, so only real ones."""
    return stuck_warnings(scene, explore(scene, limit))


def stuck_warnings(scene: Scene, exploration: Exploration) -> list[Diagnostic]:
    found: dict[str, Diagnostic] = {}
    for state in exploration.stuck:
        node = scene.nodes[state.node]
        found.setdefault(node.id, Diagnostic(
            scene.file, node.pos.line, node.pos.column, "warning",
            f"dead end: on some paths no choice at node {node.id!r} is open, "
            "so the player would be stuck there"))
    return list(found.values())
