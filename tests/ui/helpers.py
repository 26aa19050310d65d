"""Helpers for driving the app with Pilot and reading what is on screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from game.ui.app import PathwaysApp
from game.ui.widgets.choice_list import ChoiceList
from game.ui.widgets.transcript import Transcript


def make_app(folder: Path) -> PathwaysApp:
    return PathwaysApp(scenes_folder=folder)


def screen_text(app: PathwaysApp) -> str:
    """The plain text of every Static and option on the current screen."""
    parts = [str(w.visual) for w in app.screen.query(Static)]
    parts += [transcript.text for transcript in app.screen.query(Transcript)]
    for options in [*app.screen.query(OptionList), *app.screen.query(ChoiceList)]:
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return "\n".join(parts)


async def open_picker(app: PathwaysApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("p")
    await pilot.pause()


async def start_first_scene(app: PathwaysApp, pilot) -> None:
    """From the title screen, open the picker and play the first scene in it."""
    await open_picker(app, pilot)
    await pilot.press("enter")
    await pilot.pause()


async def keys(pilot, *pressed: str) -> None:
    """Press keys one at a time, letting the app settle after each."""
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


def scene_folder(tmp_path: Path, text: str) -> Path:
    """A folder holding one scene file with ``text``."""
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "scene.yaml").write_text(text)
    return folder
