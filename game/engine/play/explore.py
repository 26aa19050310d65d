"""Exploring every reachable state of a scene, for tests, suggestions and `pathways check`.

A state here is what decides the future: the node, the variables, the meters, the once-only
choices taken, and any score or trap count that a choice or route asks about. Other scores and
the path are left out, so two ways of reaching the same moment count
once and loops stay finite. Scores are followed on the edges instead (see ``score_ranges``).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping

from game.engine.play import runner
from game.engine.play.state import State
from game.engine.scene.model import Scene

DEFAULT_STATE_LIMIT = 200_000
PROGRESS_EVERY = 2_000

Edge = tuple[int, Mapping[str, int]]  # the next state's index, and the score changes on the way


@dataclass
class Exploration:
    states: int = 0
    endings_reached: set[str] = field(default_factory=set)
    choices_taken: set[str] = field(default_factory=set)  # "node/choice"
    stuck: list[State] = field(default_factory=list)  # non-ending states with nothing to choose
    failures: list[str] = field(default_factory=list)  # StoryError messages
    complete: bool = True  # False when the state limit stopped the search
    ending_meters: dict[str, list[dict[str, int]]] = field(default_factory=dict)  # distinct meters per ending
    visited: list[State] = field(default_factory=list)  # index -> state (path and scores cleared)
    edges: list[list[Edge]] = field(default_factory=list)  # index -> outgoing edges

    def unreached_endings(self, scene: Scene) -> list[str]:
        return [n.id for n in scene.endings() if n.id not in self.endings_reached]

    def unreached_choices(self, scene: Scene) -> list[str]:
        every = [f"{n.id}/{c.key}" for n in scene.nodes.values() for c in n.choices]
        return [key for key in every if key not in self.choices_taken]


def flow_names(scene: Scene) -> frozenset[str]:
    """The ``score.X`` and ``trap.X`` names that decide which choices show or where a route goes."""
    found: set[str] = set()
    for node in scene.nodes.values():
        conditions = [c.condition for c in node.choices] + [b.condition for b in node.route]
        for condition in conditions:
            if condition is not None:
                found.update(n.name for n in condition.names()
                             if n.name.startswith(("score.", "trap.")))
    return frozenset(found)


def identity_for(scene: Scene) -> Callable[[State], State]:
    """Two states that differ only in how they got here behave the same from here on.

    Scores and traps are dropped, except those the scene's choices and routes ask about, so
    that exploring a scene whose flow depends on ``trap.X`` or ``score.X`` stays exact.
    """
    tracked = flow_names(scene)
    scores = {name[len("score."):] for name in tracked if name.startswith("score.")}
    traps = {name[len("trap."):] for name in tracked if name.startswith("trap.")}

    def identity(state: State) -> State:
        return replace(
            state, path=(),
            scores={p: {k: v for k, v in s.items() if k in scores} for p, s in state.scores.items()},
            traps={p: tuple(sorted(t for t in kept if t in traps)) for p, kept in state.traps.items()})
    return identity


def explore(scene: Scene, limit: int = DEFAULT_STATE_LIMIT,
            progress: Callable[[int], None] | None = None) -> Exploration:
    try:
        first = runner.start(scene)
    except runner.StoryError as exc:
        return Exploration(failures=[str(exc)])
    return explore_from(scene, first, limit, progress)


def explore_from(scene: Scene, first: State, limit: int = DEFAULT_STATE_LIMIT,
                 progress: Callable[[int], None] | None = None) -> Exploration:
    """Every state reachable from ``first``, each distinct state visited once."""
    result = Exploration()
    _identity = identity_for(scene)
    start = _identity(first)
    index = {start.to_json(): 0}
    result.visited.append(start)
    result.edges.append([])
    queue = deque([0])
    while queue:
        at = queue.popleft()
        state = result.visited[at]
        result.states += 1
        if progress and result.states % PROGRESS_EVERY == 0:
            progress(result.states)
        if runner.is_over(scene, state):
            _note_ending(result, state)
            continue
        choices = runner.available_choices(scene, state)
        if not choices:
            result.stuck.append(state)
        for choice in choices:
            result.choices_taken.add(f"{state.node}/{choice.key}")
            try:
                following = _identity(runner.choose(scene, state, choice.key))
            except runner.StoryError as exc:
                result.failures.append(str(exc))
                continue
            key = following.to_json()
            if key not in index:
                if len(index) >= limit:
                    result.complete = False
                    return result
                index[key] = len(result.visited)
                result.visited.append(following)
                result.edges.append([])
                queue.append(index[key])
            result.edges[at].append((index[key], choice.effect.scores))
    return result


def _note_ending(result: Exploration, state: State) -> None:
    result.endings_reached.add(state.node)
    seen_meters = result.ending_meters.setdefault(state.node, [])
    if dict(state.meters) not in seen_meters:
        seen_meters.append(dict(state.meters))


# -- what the exploration tells an author -------------------------------------------------------

INFINITE = float("inf")


@dataclass(frozen=True, slots=True)
class Range:
    low: float
    high: float

    def widen(self, other: "Range") -> "Range":
        return Range(min(self.low, other.low), max(self.high, other.high))


def cannot_finish(result: Exploration, scene: Scene) -> set[int]:
    """Indexes of states from which no ending can be reached (stuck, or looping for ever)."""
    backwards: list[list[int]] = [[] for _ in result.visited]
    for source, outgoing in enumerate(result.edges):
        for target, _ in outgoing:
            backwards[target].append(source)
    can = {i for i, s in enumerate(result.visited) if runner.is_over(scene, s)}
    todo = list(can)
    while todo:
        for source in backwards[todo.pop()]:
            if source not in can:
                can.add(source)
                todo.append(source)
    return set(range(len(result.visited))) - can


def score_ranges(result: Exploration, scene: Scene, keys: list[str]) -> dict[str, dict[str, Range]]:
    """For each ending reached, the lowest and highest total of each score key over all paths.

    A score that a loop can raise (or lower) again and again has no upper (or lower) bound.
    """
    components = _components(result.edges)
    component_of = {state: c for c, members in enumerate(components) for state in members}
    reach: dict[int, dict[str, Range]] = {}
    # Tarjan lists components sinks first; walk them from the start's side.
    for c in reversed(range(len(components))):
        members = components[c]
        ranges = reach.get(c)
        if 0 in members:  # the start: nothing scored yet
            start = {k: Range(0, 0) for k in keys}
            ranges = start if ranges is None else {k: ranges[k].widen(start[k]) for k in keys}
        if ranges is None:
            continue
        ranges = _loop_bounds(ranges, members, result.edges, component_of, c, keys)
        reach[c] = ranges
        for state in members:
            for target, delta in result.edges[state]:
                if component_of[target] == c:
                    continue
                moved = {k: Range(r.low + delta.get(k, 0), r.high + delta.get(k, 0)) for k, r in ranges.items()}
                old = reach.get(component_of[target])
                reach[component_of[target]] = moved if old is None else {k: old[k].widen(moved[k]) for k in keys}
    endings: dict[str, dict[str, Range]] = {}
    for index, state in enumerate(result.visited):
        if runner.is_over(scene, state) and component_of[index] in reach:
            found = reach[component_of[index]]
            old = endings.get(state.node)
            endings[state.node] = found if old is None else {k: old[k].widen(found[k]) for k in keys}
    return endings


def _loop_bounds(ranges: dict[str, Range], members: list[int], edges: list[list[Edge]],
                 component_of: dict[int, int], c: int, keys: list[str]) -> dict[str, Range]:
    inner = [delta for s in members for t, delta in edges[s] if component_of[t] == c]
    bounded = dict(ranges)
    for key in keys:
        if any(d.get(key, 0) > 0 for d in inner):
            bounded[key] = Range(bounded[key].low, INFINITE)
        if any(d.get(key, 0) < 0 for d in inner):
            bounded[key] = Range(-INFINITE, bounded[key].high)
    return bounded


def _components(edges: list[list[Edge]]) -> list[list[int]]:
    """Strongly connected components (iterative Tarjan), sinks first."""
    index_of: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(len(edges)):
        if root in index_of:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            if child < len(edges[node]):
                work.append((node, child + 1))
                target = edges[node][child][0]
                if target not in index_of:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index_of[target])
                continue
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found
