"""Endings that contradict the last moments: "she leaves early" right after the warmest exchange.

An ending is cooler on a meter when the states that reach it hold less of that meter, on
average, than the scene's endings do (each ending counted once); warmer when they hold more. A finding is an ending
reached straight after the last choices moved that meter the other way by ``MARGIN`` or more.
Closeness is what the endings are about, so a finding on harmony also needs the ending to sit
on the same side for closeness: the closest ending, reached after calming words, is no finding
just because close endings tend to be less calm.
"""

from __future__ import annotations

from statistics import mean
from typing import Iterator

from game.engine.play import runner
from game.engine.play.explore import Exploration, identity_for
from game.engine.play.state import State
from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Choice, Scene

MARGIN = 3  # how far the last choices (runner.RECENT_CHOICES of them) must move a meter
GAP = 1.0  # how far an ending's average must sit from the scene's to count as cooler or warmer
PRIMARY = "closeness"


def against_last_beat(scene: Scene, exploration: Exploration) -> list[Diagnostic]:
    arrivals = {i: s for i, s in enumerate(exploration.visited) if runner.is_over(scene, s)}
    if len({s.node for s in arrivals.values()}) < 2:
        return []
    found: dict[tuple[str, str, str], Diagnostic] = {}
    before = _predecessors(exploration)
    meters = sorted({key for s in arrivals.values() for key in s.meters})
    side = {meter: _sides(arrivals, meter) for meter in meters}
    for meter in meters:
        for index, state in arrivals.items():
            moved = state.recent_change(meter)
            agrees = meter == PRIMARY or PRIMARY not in side or side[PRIMARY][state.node] == side[meter][state.node]
            cooler = side[meter][state.node] < 0 and moved >= MARGIN and agrees
            warmer = side[meter][state.node] > 0 and moved <= -MARGIN and agrees
            if not (cooler or warmer):
                continue
            for node, choice in _last_choices(scene, exploration, index, before):
                key = (node, choice.key, state.node)
                if key in found:
                    continue
                way = "raised" if moved > 0 else "lowered"
                kind = "less" if cooler else "more"
                found[key] = Diagnostic(
                    scene.file, choice.pos.line, choice.pos.column, "warning",
                    f"ending against the last beat: right after this choice, with the last choices having "
                    f"{way} {meter} by {moved:+d}, the scene can end at {state.node!r}, an ending reached "
                    f"with {kind} {meter} than the others; let the last moments count with a route "
                    f"branch on recent.{meter}")
    return list(found.values())


def _sides(arrivals: dict[int, State], meter: str) -> dict[str, int]:
    """Per ending: -1 if reached with less of ``meter`` than the scene's endings, +1 if more, else 0.

    Each ending counts once, however many different states reach it."""
    levels = {ending: mean(s.meters[meter] for s in arrivals.values() if s.node == ending)
              for ending in {s.node for s in arrivals.values()}}
    overall = mean(levels.values())
    return {ending: -1 if level <= overall - GAP else 1 if level >= overall + GAP else 0
            for ending, level in levels.items()}


def _last_choices(scene: Scene, exploration: Exploration, target: int,
                  before: dict[int, list[int]]) -> Iterator[tuple[str, Choice]]:
    """The real choices (not a "Continue") that lead straight to state ``target``."""
    identity = identity_for(scene)
    todo, seen = [target], {target}
    while todo:
        at = todo.pop()
        for source in before.get(at, ()):
            state = exploration.visited[source]
            node = scene.nodes[state.node]
            if node.goto is not None and node.puppet is None:
                if source not in seen:
                    seen.add(source)
                    todo.append(source)
                continue
            for choice in runner.available_choices(scene, state):
                if identity(runner.choose(scene, state, choice.key)) == exploration.visited[at]:
                    yield state.node, choice


def _predecessors(exploration: Exploration) -> dict[int, list[int]]:
    before: dict[int, list[int]] = {}
    for source, edges in enumerate(exploration.edges):
        for target, _ in edges:
            before.setdefault(target, []).append(source)
    return before
