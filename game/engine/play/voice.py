"""Whose voice each choice is in, when one player plays more than one role."""

from __future__ import annotations

from game.engine.scene.model import Node, Scene


def plays_several(scene: Scene) -> bool:
    return len(scene.playable_roles) > 1


def voice(scene: Scene, node: Node) -> str | None:
    """The name of the role whose words the choices at ``node`` are, or None in a one-role scene."""
    if not plays_several(scene) or node.kind != "choice":
        return None
    role = scene.roles.get(scene.chooser(node))
    return role.name if role else None


def both_roles_note(scene: Scene) -> str | None:
    """What a person playing alone needs to know before a scene with several playable roles."""
    if not plays_several(scene):
        return None
    names = [r.name for r in scene.playable_roles]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"You play {'both' if len(names) == 2 else 'all of'} {listed}: each choice says whose voice it is."
