"""Cornered states, found by exploring: every choice open to the player there carries a trap."""

from __future__ import annotations

from game.engine.play import runner
from game.engine.play.explore import Exploration
from game.engine.play.state import State
from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Scene


def cornered(scene: Scene, exploration: Exploration) -> list[Diagnostic]:
    """One warning per node where, in some reachable state, every open choice is a trap."""
    found: dict[str, Diagnostic] = {}
    for state in exploration.visited:
        node = scene.nodes[state.node]
        if node.id in found or not node.choices or runner.is_over(scene, state):
            continue
        open_choices = runner.available_choices(scene, state)
        if open_choices and all(c.effect.traps for c in open_choices):
            keys = ", ".join(f"choice {c.key}" if c.key.isdigit() else c.key for c in open_choices)
            found[node.id] = Diagnostic(
                scene.file, node.pos.line, node.pos.column, "warning",
                f"cornered: at node {node.id!r}{_when(scene, state)} every open choice ({keys}) "
                "carries a trap; give the player at least one way through that is not a trap")
    return list(found.values())


def _when(scene: Scene, state: State) -> str:
    """The variables that differ from the start, so the author can find the path."""
    changed = [f"{name} is {value!r}" for name, value in sorted(state.variables.items())
               if scene.variables.get(name) != value]
    return f" (for example when {' and '.join(changed)})" if changed else ""
