"""Monkey test: seeded random keys on every screen, with resizes, must never raise.

Each session starts the app, walks to one part of the game with a few scripted keys (solo,
Together, the theatre, the map, history, compare, progress, help, the palette), then presses
random keys: the current screen's bindings, digits, letters, Enter, Escape, Tab, arrows and
ctrl+p, resizing now and then between 40x12, 80x24 and 200x60. When a key quits the game, the
next session starts. 2,000 keys in the suite; PATHWAYS_LONG_TESTS=1 presses 20,000.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import string
from pathlib import Path
from typing import Awaitable

from textual import events
from textual.app import App
from textual.command import CommandPalette

from game.paths import scenes_dir
from game.records import Records
from game.ui.app import PathwaysApp
from tests.conftest import TWO_ENDINGS_SCENE
from tests.hardening import SCALE

KEYS_IN_SUITE = 2_000
SIZES = [(40, 12), (80, 24), (200, 60)]
PLAIN_KEYS = (list("123456789") + list(string.ascii_lowercase)
              + ["enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "space",
                 "backspace", "home", "end", "pageup", "pagedown", "question_mark", "ctrl+p"])
NEVER = {"ctrl+z", "ctrl+c"}  # suspending the process, or copying, are the terminal's business
KEYS_PER_SESSION = 250
SETTLE_EVERY = 8  # keys between full waits for the app to settle


def to_ending(keys: list[str]) -> list[str]:
    return keys + ["1"] * 3


ENTRIES = {
    "solo": ["p", "enter"],
    "solo shipped": ["p", "down", "enter"],
    "together": ["t", "A", "n", "a", "enter", "B", "e", "n", "enter", "enter"],
    "theatre": ["u", "enter"],
    "map": ["p", "enter", "1", "m"],
    "history": ["p", "enter", "1", "h"],
    "compare": to_ending(["p", "enter"]) + ["r"] + ["2", "1"] + ["c"],
    "progress": ["g"],
    "help": ["question_mark"],
    "palette": ["ctrl+p"],
    "title": [],
}
OWN_RECORDS = {"compare"}
MUST_SEE = {"PlayScreen", "NamesScreen", "TheatreScreen", "BranchMapScreen", "CompareScreen",
            "ProgressScreen", "HelpScreen", "CommandPalette", "ScenePickerScreen", "EndingScreen",
            "PuppetPickerScreen"}


def scenes_with_a_tiny_one(tmp_path: Path) -> Path:
    """The shipped scenes, and a tiny one first in the list, whose endings come quickly."""
    folder = tmp_path / "scenes"
    shutil.copytree(scenes_dir(), folder)
    (folder / "0-tiny.yaml").write_text(TWO_ENDINGS_SCENE, encoding="utf-8")
    return folder


async def quick_press(app: PathwaysApp, key: str) -> None:
    """Send one key as Pilot does, but wait only briefly: a fast typist, and a fast test."""
    char = {"space": " ", "question_mark": "?"}.get(key, key if len(key) == 1 else None)
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)
    await asyncio.sleep(0.001)


async def unless_quitting(app: PathwaysApp, wait: Awaitable[None]) -> None:
    """One of Pilot's waits, abandoned if the app quits meanwhile. Textual 8.2's Pilot posts its
    wait to the app's queue, and if the app has just taken its last message (quitting: the key
    before was q, ctrl+q or the palette's Quit), nobody answers: Pilot waited 30 s and raised
    WaitForScreenTimeout (found by the long monkey test, about once in 300 sessions). A wait
    that times out while the app is still running is a real hang, and still fails."""
    waiting = asyncio.ensure_future(wait)
    while not waiting.done():
        if app.return_code is not None:
            waiting.cancel()
            return
        await asyncio.wait({waiting}, timeout=0.05)
    waiting.result()


def keys_here(app: PathwaysApp) -> list[str]:
    bound = [key for key in app.active_bindings if key not in NEVER]
    return bound + PLAIN_KEYS


async def session(folder: Path, entry: list[str], rnd: random.Random, budget: int,
                  seen: set[str], records_folder: Path | None = None) -> int:
    """One run of the app; returns how many random keys were pressed. Records are shared by
    all sessions unless ``records_folder`` is given."""
    app = PathwaysApp(scenes_folder=folder, records=Records.open(records_folder))
    pressed = 0
    async with app.run_test(size=rnd.choice(SIZES)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in entry:
            if not app.is_running:
                break
            await unless_quitting(app, pilot.press(key))
            seen.add(type(app.screen).__name__)
        while pressed < budget and app.is_running:
            if rnd.random() < 0.03:
                await unless_quitting(app, pilot.resize_terminal(*rnd.choice(SIZES)))
            else:
                await quick_press(app, rnd.choice(keys_here(app)))
            pressed += 1
            if pressed % SETTLE_EVERY == 0:
                await unless_quitting(app, pilot.pause())
            seen.add(type(app.screen).__name__)
            if any(isinstance(s, CommandPalette) for s in app.screen_stack):
                seen.add("CommandPalette")
        await unless_quitting(app, pilot.pause())
    return pressed


async def test_random_keys_on_every_screen_never_raise(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a palette command such as a screenshot writes here
    folder = scenes_with_a_tiny_one(tmp_path)
    total = KEYS_IN_SUITE * SCALE
    pressed, seen, number = 0, set(), 0
    names = list(ENTRIES)
    while pressed < total:
        rnd = random.Random(number)  # seeded: a failure names its session and replays exactly
        name = names[number % len(names)]
        # Compare's entry keys need the tiny scene not left half played by an earlier session
        # (that opens the resume question instead), which depends on timing: its own records.
        records_folder = tmp_path / f"records-{number}" if name in OWN_RECORDS else None
        try:
            pressed += await session(folder, ENTRIES[name], rnd, min(KEYS_PER_SESSION, total - pressed), seen,
                                     records_folder)
        except Exception as exc:
            raise AssertionError(f"session {number} ({names[number % len(names)]}) raised") from exc
        number += 1
    print(f"monkey: {pressed:,} random keys in {number} sessions; screens seen: {sorted(seen)}")
    assert pressed >= total
    assert MUST_SEE <= seen, MUST_SEE - seen


class QuitsSlowly(App[None]):
    """An app that, having taken its last message, is still busy for a moment (as PathwaysApp
    can be, with timers and idle work): the window in which a Pilot wait is never answered."""

    async def _on_exit_app(self) -> None:
        await super()._on_exit_app()
        await asyncio.sleep(0.05)


async def test_a_pilot_wait_while_the_app_quits_is_abandoned_not_failed() -> None:
    app = QuitsSlowly()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.exit()
        await asyncio.sleep(0)
        await asyncio.sleep(0)  # the app has taken ExitApp: Pilot's wait would go unanswered
        await unless_quitting(app, pilot.pause())
    assert app.return_code == 0
