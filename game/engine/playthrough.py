"""A playthrough: one scene and the states it has passed through, oldest first."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import runner
from game.engine.catalogue import Catalogue, default_catalogue
from game.engine.model import Choice, Line, Node, Scene
from game.engine.scoring import ChoiceFeedback, PlaythroughSummary, feedback_for, summarise
from game.engine.state import SOLO, State


@dataclass
class Playthrough:
    scene: Scene
    catalogue: Catalogue = field(default_factory=default_catalogue)
    states: list[State] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.states:
            self.states.append(runner.start(self.scene))

    @property
    def state(self) -> State:
        return self.states[-1]

    @property
    def node(self) -> Node:
        return runner.current_node(self.scene, self.state)

    @property
    def is_over(self) -> bool:
        return runner.is_over(self.scene, self.state)

    def lines(self) -> tuple[Line, ...]:
        return runner.visible_lines(self.scene, self.state)

    def choices(self) -> tuple[Choice, ...]:
        return runner.available_choices(self.scene, self.state)

    def choose(self, choice_key: str, player: str = SOLO) -> Choice:
        """Take a choice; returns the choice taken."""
        choice = next((c for c in self.choices() if c.key == choice_key), None)
        if choice is None:
            raise runner.StoryError(f"choice {choice_key!r} is not open at node {self.state.node!r}")
        self.states.append(runner.choose(self.scene, self.state, choice_key, player, self.catalogue))
        return choice

    def feedback(self, choice: Choice) -> ChoiceFeedback:
        return feedback_for(choice, self.catalogue)

    def feedback_so_far(self) -> list[tuple[Choice, ChoiceFeedback]]:
        return [(choice, self.feedback(choice))
                for _node, choice, _player in runner.taken_choices(self.scene, self.state)]

    def summary(self, player: str | None = None) -> PlaythroughSummary:
        return summarise(self.state, self.catalogue, player)

    def restart(self) -> None:
        self.states[:] = [runner.start(self.scene)]
