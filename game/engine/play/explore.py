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
from game.engine.play.compact import CompactScene, Key
from game.engine.play.state import State
from game.engine.scene.gc_pause import collector_paused
from game.engine.scene.graphs import strongly_connected
from game.engine.scene.model import Choice, Scene

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
    keys: list[Key] = field(default_factory=list, repr=False)  # index -> compact state
    edges: list[list[Edge]] = field(default_factory=list, repr=False)  # index -> outgoing edges
    compact: CompactScene | None = field(default=None, repr=False)

    _visited: list[State] = field(default_factory=list, repr=False)

    @property
    def visited(self) -> list[State]:
        """index -> state (path and scores cleared), built when first asked for."""
        if len(self._visited) != len(self.keys) and self.compact is not None:
            self._visited = [self.compact.state(key) for key in self.keys]
        return self._visited

    def node_at(self, index: int) -> str:
        return self.keys[index][0]

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
    """Every state reachable from ``first``, each distinct state visited once (breadth first).

    Two states that differ only in how they got here (path, scores, traps) behave the same
    from here on, so they count once."""
    with collector_paused():
        return _explore(scene, first, limit, progress)


def _explore(scene: Scene, first: State, limit: int,
             progress: Callable[[int], None] | None) -> Exploration:
    compact = CompactScene(scene, first, tracked=flow_names(scene))
    result = Exploration(compact=compact)
    keys, edges = result.keys, result.edges
    start = compact.key(first)
    index = {start: 0}
    keys.append(start)
    edges.append([])
    seen_meters: dict[str, set[tuple]] = {}
    taken_add = result.choices_taken.add
    duplicates = compact.duplicate_keys
    queue = deque([0])
    while queue:
        at = queue.popleft()
        key = keys[at]
        result.states += 1
        if progress and result.states % PROGRESS_EVERY == 0:
            progress(result.states)
        if compact.is_over(key):
            _note_ending(result, seen_meters, compact, key)
            continue
        choices = compact.available_choices(key)
        if not choices:
            result.stuck.append(compact.state(key))
        outgoing = edges[at]
        for choice in choices:
            taken_add(f"{key[0]}/{choice.key}")
            try:
                following = compact.step(key, _chosen(choices, choice.key) if key[0] in duplicates else choice)
            except runner.StoryError as exc:
                result.failures.append(str(exc))
                continue
            target = index.get(following)
            if target is None:
                if len(index) >= limit:
                    result.complete = False
                    return result
                target = index[following] = len(keys)
                keys.append(following)
                edges.append([])
                queue.append(target)
            outgoing.append((target, choice.effect.scores))
    return result


def _chosen(choices: tuple[Choice, ...], key: str) -> Choice:
    """The choice ``runner.choose`` takes for ``key``: the first open one with that key."""
    return next(c for c in choices if c.key == key)


def _note_ending(result: Exploration, seen: dict[str, set[tuple]], compact: CompactScene, key: Key) -> None:
    node = key[0]
    result.endings_reached.add(node)
    meters = result.ending_meters.setdefault(node, [])
    seen_here = seen.setdefault(node, set())
    rest_meters = compact.rests[key[1]][1]
    if rest_meters not in seen_here:
        seen_here.add(rest_meters)
        meters.append(compact.meters(key))


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
    backwards: list[list[int]] = [[] for _ in result.keys]
    for source, outgoing in enumerate(result.edges):
        for target, _ in outgoing:
            backwards[target].append(source)
    endings = result.compact.endings if result.compact else frozenset()
    can = {i for i, key in enumerate(result.keys) if key[0] in endings}
    todo = list(can)
    while todo:
        for source in backwards[todo.pop()]:
            if source not in can:
                can.add(source)
                todo.append(source)
    return set(range(len(result.keys))) - can


Bounds = tuple[tuple[float, ...], tuple[float, ...]]  # the lows and the highs, in the order of keys


def score_ranges(result: Exploration, scene: Scene, keys: list[str]) -> dict[str, dict[str, Range]]:
    """For each ending reached, the lowest and highest total of each score key over all paths.

    A score that a loop can raise (or lower) again and again has no upper (or lower) bound.
    Totals are carried as tuples in the order of ``keys``, one pair per component of the graph.
    """
    edges = result.edges
    components = _components(edges)
    component_of = [0] * len(edges)
    for c, members in enumerate(components):
        for state in members:
            component_of[state] = c
    vector = _delta_vectors(keys)
    reach: dict[int, Bounds] = {}
    zero = tuple(0 for _ in keys)
    # Tarjan lists components sinks first; walk them from the start's side.
    for c in reversed(range(len(components))):
        members = components[c]
        bounds = reach.get(c)
        if edges and component_of[0] == c:  # the start: nothing scored yet
            bounds = (zero, zero) if bounds is None else _widen(bounds, (zero, zero))
        if bounds is None:
            continue
        bounds = _loop_bounds(bounds, members, edges, component_of, c, vector)
        reach[c] = bounds
        lows, highs = bounds
        for state in members:
            for target, delta in edges[state]:
                other = component_of[target]
                if other == c:
                    continue
                step = vector(delta)
                moved = (tuple(a + d for a, d in zip(lows, step)), tuple(a + d for a, d in zip(highs, step))) \
                    if any(step) else bounds
                old = reach.get(other)
                reach[other] = moved if old is None else _widen(old, moved)
    found_at: dict[str, Bounds] = {}
    ending_nodes = result.compact.endings if result.compact else frozenset()
    for index, (node, *_) in enumerate(result.keys):
        if node in ending_nodes and component_of[index] in reach:
            found = reach[component_of[index]]
            old = found_at.get(node)
            found_at[node] = found if old is None else _widen(old, found)
    return {node: {k: Range(low, high) for k, low, high in zip(keys, lows, highs)}
            for node, (lows, highs) in found_at.items()}


def _delta_vectors(keys: list[str]) -> Callable[[Mapping[str, int]], tuple[int, ...]]:
    """A choice's score changes as a tuple in the order of ``keys``, worked out once per choice."""
    cache: dict[int, tuple[Mapping[str, int], tuple[int, ...]]] = {}

    def vector(delta: Mapping[str, int]) -> tuple[int, ...]:
        found = cache.get(id(delta))
        if found is None:
            found = cache[id(delta)] = (delta, tuple(delta.get(k, 0) for k in keys))  # keeps delta alive
        return found[1]
    return vector


def _widen(a: Bounds, b: Bounds) -> Bounds:
    return (tuple(map(min, a[0], b[0])), tuple(map(max, a[1], b[1])))


def _loop_bounds(bounds: Bounds, members: list[int], edges: list[list[Edge]], component_of: list[int],
                 c: int, vector: Callable[[Mapping[str, int]], tuple[int, ...]]) -> Bounds:
    inner = [vector(delta) for s in members for t, delta in edges[s] if component_of[t] == c]
    if not inner:
        return bounds
    lows, highs = list(bounds[0]), list(bounds[1])
    for i in range(len(lows)):
        if any(d[i] > 0 for d in inner):
            highs[i] = INFINITE
        if any(d[i] < 0 for d in inner):
            lows[i] = -INFINITE
    return tuple(lows), tuple(highs)


def _components(edges: list[list[Edge]]) -> list[list[int]]:
    """Strongly connected components of the explored states, sinks first."""
    return strongly_connected({at: [target for target, _ in out] for at, out in enumerate(edges)})
