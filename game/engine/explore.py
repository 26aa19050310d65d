"""Exploring every reachable state of a scene: for tests, and later for author tools."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace

from game.engine import runner
from game.engine.model import Scene
from game.engine.state import State

DEFAULT_STATE_LIMIT = 200_000


@dataclass
class Exploration:
    states: int = 0
    endings_reached: set[str] = field(default_factory=set)
    choices_taken: set[str] = field(default_factory=set)  # "node/choice"
    stuck: list[State] = field(default_factory=list)  # non-ending states with nothing to choose
    failures: list[str] = field(default_factory=list)  # StoryError messages
    complete: bool = True  # False when the state limit stopped the search
    ending_meters: dict[str, list[dict[str, int]]] = field(default_factory=dict)  # distinct meters per ending

    def unreached_endings(self, scene: Scene) -> list[str]:
        return [n.id for n in scene.endings() if n.id not in self.endings_reached]


def _identity(state: State) -> State:
    """Two states that differ only in how they got here behave the same from here on."""
    return replace(state, path=())


def explore(scene: Scene, limit: int = DEFAULT_STATE_LIMIT) -> Exploration:
    try:
        first = runner.start(scene)
    except runner.StoryError as exc:
        return Exploration(failures=[str(exc)])
    return explore_from(scene, first, limit)


def explore_from(scene: Scene, first: State, limit: int = DEFAULT_STATE_LIMIT) -> Exploration:
    """Every state reachable from ``first``, each distinct state visited once."""
    result = Exploration()
    seen = {_identity(first).to_json()}
    queue = deque([first])
    while queue:
        state = queue.popleft()
        result.states += 1
        if runner.is_over(scene, state):
            result.endings_reached.add(state.node)
            seen_meters = result.ending_meters.setdefault(state.node, [])
            if dict(state.meters) not in seen_meters:
                seen_meters.append(dict(state.meters))
            continue
        choices = runner.available_choices(scene, state)
        if not choices:
            result.stuck.append(state)
        for choice in choices:
            result.choices_taken.add(f"{state.node}/{choice.key}")
            try:
                following = runner.choose(scene, state, choice.key)
            except runner.StoryError as exc:
                result.failures.append(str(exc))
                continue
            key = _identity(following).to_json()
            if key in seen:
                continue
            if len(seen) >= limit:
                result.complete = False
                return result
            seen.add(key)
            queue.append(following)
    return result
