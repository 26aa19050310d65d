"""Notices sit in a line of their own on every screen where a toast would cover what the player
reads or chooses: the play screen, the theatre, the ending, the debrief and the branch map."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from textual.widgets._toast import Toast

from game.ui.screens.branch_map import BranchMapScreen
from game.ui.screens.theatre import TheatreScreen
from game.ui.widgets.notice_line import NoticeLine
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import keys, make_app, scene_folder, start_first_scene


def assert_notice_clear_of(screen, text: str, selector: str) -> None:
    line = screen.query_one(NoticeLine)
    assert line.shown and line.region.height > 0 and text in str(line.visual)
    assert not line.region.overlaps(screen.query_one(selector).region)
    assert all(toast.region.height == 0 for toast in screen.query(Toast))  # no toast on top


async def test_the_theatre_says_type_something_first_above_its_list(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await keys(pilot, "u", "enter")
        assert isinstance(app.screen, TheatreScreen)
        app.screen.query_one("#harsh-line", Input).focus()
        await keys(pilot, "enter")
        assert_notice_clear_of(app.screen, "Type something first", "#stock-lines")


async def test_the_map_says_where_play_can_go_on_from_in_its_own_line(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "m")
        assert isinstance(app.screen, BranchMapScreen)
        await keys(pilot, *["down"] * 6, "j")  # far down the tree: a moment not visited yet
        assert_notice_clear_of(app.screen, "You can play on only from a moment you have visited",
                               "#map-tree")


async def test_a_records_notice_on_the_ending_goes_in_its_notice_line(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "2", "1", "1")
        assert type(app.screen).__name__ == "EndingScreen"
        app.notify("Your records could not be saved.", title="Your records", severity="warning")
        await pilot.pause()
        assert_notice_clear_of(app.screen, "Your records could not be saved.", "#ending")
