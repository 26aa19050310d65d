"""How the app starts: the title first and ready to use, then the slower work behind it."""

from __future__ import annotations

import gc
from pathlib import Path

from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.screen_css import screen_css
from game.ui.screens.title import TitleScreen
from tests.conftest import MINIMAL_SCENE
from tests.ui.helpers import make_app, screen_text

GAME_UI = Path(__file__).resolve().parents[2] / "game" / "ui"


async def test_the_title_is_the_first_screen_and_its_keys_work_at_once(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert [type(s) for s in app.screen_stack] == [TitleScreen]  # nothing blank under it
        await pilot.press("p")  # before the scenes have been read
        await pilot.pause()
        assert isinstance(app.screen, ScenePickerScreen)
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen) and "1 scene ready" in screen_text(app)


async def test_the_scenes_are_read_only_once_the_title_is_on_the_screen(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    read_at_ready: list[bool] = []
    read = app.library_loaded

    def loaded(library, files) -> None:
        read_at_ready.append(app._first_frame.is_set())
        read(library, files)

    app.library_loaded = loaded
    async with app.run_test(size=(80, 24)):
        await app.workers.wait_for_complete()
    assert read_at_ready == [True]


async def test_the_collector_held_off_for_start_up_is_back_on_once_the_title_shows(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    gc.disable()  # as `pathways` does before importing Textual
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_each_screen_brings_its_own_rules_and_the_app_keeps_the_titles_and_shared_ones() -> None:
    shared = (GAME_UI / "pathways.tcss").read_text(encoding="utf-8")
    assert PlayScreen.DEFAULT_CSS == screen_css("play.tcss") and "#choices" in PlayScreen.DEFAULT_CSS
    assert "#choices" not in shared
    assert "#title-menu" in shared and ".dialog" in shared
