"""Rebuilding states from a saved path of choices, even after the scene file was edited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from game.engine.play import runner
from game.engine.play.state import SOLO, State, Step
from game.engine.puppets.answer_rules import TYPED_PREFIX
from game.engine.scene.model import Scene


@dataclass(frozen=True, slots=True)
class Replay:
    states: tuple[State, ...]  # the start state, then one per step that still fits
    steps_kept: int
    steps_saved: int

    @property
    def complete(self) -> bool:
        return self.steps_kept == self.steps_saved


def replay_path(scene: Scene, path: Sequence[Step], players: tuple[str, ...] = (SOLO,)) -> Replay:
    """Replay ``path`` from the start, stopping at the first step that no longer fits the scene."""
    try:
        states = [runner.start(scene, players)]
    except runner.StoryError:
        return Replay((), 0, len(path))
    for step in path:
        state = states[-1]
        open_keys = {c.key for c in runner.available_choices(scene, state)}
        typed = step.choice.startswith(TYPED_PREFIX)  # an answer typed at a puppet interlude
        if state.node != step.node or (step.choice not in open_keys and not typed):
            break
        try:
            states.append(runner.choose(scene, state, step.choice, step.player))
        except runner.StoryError:
            break
    return Replay(tuple(states), len(states) - 1, len(path))
