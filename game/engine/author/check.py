"""`pathways check`: what exploring every state, or many random playthroughs, says about a scene."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable

from game.engine.author.cornered import cornered
from game.engine.author.last_beat import against_last_beat
from game.engine.play import runner
from game.engine.play.explore import (
    DEFAULT_STATE_LIMIT,
    INFINITE,
    Exploration,
    Range,
    cannot_finish,
    explore,
    score_ranges,
)
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.gc_pause import collector_paused
from game.engine.scene.model import Scene

MAX_RANDOM_STEPS = 500


@dataclass
class CheckReport:
    scene: Scene
    exploration: Exploration
    ranges: dict[str, dict[str, Range]]  # ending -> dimension or meter -> range
    no_way_out: list[str]  # nodes where some state can never reach an ending
    cornered: list[Diagnostic] = field(default_factory=list)  # states where every open choice is a trap
    last_beat: list[Diagnostic] = field(default_factory=list)  # endings against the last choices

    @property
    def ok(self) -> bool:
        e = self.exploration
        return (e.complete and not e.failures and not e.stuck and not self.no_way_out
                and not e.unreached_endings(self.scene) and not e.unreached_choices(self.scene)
                and not self.cornered and not self.last_beat)


def check_scene(scene: Scene, limit: int = DEFAULT_STATE_LIMIT, catalogue: Catalogue | None = None,
                progress: Callable[[int], None] | None = None) -> CheckReport:
    catalogue = catalogue or default_catalogue()
    with collector_paused():
        return _check(scene, limit, catalogue, progress)


def _check(scene: Scene, limit: int, catalogue: Catalogue,
           progress: Callable[[int], None] | None) -> CheckReport:
    result = explore(scene, limit, progress)
    keys = [d.key for d in catalogue.dimensions]
    ranges = score_ranges(result, scene, keys) if result.complete else {}
    for ending, meters in result.ending_meters.items():
        for meter in catalogue.meters:
            values = [m[meter.key] for m in meters]
            ranges.setdefault(ending, {})[meter.key] = Range(min(values), max(values))
    stuck_nodes = {s.node for s in result.stuck}
    no_way_out = sorted({result.node_at(i) for i in cannot_finish(result, scene)} - stuck_nodes) \
        if result.complete else []
    return CheckReport(scene, result, ranges, no_way_out, cornered(scene, result),
                       against_last_beat(scene, result))


def show_range(r: Range) -> str:
    low = "−∞" if r.low == -INFINITE else f"{int(r.low):+d}" if r.low else "0"
    high = "+∞" if r.high == INFINITE else f"{int(r.high):+d}" if r.high else "0"
    return low if low == high else f"{low}..{high}"


@dataclass
class RandomReport:
    runs: int
    seed: int
    endings: dict[str, int] = field(default_factory=dict)  # ending -> how many runs reached it
    choices_taken: set[str] = field(default_factory=set)
    stuck: int = 0
    too_long: int = 0


def random_playthroughs(scene: Scene, runs: int, seed: int) -> RandomReport:
    """Play ``runs`` playthroughs, picking uniformly at random; the same seed gives the same runs."""
    chooser = random.Random(seed)
    report = RandomReport(runs, seed)
    for _ in range(runs):
        state = runner.start(scene)
        for _step in range(MAX_RANDOM_STEPS):
            if runner.is_over(scene, state):
                report.endings[state.node] = report.endings.get(state.node, 0) + 1
                break
            options = runner.available_choices(scene, state)
            if not options:
                report.stuck += 1
                break
            choice = chooser.choice(options)
            report.choices_taken.add(f"{state.node}/{choice.key}")
            state = runner.choose(scene, state, choice.key)
        else:
            report.too_long += 1
    return report
