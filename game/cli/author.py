"""What `pathways validate`, `check`, `graph` and `new` do, and how they print it."""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator

from game.cli.output import say
from game.engine.library import load_entry, load_library, scene_files
from game.engine.scene.catalogue import default_catalogue
from game.engine.scene.model import Scene
from game.engine.scene.text import printable, strip_control

NAME_WIDTH = 24
COLUMN_WIDTH = 10
MAX_COLUMN_WIDTH = 16


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- validate --------------------------------------------------------------------------------

def validate(paths: list[Path], output: str, strict: bool) -> int:
    from game.engine.author.path_warnings import path_warnings
    from game.engine.puppets.cast import check_puppet_file

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        say(f"{printable(path)}: error: no such file or folder", file=sys.stderr)
    files = scene_files(p for p in paths if p.exists())
    puppet_files = [f for f in files if f.parent.name == "puppets"]
    entries = load_library(f for f in files if f not in puppet_files)
    diagnostics = [d for e in entries for d in e.diagnostics]
    diagnostics += [d for e in entries if e.scene for d in path_warnings(e.scene)]
    diagnostics += [d for f in puppet_files for d in check_puppet_file(f)[1]]
    errors = sum(d.level == "error" for d in diagnostics) + len(missing)
    warnings = sum(d.level == "warning" for d in diagnostics)
    checked = len(entries) + len(puppet_files)
    if output == "json":
        say(json.dumps({"files": checked, "errors": errors, "warnings": warnings,
                          "diagnostics": [d.to_dict() for d in diagnostics]}, indent=2))
    else:
        for diagnostic in diagnostics:
            say(diagnostic)
        puppets = f" and {_count(len(puppet_files), 'puppet file')}" if puppet_files else ""
        if any(e.scene is None for e in entries):
            say("(A file with errors is checked for warnings once its errors are fixed: "
                  "a warning about a scene that does not load could be wrong.)")
        say(f"{_count(len(entries), 'scene file')}{puppets} checked: "
              f"{_count(errors, 'error')}, {_count(warnings, 'warning')}")
    if errors or (not checked and not missing):
        return 1
    return 2 if strict and warnings else 0


# -- check -----------------------------------------------------------------------------------

