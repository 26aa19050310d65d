"""`python -m benchmarks`: every performance goal of Pathways, each against its anchor.

Each run measures every row and its anchor in turn; the table shows, for every column, the
median over the runs (5 by default, 1 with --quick). The scaling series show how cost grows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from benchmarks import measures, tty

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    name: str
    goal: str
    unit: str  # how figure and anchor are shown: "ms", "MB", "states/s", "text"
    holds: Callable[[float], bool] | None = None  # given the median ratio (or figure, when no anchor)
    figures: list[float] = field(default_factory=list)
    anchors: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, figure: float, anchor: float | None = None) -> None:
        self.figures.append(figure)
        if anchor is not None:
            self.anchors.append(anchor)

    @property
    def ratio(self) -> float | None:
        if not self.anchors:
            return None
        return statistics.median(f / a for f, a in zip(self.figures, self.anchors))

    def cells(self) -> list[str]:
        figure = show(statistics.median(self.figures), self.unit) if self.figures else "—"
        anchor = show(statistics.median(self.anchors), self.unit) if self.anchors else "—"
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else "—"
        judged = self.ratio if self.ratio is not None else (statistics.median(self.figures) if self.figures else None)
        verdict = "" if self.holds is None or judged is None else ("yes" if self.holds(judged) else "NO")
        name = self.name + (f" ({'; '.join(dict.fromkeys(self.notes))})" if self.notes else "")
        return [name, figure, anchor, ratio, self.goal, verdict]


def show(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:,.1f} ms"
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "states/s":
        return f"{value:,.0f} states/s"
    if unit == "µs/node":
        return f"{value * 1e6:,.0f} µs/node"
    return f"{value:g}"


def python_command() -> list[str]:
    return [sys.executable, "-m", "game"]


def keypress_plan(scene_path: Path, back_and_forth: int) -> tuple[str, list[str]]:
    """The title of a shipped scene and keys that play it by its first choices to the end, then
    step back one choice and choose again, ``back_and_forth`` times. It is played as a player
    plays, from the title and the scene list, with every step saved to the records."""
    from game.engine.library import load_scene
    from game.engine.play.playthrough import Playthrough

    scene = load_scene(scene_path)
    playthrough = Playthrough(scene)
    presses = 0
    while not playthrough.is_over and playthrough.node.puppet is None:
        playthrough.choose(playthrough.choices()[0].key)
        presses += 1
    return scene.title, ["1"] * presses + ["b", "1"] * back_and_forth


# As in an installed copy, the game's modules are byte-compiled once (by the warm launch) and not
# compiled again at every start, even where PYTHONDONTWRITEBYTECODE is set in the environment.
BYTECODE_KEPT = {"PYTHONDONTWRITEBYTECODE": ""}


def measure_tty(rows: dict[str, Row], quick: bool, data_dir: Path) -> None:
    tmux = tty.Tmux()
    env = {"PATHWAYS_DATA_DIR": str(data_dir), "TERM": "xterm-256color", **BYTECODE_KEPT}
    anchors = Path(__file__).resolve().parent / "anchors"
    tmux.start_server()
    try:
        tty.launch_seconds(tmux, python_command(), "scenes ready", env)  # warm: the count is cached
        launches = 1 if quick else 3
        for _ in range(launches):
            rows["launch"].add(tty.launch_seconds(tmux, python_command(), "scenes ready", env),
                               tty.launch_seconds(tmux, [sys.executable, str(anchors / "bare_label.py")],
                                                  "bare app ready", env))
        scene = ROOT / "scenes" / "rain-check.yaml"
        title, keys = keypress_plan(scene, 3 if quick else 8)
        with (tempfile.TemporaryDirectory(prefix="i14-bench-scene-") as folder,
              tempfile.TemporaryDirectory(prefix="i14-bench-keys-") as records):
            shutil.copy(scene, folder)  # one scene on the shelf: p, then Enter, opens it
            # records of their own: a scene left unfinished by the run before would ask to resume
            mine = tty.key_latencies(tmux, [*python_command(), "--scenes", folder], "scene ready", keys,
                                     env | {"PATHWAYS_DATA_DIR": records}, first=("p", "Enter"),
                                     shown=f"{title}  ·  ")
        theirs = tty.key_latencies(tmux, [sys.executable, str(anchors / "bare_keys.py")],
                                   "bare app ready", ["x"] * len(keys), env)
        rows["key median"].add(statistics.median(mine.first), statistics.median(theirs.first))
        rows["key p90"].add(percentile(mine.first, 90), percentile(theirs.first, 90))
        rows["key settled"].add(statistics.median(mine.settled), statistics.median(theirs.settled))
        same = tty.key_latencies(tmux, [sys.executable, str(anchors / "bare_same_change.py")],
                                 "bare app ready", ["x"] * len(keys), env)
        rows["key same change"].add(statistics.median(mine.first), statistics.median(same.first))
    finally:
        tmux.stop_server()


def first_launch(rows: dict[str, Row]) -> None:
    tmux = tty.Tmux()
    tmux.start_server()
    try:
        with tempfile.TemporaryDirectory(prefix="i14-bench-cold-") as cold:
            env = {"PATHWAYS_DATA_DIR": cold, "TERM": "xterm-256color", **BYTECODE_KEPT}
            rows["first launch"].add(tty.launch_seconds(tmux, python_command(), "scenes ready", env))
    finally:
        tmux.stop_server()


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def make_rows(has_tmux: bool) -> dict[str, Row]:
    at_most = lambda limit: (lambda ratio: ratio <= limit)  # noqa: E731
    rows = {
        "launch": Row("launch → title with \"N scenes ready\", tmux 100x30 (vs a bare app showing a label)",
                      "≤ 1.3×", "ms", at_most(1.3)),
        "first launch": Row("first launch, nothing cached yet (for reference)", "—", "ms"),
        "import time": Row("import game.ui.app, time (vs import textual.app, textual.widgets)",
                           "≤ 1.3×", "ms", at_most(1.3)),
        "import memory": Row("import game.ui.app, peak memory (same anchor)", "≤ 1.3×", "MB", at_most(1.3)),
        "load shipped": Row("load + validate the shipped scenes (vs raw yaml.load, CSafeLoader)",
                            "≤ 1.3×", "ms", at_most(1.3)),
        "load 1MB": Row("load + validate a 3,000-node scene of 1.2 MB (vs raw yaml.load)",
                        "≤ 1.3×", "ms", at_most(1.3)),
        "explore": Row("explore every shipped scene", "≥ 50,000 states/s", "states/s",
                       lambda rate: rate >= 50_000),
        "check": Row("check every shipped scene (explore + ranges + dead ends)", "—", "states/s"),
        "key median": Row("keypress → first screen change, playing in tmux, median (vs bare app)",
                          "≤ 2×", "ms", at_most(2.0)),
        "key p90": Row("keypress → first screen change, p90 (vs bare app p90)", "≤ 3×", "ms", at_most(3.0)),
        "key settled": Row("keypress → screen settled, median (vs bare app), for reference", "—", "ms"),
        "key same change": Row("keypress → first screen change, median, vs a bare app making the same change "
                               "(a scrolling log and a new option list), for reference", "—", "ms"),
        "largest": Row("largest scene file accepted", "≥ 1 MB, refused past the limit", "MB",
                       lambda mb: mb >= 1.0),
    }
    if not has_tmux:
        for key in ("launch", "first launch", "key median", "key p90", "key settled", "key same change"):
            rows[key].notes.append("not measured: tmux is not installed")
    return rows


GROUPS = ("load", "explore", "import", "tty", "series", "largest")


def measure_once(rows: dict[str, Row], quick: bool, has_tmux: bool, data_dir: Path,
                 series: dict[str, list[tuple[str, float, float | None]]], only: set[str]) -> None:
    repeat = 5 if quick else 15
    if "load" in only:
        mine, theirs = measures.load_shipped(repeat)
        rows["load shipped"].add(mine, theirs)
        mine, theirs, _ = measures.load_synthetic(3000, 2 if quick else 3)
        rows["load 1MB"].add(mine, theirs)
    if "explore" in only:
        states, explore_seconds, check_seconds = measures.explore_shipped(2 if quick else 3)
        rows["explore"].add(states / explore_seconds)
        rows["check"].add(states / check_seconds)
    if "import" in only:
        mine_t, theirs_t, mine_m, theirs_m = measures.import_app(2 if quick else 3)
        rows["import time"].add(mine_t, theirs_t)
        rows["import memory"].add(mine_m, theirs_m)
    if has_tmux and "tty" in only:
        measure_tty(rows, quick, data_dir)
    if "series" in only:
        measure_series(series, quick)


def measure_series(series: dict[str, list[tuple[str, float, float | None]]], quick: bool) -> None:
    for nodes in (100, 1000, 3000):
        mine, theirs, size = measures.load_synthetic(nodes, 2 if quick else 3)
        series.setdefault(f"load {nodes:,} nodes ({size / 1e6:.2f} MB)", []).append(
            (f"{nodes}", mine / nodes, theirs / nodes))
    for target in (10_000, 100_000) + (() if quick else (1_000_000,)):
        states, seconds = measures.explore_series(target)
        series.setdefault(f"explore ~{target:,} states", []).append((f"{states:,} states", states / seconds, None))


def measure_largest(rows: dict[str, Row]) -> None:
    largest = measures.largest_file()
    rows["largest"].add(largest["bytes"] / 1e6)
    rows["largest"].notes.append(
        f"limit {measures.MAX_FILE_BYTES:,} bytes; the largest accepted took "
        f"{largest['seconds']:.1f} s CPU and {largest['peak_mb']:.0f} MB at peak; one byte over is "
        f"{'refused' if largest['refused'] else 'NOT refused'} in {largest['refuse_seconds'] * 1000:.1f} ms")


def print_table(rows: dict[str, Row], runs: int) -> None:
    header = ["measure", "figure", "anchor", "ratio", "goal", "holds"]
    table = [header] + [row.cells() for row in rows.values()]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print(f"\nPathways performance, median of {runs} run{'s' if runs != 1 else ''} "
          f"on {os.cpu_count()} cores (python {sys.version.split()[0]})\n")
    for i, line in enumerate(table):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def print_series(series: dict[str, list[tuple[str, float, float | None]]]) -> None:
    print("\nScaling (median over runs):\n")
    print("| series | per unit | anchor per unit | ratio |")
    print("|---|---|---|---|")
    for name, values in series.items():
        rate = statistics.median(v[1] for v in values)
        anchors = [v[2] for v in values if v[2] is not None]
        if name.startswith("explore"):
            print(f"| {name} ({values[-1][0]}) | {rate:,.0f} states/s | — | — |")
        else:
            anchor = statistics.median(anchors)
            print(f"| {name} | {show(rate, 'µs/node')} | {show(anchor, 'µs/node')} | {rate / anchor:.2f}× |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run, fewer repetitions, no 1M-state series")
    parser.add_argument("--runs", type=int, default=None, help="runs to take the median of (default 5)")
    parser.add_argument("--only", action="append", choices=GROUPS, metavar="GROUP",
                        help=f"measure only this group (may be repeated): {', '.join(GROUPS)}")
    args = parser.parse_args(argv)
    only = set(args.only or GROUPS)
    runs = args.runs or (1 if args.quick else 5)
    has_tmux = tty.tmux_available()
    rows = make_rows(has_tmux)
    series: dict[str, list[tuple[str, float, float | None]]] = {}
    data_dir = Path(tempfile.mkdtemp(prefix="i14-bench-data-"))
    try:
        for run in range(runs):
            print(f"run {run + 1} of {runs}…", file=sys.stderr, flush=True)
            measure_once(rows, args.quick, has_tmux, data_dir, series, only)
        if "largest" in only:
            measure_largest(rows)
        if has_tmux and "tty" in only:
            first_launch(rows)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print_table({key: row for key, row in rows.items() if row.figures or row.notes}, runs)
    if series:
        print_series(series)
    return 0
