"""The in-process and fresh-process measures, each taken with its anchor in the same run.

In-process times are CPU time of this process (time.process_time), so other programs on a
busy machine disturb them less; each is the best of several repetitions, taken in turn with its
anchor's repetitions.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import yaml

from benchmarks.synthetic import explore_scene_text, scene_text
from game.engine.author.check import check_scene
from game.engine.library import load_library, shipped_cast
from game.engine.play.explore import explore
from game.engine.scene.diagnostics import SceneError
from game.engine.scene.loader import load_scene, load_scene_text
from game.engine.scene.yamldoc import MAX_FILE_BYTES
from game.paths import scenes_dir

RAW_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def best_of_pair(action: Callable[[], object], anchor: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The least CPU time of ``action`` and of ``anchor``, run in turn ``repeat`` times each."""
    mine, theirs = float("inf"), float("inf")
    for _ in range(repeat):
        started = time.process_time()
        anchor()
        theirs = min(theirs, time.process_time() - started)
        started = time.process_time()
        action()
        mine = min(mine, time.process_time() - started)
    return mine, theirs


def shipped_files() -> list[Path]:
    return sorted(p for p in scenes_dir().iterdir() if p.suffix in (".yaml", ".yml"))


def raw_load(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_bytes(), Loader=RAW_LOADER)


def load_shipped(repeat: int) -> tuple[float, float]:
    """Loading and validating every shipped scene, against a raw libyaml load of the files."""
    files = shipped_files()
    load_library([scenes_dir()])  # the catalogue and the puppet cast, read once per process
    return best_of_pair(lambda: [load_scene(p, cast=shipped_cast) for p in files],
                        lambda: raw_load(files), repeat)


def load_synthetic(nodes: int, repeat: int) -> tuple[float, float, int]:
    """Validating a made-up scene of ``nodes`` nodes, against a raw libyaml load of its text."""
    text = scene_text(nodes)
    data = text.encode("utf-8")
    mine, theirs = best_of_pair(lambda: load_scene_text(text, cast=shipped_cast),
                                lambda: yaml.load(data, Loader=RAW_LOADER), repeat)
    return mine, theirs, len(data)


def largest_file() -> dict[str, float]:
    """A scene just under the limit is accepted; one just over it is refused, quickly."""
    nodes = 100
    while len(scene_text(nodes * 2).encode()) < MAX_FILE_BYTES:
        nodes *= 2
    while len(scene_text(nodes + 100).encode()) < MAX_FILE_BYTES:
        nodes += 100
    text = scene_text(nodes)
    started = time.process_time()
    load_scene_text(text, cast=shipped_cast)
    seconds = time.process_time() - started
    tracemalloc.start()  # measured apart: tracing slows the load several times over
    load_scene_text(text, cast=shipped_cast)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    with tempfile.TemporaryDirectory() as folder:
        too_big = Path(folder) / "too-big.yaml"
        too_big.write_text(text + "#" * (MAX_FILE_BYTES - len(text.encode()) + 1) + "\n")
        started = time.process_time()
        try:
            load_scene(too_big)
            refused = False
        except SceneError:
            refused = True
        refuse_seconds = time.process_time() - started
    return {"bytes": len(text.encode()), "seconds": seconds, "peak_mb": peak / 1e6,
            "refused": refused, "refuse_seconds": refuse_seconds}


def explore_shipped(repeat: int) -> tuple[int, float, float]:
    """States explored, and seconds for `explore` and for `check`, over every shipped scene."""
    scenes = [e.scene for e in load_library([scenes_dir()]) if e.scene]
    states = sum(explore(s).states for s in scenes)
    explore_best = check_best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for scene in scenes:
            explore(scene)
        explore_best = min(explore_best, time.process_time() - started)
        started = time.process_time()
        for scene in scenes:
            check_scene(scene)
        check_best = min(check_best, time.process_time() - started)
    return states, explore_best, check_best


EXPLORE_DEPTHS = {10_000: 18, 100_000: 29, 1_000_000: 48}  # depth of explore_scene_text -> about N states


def explore_series(target: int) -> tuple[int, float]:
    scene = load_scene_text(explore_scene_text(EXPLORE_DEPTHS[target]))
    started = time.process_time()
    result = explore(scene, limit=5_000_000)
    return result.states, time.process_time() - started


IMPORT_PROBE = """
import re, sys, time
started = time.perf_counter()
exec(sys.argv[1])
seconds = time.perf_counter() - started
status = open("/proc/self/status").read()  # VmHWM: this process's own peak, unlike ru_maxrss
print(seconds, re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
"""


def import_cost(statement: str) -> tuple[float, float]:
    """Seconds to run ``statement`` in a fresh interpreter, and that process's peak memory in MB."""
    out = subprocess.run([sys.executable, "-c", IMPORT_PROBE, statement], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def import_app(repeat: int) -> tuple[float, float, float, float]:
    """Importing the app against importing textual.app and textual.widgets: time and memory."""
    mine_t, mine_m, theirs_t, theirs_m = [], [], [], []
    for _ in range(repeat):
        t, m = import_cost("import textual.app, textual.widgets")
        theirs_t.append(t)
        theirs_m.append(m)
        t, m = import_cost("import game.ui.app")
        mine_t.append(t)
        mine_m.append(m)
    return min(mine_t), min(theirs_t), min(mine_m), min(theirs_m)


def as_json(value: object) -> str:
    return json.dumps(value)
