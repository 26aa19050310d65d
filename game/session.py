"""What gets kept, and when: saves after every choice, attempts at endings and abandonments.

Headless glue between a Playthrough and the Records; the UI calls it and decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.engine.play import runner
from game.engine.play.playthrough import Playthrough
from game.engine.play.replay import Replay, replay_path
from game.engine.play.seating import Seating
from game.engine.play.state import State
from game.records import Attempt, Records


@dataclass
class Session:
    records: Records
    playthrough: Playthrough
    seating: Seating = field(default_factory=Seating.alone)
    recorded: list[Attempt] = field(default_factory=list)  # attempts kept during this session

    @property
    def players(self) -> tuple[str, ...]:
        """The names kept with attempts and saves."""
        return self.seating.names

    def player_now(self) -> str:
        return self.seating.player_for(self.scene, self.playthrough.state)

    @property
    def scene(self):
        return self.playthrough.scene

    def after_step(self) -> Attempt | None:
        """Keep abandoned branches, then either the save or, at an ending, the finished attempt."""
        for state in self.playthrough.take_abandoned():
            self._keep(state, "abandoned")
        self.save()
        if self.playthrough.is_over:
            return self._keep(self.playthrough.state, "finished")
        return None

    def save(self) -> None:
        """Keep where the player is, so that quitting now can be resumed later."""
        if self.playthrough.state.path and not self.playthrough.is_over:
            self.records.save_progress(self.scene.id, self.playthrough.state.path, self.players)
        else:
            self.records.delete_save(self.scene.id)

    def start_over(self) -> None:
        """Drop any save, keeping where it had got to as an abandoned attempt."""
        saved = self.records.load_save(self.scene.id)
        if saved is not None:
            replay = replay_path(self.scene, saved.path, self.playthrough.players)
            if replay.states and replay.states[-1].path:
                self._keep(replay.states[-1], "abandoned")
            self.records.delete_save(self.scene.id)

    def _keep(self, state: State, status: str) -> Attempt:
        attempt = Attempt.from_state(self.scene, state, status, self.players)  # type: ignore[arg-type]
        kept = replace(attempt, id=self.records.add_attempt(attempt))
        self.recorded.append(kept)
        return kept


def resume(records: Records, playthrough: Playthrough) -> Replay | None:
    """Load the scene's save into the playthrough, as far as it still fits the scene."""
    saved = records.load_save(playthrough.scene.id)
    if saved is None:
        return None
    replay = replay_path(playthrough.scene, saved.path, playthrough.players)
    if replay.states:
        playthrough.states[:] = list(replay.states)
    return replay


def states_to(playthrough: Playthrough, attempts: list[Attempt], node_id: str) -> list[State] | None:
    """States leading to the latest visit of ``node_id``, from this playthrough or past attempts."""
    for index in range(len(playthrough.states) - 1, -1, -1):
        if playthrough.states[index].node == node_id:
            return playthrough.states[: index + 1]
    for attempt in reversed(attempts):
        replay = replay_path(playthrough.scene, attempt.path, playthrough.players)
        for index in range(len(replay.states) - 1, -1, -1):
            if replay.states[index].node == node_id:
                return list(replay.states[: index + 1])
    return None


def visited_and_taken(playthrough: Playthrough, attempts: list[Attempt]) -> tuple[set[str], set[str]]:
    """Node ids ever passed through and "node/choice" keys ever chosen, across attempts and now."""
    scene = playthrough.scene
    visited: set[str] = set()
    taken: set[str] = set()
    for path in [a.path for a in attempts] + [playthrough.state.path]:
        states = replay_path(scene, path, playthrough.players).states
        visited.update(state.node for state in states)
        for step in path[: len(states) - 1]:
            taken.add(f"{step.node}/{step.choice}")
            visited.add(_target(playthrough, step.node, step.choice))
    if scene.start in scene.nodes:
        visited.add(scene.start)
    return visited, taken


def played_edges(playthrough: Playthrough) -> list[tuple[str, str | None, str]]:
    """The path being played, edge by edge: (source, choice key or None, target), routes included."""
    scene = playthrough.scene
    states = playthrough.states
    found: list[tuple[str, str | None, str]] = []
    if states and states[0].node != scene.start:
        found.append((scene.start, None, states[0].node))
    for step, after in zip(states[-1].path, states[1:]):
        if step.node not in scene.nodes:
            break
        node = scene.nodes[step.node]
        chosen = step.choice if any(c.key == step.choice for c in node.choices) else None
        direct = _target(playthrough, step.node, step.choice)
        found.append((step.node, chosen, direct))
        if direct != after.node:
            found.append((direct, None, after.node))  # a route node chose the way on
    return found


def _target(playthrough: Playthrough, node_id: str, choice_key: str) -> str:
    """Where a step led before any route nodes were followed (so routes count as passed)."""
    node = playthrough.scene.nodes[node_id]
    if node.goto and (choice_key == runner.CONTINUE_KEY or node.puppet is not None):
        return node.goto  # a continue, or a puppet interlude's answer: both lead to goto
    return next((c.goto for c in node.choices if c.key == choice_key), node_id)
