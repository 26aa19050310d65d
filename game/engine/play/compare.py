"""Comparing two paths through the same scene."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from game.engine.play.runner import node_choice
from game.engine.play.state import Step
from game.engine.scene.model import Choice, Node, Scene


@dataclass(frozen=True, slots=True)
class Split:
    shared_steps: int  # steps both paths took before they parted
    node: Node | None  # where they parted; None if one path simply stopped earlier
    this: Choice | None
    other: Choice | None


def _choice(scene: Scene, step: Step) -> Choice | None:
    node = scene.nodes.get(step.node)
    return node_choice(node, step.choice) if node else None


def first_split(scene: Scene, this: Sequence[Step], other: Sequence[Step]) -> Split | None:
    """Where two paths first differ, or None if they are the same path."""
    for index, (a, b) in enumerate(zip(this, other)):
        if a.node != b.node or a.choice != b.choice:
            node = scene.nodes.get(a.node) if a.node == b.node else None
            return Split(index, node, _choice(scene, a), _choice(scene, b))
    if len(this) == len(other):
        return None
    return Split(min(len(this), len(other)), None, None, None)
