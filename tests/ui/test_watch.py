"""`pathways play FILE --watch`: reloading as the author saves, and surviving a broken save."""

from __future__ import annotations

import os
from pathlib import Path

from game.ui.app import PathwaysApp
from game.ui.screens.play import PlayScreen
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import screen_text


def write(path: Path, text: str) -> None:
    path.write_text(text)
    stamp = path.stat().st_mtime_ns + 1_000_000_000  # make sure the change is seen
    os.utime(path, ns=(stamp, stamp))


async def test_watch_reloads_and_keeps_the_player_in_place(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TWO_ENDINGS_SCENE)
    app = PathwaysApp(scenes_folder=tmp_path, scene_file=path, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.playthrough.state.node == "asked"

        write(path, TWO_ENDINGS_SCENE.replace("A room.", "A sunny room."))
        app.reload_if_saved()
        await pilot.pause()
        play = app.screen
        assert play.playthrough.state.node == "asked" and len(play.playthrough.states) == 2
        assert "A sunny room." in screen_text(app)
        assert any("Everything you played still fits" in n.message for n in app._notifications)

        write(path, TWO_ENDINGS_SCENE.replace("goto: decide\n", "goto: nowhere\n", 1))
        app.reload_if_saved()
        await pilot.pause()
        banner = play.query_one("#file-errors")
        assert not banner.has_class("hidden") and "goto 'nowhere'" in str(banner.visual)
        assert play.playthrough.scene.nodes["asked"].goto == "decide"  # still the last good version
        assert not any("still fits" in n.message for n in app._notifications)  # old notice cleared
        write(path, TWO_ENDINGS_SCENE)
        app.reload_if_saved()
        await pilot.pause()
        assert banner.has_class("hidden")  # fixed: the banner goes
        await pilot.press("1", "1")
        await pilot.pause()
        assert "Ending: Close" in screen_text(app)


async def test_watch_goes_back_to_the_start_when_the_node_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TWO_ENDINGS_SCENE)
    app = PathwaysApp(scenes_folder=tmp_path, scene_file=path, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        renamed = TWO_ENDINGS_SCENE.replace("goto: asked", "goto: told").replace("  asked:\n", "  told:\n")
        write(path, renamed)
        app.reload_if_saved()
        await pilot.pause()
        assert app.screen.playthrough.state.node == "first"
        assert any("back at the start" in n.message for n in app._notifications)


async def test_a_broken_file_at_start_shows_its_errors(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(TWO_ENDINGS_SCENE.replace("start: first", "start: nowhere"))
    app = PathwaysApp(scenes_folder=tmp_path, scene_file=path, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("start node 'nowhere' does not exist" in n.message for n in app._notifications)
        write(path, TWO_ENDINGS_SCENE)
        app.reload_if_saved()
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
