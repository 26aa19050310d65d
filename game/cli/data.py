"""`pathways data ...`: where the records are, export them, delete them. Returns exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sized
from pathlib import Path

from game.cli.output import say
from game.engine.scene.text import printable
from game.records.db import database_path, record_files
from game.records.store import Records

CONFIRM_WORD = "delete"


def show_path() -> int:
    say(printable(database_path()))
    return 0


def export(target: str, force: bool) -> int:
    with Records.read_only() as records:
        if records.notice:
            say(printable(records.notice), file=sys.stderr)
            return 1
        exported = records.export_all()
    where = "standard output" if target == "-" else target
    try:
        write_export(target, json.dumps(exported, indent=2, ensure_ascii=False) + "\n", force)
    except FileExistsError:
        say(f"{printable(target)} already exists; use --force to overwrite it.", file=sys.stderr)
        return 1
    except OSError as error:
        say(f"Could not write {printable(where)}: {error.strerror or error}.", file=sys.stderr)
        return 1
    say(f"Exported {_count(exported['attempts'], 'attempt')}, {_count(exported['saves'], 'save')} "
          f"and {_count(exported['settings'], 'setting')} to {printable(where)}.", file=sys.stderr)
    return 0


def write_export(target: str, text: str, force: bool) -> None:
    if target == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    with os.fdopen(os.open(target, flags, 0o600), "w", encoding="utf-8") as file:
        os.chmod(target, 0o600)  # an overwritten file keeps its old mode otherwise
        file.write(text)


def delete(yes: bool) -> int:
    path = database_path()
    files = record_files(path)
    if not files:
        say(f"There are no Pathways records in {printable(path.parent)}.")
        return 0
    if not yes and not confirmed(path):
        say("Nothing was deleted.", file=sys.stderr)
        return 1
    return remove(files)


def confirmed(path: Path) -> bool:
    say(f"Delete all Pathways records in {printable(path)}? This cannot be undone. "
        f'Type "{CONFIRM_WORD}" to confirm: ', end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not sys.stdin.isatty():
        say(file=sys.stderr)  # a piped answer is not echoed: end the prompt's line
    return answer.strip() == CONFIRM_WORD


def remove(files: list[Path]) -> int:
    for file in files:
        try:
            file.unlink(missing_ok=True)
        except OSError as error:
            say(f"Could not remove {printable(file)}: {error.strerror or error}.", file=sys.stderr)
            return 1
        say(f"Removed {printable(file)}")
    return 0


def _count(items: Sized, noun: str) -> str:
    number = len(items)
    return f"{number} {noun}{'' if number == 1 else 's'}"
