"""When the records file fails during play the player is told at once, and play goes on (defect 4)."""

from __future__ import annotations

from pathlib import Path

from game.ui.screens.ending import EndingScreen
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import keys, make_app, scene_folder, start_first_scene


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_save_that_fails_mid_scene_is_told_and_the_attempt_kept(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        app.records._connection.execute("PRAGMA query_only = ON")  # every write now fails
        await keys(pilot, "1")
        assert any(m.startswith("Your progress could not be saved") for m in notices(app))
        await keys(pilot, "1", "1")
        assert isinstance(app.screen, EndingScreen)  # play went on
        assert any("kept for this session" in m for m in notices(app))
        assert app.records.unsaved == 1 and len(app.records.attempts()) == 1
        app.records._connection.execute("PRAGMA query_only = OFF")
    assert app.records.unsaved == 0  # written when the game closed


async def test_a_file_that_takes_writes_again_gets_the_kept_attempt(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        app.records._connection.execute("PRAGMA query_only = ON")
        await keys(pilot, "1", "1", "1")
        assert isinstance(app.screen, EndingScreen)
        app.records._connection.execute("PRAGMA query_only = OFF")
        await keys(pilot, "r", "2", "1")
        assert any("can be written again" in m for m in notices(app))
        assert app.records.unsaved == 0
