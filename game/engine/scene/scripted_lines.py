"""Lines put in a playable role's mouth: the player never chose to say them."""

from __future__ import annotations

from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Scene


def lint_scripted_lines(scene: Scene) -> list[Diagnostic]:
    playable = {role.id: role.name for role in scene.playable_roles}
    found: list[Diagnostic] = []
    for node in scene.nodes.values():
        for line in node.lines:
            if line.speaker in playable:
                found.append(Diagnostic(
                    scene.file, line.pos.line, line.pos.column, "warning",
                    f"{playable[line.speaker]} is played by a person, but this line puts words in "
                    f"their mouth that they did not choose; make it a choice, or narration"))
    return found
