"""A file that used to crash the loader sits in the scenes folder, beside `play FILE`, or is saved
under `play --watch`: the game starts and says what is wrong (defects 1 and 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.records import Records
from game.ui.app import PathwaysApp
from game.ui.screens.play import PlayScreen
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import open_picker, screen_text
from tests.ui.test_watch import write

BAD = {
    "speaker-list.yaml": TWO_ENDINGS_SCENE.replace("      - kim: Hello.", "      - {speaker: [kim], text: hi}"),
    "trap-list.yaml": TWO_ENDINGS_SCENE.replace("traps: [complaining]", "traps: [[complaining]]"),
    "deep.yaml": TWO_ENDINGS_SCENE.replace("if: asked and closeness >= 2",
                                           "if: " + "(" * 200 + "asked" + ")" * 200),
}


@pytest.mark.parametrize("name", sorted(BAD))
async def test_the_game_starts_beside_a_bad_file(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "good.yaml").write_text(TWO_ENDINGS_SCENE)
    (folder / name).write_text(BAD[name].replace("id: tiny", "id: bad"))
    app = PathwaysApp(scenes_folder=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        assert f"{name} — unavailable" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


async def test_a_bad_save_under_watch_keeps_the_game_running(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TWO_ENDINGS_SCENE)
    (tmp_path / "sibling.yaml").write_text(BAD["trap-list.yaml"].replace("id: tiny", "id: sib"))
    app = PathwaysApp(scenes_folder=tmp_path, records=Records.scratch(), scene_file=path, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        for bad, expected in zip(BAD.values(), ("a speaker should be", "a trap should be", "nest more than")):
            write(path, bad)
            app.reload_if_saved()
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, PlayScreen)
            assert expected in screen_text(app)
