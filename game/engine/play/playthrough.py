"""A playthrough: one scene and the states it has passed through, oldest first."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.play import runner
from game.engine.play.scoring import (
    ChoiceFeedback,
    PlaythroughSummary,
    feedback_for,
    summarise,
)
from game.engine.play.state import SOLO, State
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.model import Choice, Line, Node, Scene


@dataclass
class Playthrough:
    """States oldest first: ``states[i]`` is the state after ``i`` steps.

    Rewinding keeps the undone branch's furthest state. If the player then chooses differently,
    that state is moved to ``abandoned`` (unless it was an ending, which is recorded on arrival),
    so the caller can keep it as an attempt.
    """

    scene: Scene
    catalogue: Catalogue = field(default_factory=default_catalogue)
    states: list[State] = field(default_factory=list)
    players: tuple[str, ...] = (SOLO,)
    abandoned: list[State] = field(default_factory=list)
    _undone_tip: State | None = None

    def __post_init__(self) -> None:
        if not self.states:
            self.states.append(runner.start(self.scene, self.players))

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
        """Take a choice (or, at a puppet interlude, a typed answer's key); returns it."""
        node = self.node
        choice = runner.node_choice(node, choice_key) or (
            runner.continue_choice(node) if choice_key == runner.CONTINUE_KEY else None)
        if choice is None:
            raise runner.StoryError(f"choice {choice_key!r} is not open at node {node.id!r}")
        self.states.append(runner.choose(self.scene, self.state, choice_key, player, self.catalogue))
        self._leave_undone_branch_if_diverged()
        return choice

    # -- rewinding --------------------------------------------------------------------------

    def choice_points(self) -> list[int]:
        """Indexes of states where a real choice (not a Continue) was made."""
        return [i for i, state in enumerate(self.states[:-1])
                if self.states[i + 1].path[-1].choice != runner.CONTINUE_KEY]

    def rewind_to(self, index: int) -> None:
        """Go back to ``states[index]``, exactly as it was then."""
        if not 0 <= index < len(self.states) - 1:
            return
        if self._undone_tip is None:
            self._undone_tip = self.state
        del self.states[index + 1:]

    def rewind_one_choice(self) -> bool:
        points = self.choice_points()
        if not points:
            return False
        self.rewind_to(points[-1])
        return True

    def jump_to(self, states: list[State]) -> None:
        """Continue from another line of states (for example one rebuilt from an attempt)."""
        self._abandon(self._undone_tip or self.state)
        self._undone_tip = None
        self.states[:] = states

    def _leave_undone_branch_if_diverged(self) -> None:
        tip = self._undone_tip
        if tip is None:
            return
        here = self.state.path
        if tip.path[:len(here)] != here:
            self._abandon(tip)
            self._undone_tip = None
        elif tip.path == here:
            self._undone_tip = None  # caught up with where we were: nothing was abandoned

    def _abandon(self, state: State) -> None:
        if state.path and not runner.is_over(self.scene, state):
            self.abandoned.append(state)

    def take_abandoned(self) -> list[State]:
        taken, self.abandoned = self.abandoned, []
        return taken

    def feedback(self, choice: Choice) -> ChoiceFeedback:
        return feedback_for(choice, self.catalogue)

    def feedback_so_far(self) -> list[tuple[Choice, ChoiceFeedback]]:
        return [(choice, self.feedback(choice))
                for _node, choice, _player in runner.taken_choices(self.scene, self.state)]

    def summary(self, player: str | None = None) -> PlaythroughSummary:
        return summarise(self.state, self.catalogue, player)

    def restart(self) -> None:
        self.jump_to([runner.start(self.scene, self.players)])

    def lines_at(self, index: int) -> tuple[Line, ...]:
        return runner.visible_lines(self.scene, self.states[index])

    def choice_at(self, index: int) -> Choice | None:
        """The choice taken from ``states[index]``, or None for a Continue or the last state."""
        if index >= len(self.states) - 1:
            return None
        step = self.states[index + 1].path[-1]
        return runner.node_choice(self.scene.nodes[step.node], step.choice)