@contextmanager
def _progress(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on standard error, shown only on a terminal."""
    if not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    columns = (TextColumn(label), BarColumn(), TextColumn("{task.completed:,} of at most {task.total:,}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)


def _scenes(paths: list[Path]) -> tuple[list[Scene], int]:
    scenes, broken = [], 0
    for path in scene_files(paths):
        entry = load_entry(path)
        if entry.scene is None:
            broken += 1
            for diagnostic in entry.errors:
                say(diagnostic, file=sys.stderr)
        else:
            scenes.append(entry.scene)
    return scenes, broken


def check(paths: list[Path], limit: int, runs: int | None, seed: int, output: str,
          library: bool = False) -> int:
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        say(f"{printable(path)}: error: no such file or folder", file=sys.stderr)
    scenes, broken = _scenes([p for p in paths if p.exists()])
    if not scenes and not broken:
        say("no scene files found", file=sys.stderr)
        return 1
    if library:
        return _check_library(scenes, output) or int(bool(broken or missing))
    reports = [_check_random(s, runs, seed) if runs else _check_all(s, limit) for s in scenes]
    if output == "json":
        say(json.dumps([r for r, _ in reports], indent=2))
    else:
        say("\n\n".join(text for _, text in reports))
    healthy = all(r["ok"] for r, _ in reports)
    return 0 if healthy and not broken and not missing else 1


def _check_all(scene: Scene, limit: int) -> tuple[dict, str]:
    from game.engine.author.check import check_scene, show_range

    with _progress(f"exploring {scene.id}", limit) as progress:
        report = check_scene(scene, limit, progress=progress)
    found = report.exploration
    endings, choices = found.unreached_endings(scene), found.unreached_choices(scene)
    total_choices = sum(len(n.choices) for n in scene.nodes.values())
    lines = [f"{printable(scene.file)}: {found.states:,} states explored"]
    if not found.complete:
        lines.append(f"  stopped at the limit of {limit:,} states: what follows covers only the states "
                     "explored (raise --limit to see more)")
    lines.append(f"  endings reachable: {len(scene.endings()) - len(endings)} of {len(scene.endings())}"
                 + (f"; never reached: {', '.join(endings)}" if endings else ""))
    lines.append(f"  choices reachable: {total_choices - len(choices)} of {total_choices}"
                 + (f"; never offered: {', '.join(choices)}" if choices else ""))
    stuck = sorted({s.node for s in found.stuck})
    lines.append(f"  dead ends: {', '.join(stuck) if stuck else 'none'}")
    lines.append(f"  loops with no way to an ending: {', '.join(report.no_way_out) or 'none'}")
    lines.append(f"  cornered (every open choice a trap): {'none' if not report.cornered else ''}")
    lines += [f"    {d}" for d in report.cornered]
    lines.append(f"  endings against the last beat: {'none' if not report.last_beat else ''}")
    lines += [f"    {d}" for d in report.last_beat]
    lines += [f"  error: {failure}" for failure in dict.fromkeys(found.failures)]
    lines.append(_range_table(scene, report.ranges, show_range))
    data = {
        "file": scene.file, "scene": scene.id, "ok": report.ok, "states": found.states,
        "complete": found.complete, "unreached_endings": endings, "unreached_choices": choices,
        "dead_ends": stuck, "no_way_out": report.no_way_out, "failures": list(dict.fromkeys(found.failures)),
        "cornered": [d.to_dict() for d in report.cornered],
        "last_beat": [d.to_dict() for d in report.last_beat],
        "ranges": {e: {k: [_plain(r.low), _plain(r.high)] for k, r in keys.items()}
                   for e, keys in report.ranges.items()},
    }
    return data, "\n".join(lines)


def _check_library(scenes: list[Scene], output: str) -> int:
    from dataclasses import asdict

    from game.engine.author.library_summary import (
        library_ok,
        summarise_library,
        summary_text,
    )

    summary = summarise_library(scenes)
    if output == "json":
        data = asdict(summary)
        data["longest_share"] = summary.tells.longest_share
        data["ok"] = library_ok(summary)
        say(json.dumps(data, indent=2))
    else:
        say(summary_text(summary))
    return 0 if library_ok(summary) else 1


def _plain(value: float) -> int | str:
    """A range end for JSON, which has no infinity."""
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return int(value)


def _range_table(scene: Scene, ranges: dict, show) -> str:
    catalogue = default_catalogue()
    endings = [n.id for n in scene.endings() if n.id in ranges]
    if not endings:
        return "  (no ending was reached, so there is nothing to balance yet)"
    width = min(MAX_COLUMN_WIDTH, max([COLUMN_WIDTH] + [len(e) + 2 for e in endings]))
    rows = [("", [e[:width - 1] for e in endings])]
    rows += [(m.name, [show(ranges[e][m.key]) for e in endings]) for m in catalogue.meters]
    rows += [(d.short_name, [show(ranges[e][d.key]) if d.key in ranges[e] else "?" for e in endings])
             for d in catalogue.dimensions]
    lines = ["  ranges at each ending, over every path:"]
    for name, cells in rows:
        lines.append("    " + f"{name:<{NAME_WIDTH}}" + "".join(f"{c:>{width}}" for c in cells))
    return "\n".join(lines)


def _check_random(scene: Scene, runs: int, seed: int) -> tuple[dict, str]:
    from game.engine.author.check import MAX_RANDOM_STEPS, random_playthroughs

    report = random_playthroughs(scene, runs, seed)
    every = {f"{n.id}/{c.key}" for n in scene.nodes.values() for c in n.choices}
    total_choices, taken = len(every), len(report.choices_taken & every)
    reached = sorted(report.endings)
    never = [n.id for n in scene.endings() if n.id not in report.endings]
    lines = [f"{printable(scene.file)}: {runs:,} random playthroughs (seed {seed})",
             f"  endings reached: {len(reached)} of {len(scene.endings())}"
             + (f"; never: {', '.join(never)}" if never else ""),
             f"  choices taken: {taken} of {total_choices}",
             f"  stuck: {report.stuck}; still going after {MAX_RANDOM_STEPS} steps: {report.too_long}"]
    lines += [f"    {ending:<24}{count:>8,} runs" for ending, count in sorted(report.endings.items())]
    data = {"file": scene.file, "scene": scene.id, "runs": runs, "seed": seed,
            "ok": not never and not report.stuck and not report.too_long,
            "endings": report.endings, "choices_taken": taken,
            "choices": total_choices, "stuck": report.stuck, "too_long": report.too_long}
    return data, "\n".join(lines)


# -- graph and new ---------------------------------------------------------------------------

def _scene_path(name: Path, library: Path) -> Path | None:
    """A scene file named directly, or the file of the scene with that id in ``library``."""
    if name.exists() or not SCENE_ID.match(str(name)):
        return name
    for entry in load_library([library]):
        if entry.scene is not None and entry.scene.id == str(name):
            return entry.path
    say(f"{printable(name)}: error: no such file, and no scene in {printable(library)} has that id", file=sys.stderr)
    return None


def graph(name: Path, output_format: str, output: Path | None, library: Path) -> int:
    from game.engine.author.graph_formats import FORMATS

    path = _scene_path(name, library)
    if path is None:
        return 1
    entry = load_entry(path)
    if entry.scene is None:
        for diagnostic in entry.errors or entry.diagnostics:
            say(diagnostic, file=sys.stderr)
        return 1
    text = FORMATS[output_format](entry.scene)
    if output is None:
        say(text, end="")
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        say(f"{printable(output)}: error: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    say(f"Wrote the {output_format} graph of {entry.scene.id} to {printable(output)}.", file=sys.stderr)
    return 0


def schema(output: Path | None) -> int:
    from game.engine.scene.schema import schema_text

    if output is None:
        say(schema_text(), end="")
        return 0
    try:
        output.write_text(schema_text(), encoding="utf-8")
    except OSError as exc:
        say(f"{printable(output)}: error: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    say(f"Wrote the scene schema to {printable(output)}.", file=sys.stderr)
    return 0


SCENE_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def _in_source_checkout(folder: Path) -> bool:
    from game.paths import scenes_dir

    return folder.resolve() == scenes_dir().resolve() and (folder / ".." / "game" / "data").is_dir()


def _schema_reference(folder: Path) -> str:
    """How the new scene names its schema for editors: the repository's copy, or one beside it."""
    return "../game/data/scene.schema.json" if _in_source_checkout(folder) else "./scene.schema.json"


def _write_schema_beside(folder: Path) -> None:
    from game.engine.scene.schema import schema_text

    if not _in_source_checkout(folder) and not (folder / "scene.schema.json").exists():
        (folder / "scene.schema.json").write_text(schema_text(), encoding="utf-8")


def _yaml_field(key: str, value: str) -> str:
    """``key: value`` written by a YAML emitter, so that a colon, a '#', brackets or a word like
    'yes' stay text; whitespace (newlines too) is folded to single spaces, as a title is one line."""
    import yaml

    value = " ".join(strip_control(value).split())
    return yaml.safe_dump({key: value}, allow_unicode=True, width=1_000_000, sort_keys=False).rstrip("\n")


def new_scene(scene_id: str, folder: Path, title: str | None) -> int:
    if not SCENE_ID.match(scene_id):
        say(f"error: {scene_id!r} is not a scene id: use lower-case letters, digits, '-' and '_', "
              "starting with a letter", file=sys.stderr)
        return 1
    target = folder / f"{scene_id}.yaml"
    if target.exists():
        say(f"{printable(target)}: error: already exists; choose another id or move the file", file=sys.stderr)
        return 1
    template = resources.files("game.data").joinpath("scene_template.yaml").read_text(encoding="utf-8")
    text = (template.replace("__ID__", scene_id)
            .replace("title: __TITLE__", _yaml_field("title", title or scene_id.replace("-", " ").capitalize()))
            .replace("__SCHEMA__", _schema_reference(folder))
            .replace("__PATH__", printable(target)))  # in comments: one line, whatever the name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        _write_schema_beside(folder)
    except OSError as exc:
        say(f"{printable(target)}: error: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    shown = printable(target)
    say(f"Wrote {shown}. Next: pathways validate {shown}, then pathways play {shown} --watch")
    return 0
