"""Timings for loading, exploring and checking the shipped scenes.

Run: python benchmarks/bench_loading.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from game.engine.author.check import check_scene
from game.engine.library import load_library
from game.engine.play.explore import explore
from game.engine.play.playthrough import Playthrough
from game.engine.play.suggest import find_turning_point
from game.paths import scenes_dir


def timed(label: str, action, repeat: int = 20) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    print(f"{label:<40} median {statistics.median(times) * 1000:8.2f} ms   max {max(times) * 1000:8.2f} ms")


def turning_point(scene) -> None:
    playthrough = Playthrough(scene)
    while not playthrough.is_over:
        playthrough.choose(playthrough.choices()[-1].key)
    find_turning_point(scene, playthrough.states)


def main() -> None:
    timed("load every shipped scene", lambda: load_library([scenes_dir()]))
    scenes = [e.scene for e in load_library([scenes_dir()]) if e.scene]
    timed("explore every shipped scene", lambda: [explore(s) for s in scenes], repeat=5)
    timed("check every shipped scene (with ranges)", lambda: [check_scene(s) for s in scenes], repeat=5)
    timed("find the turning point of a playthrough", lambda: turning_point(scenes[0]), repeat=5)
    timed("import the engine (fresh process)", lambda: subprocess.run(
        [sys.executable, "-c", "import game.engine.library, game.engine.play.runner"], check=True), repeat=5)
    timed("import the app (fresh process)", lambda: subprocess.run(
        [sys.executable, "-c", "import game.ui.app"], check=True), repeat=5)


if __name__ == "__main__":
    main()
