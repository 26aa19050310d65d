"""The command palette and quitting do not trip over each other (defect 5)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.play import PlayScreen
from tests.conftest import MINIMAL_SCENE
from tests.ui.helpers import keys, make_app, scene_folder, start_first_scene


async def test_palette_quit_palette_in_a_scene_does_not_crash(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "ctrl+p", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert not any(isinstance(s, CommandPalette) for s in app.screen_stack)  # not underneath
        await keys(pilot, "ctrl+p", "ctrl+p", "ctrl+q", "escape", "escape")
        assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) <= 1
        while not isinstance(app.screen, (PlayScreen, ConfirmScreen)):
            await keys(pilot, "escape")
        assert any(isinstance(s, PlayScreen) for s in app.screen_stack) and app.is_running


async def test_paging_the_palette_before_its_list_is_laid_out_does_not_crash(tmp_path: Path) -> None:
    """Found by the monkey test: Textual 8.2 raised KeyError for page down typed quickly."""
    from textual import events

    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        for key in ("ctrl+p", "pagedown", "pageup", "pagedown"):
            event = events.Key(key, None)
            event.set_sender(app)
            app._driver.send_message(event)  # as fast as a key held down: no wait in between
        await pilot.pause()
        assert any(isinstance(s, CommandPalette) for s in app.screen_stack) and app.is_running


async def test_closing_the_palette_while_it_gathers_commands_does_not_crash(tmp_path: Path) -> None:
    """Found by the long monkey test: the gathering worker raised NoMatches after a quick close."""
    from textual import events

    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(10):
            for key in ("ctrl+p", "a", "escape"):
                event = events.Key(key, key if len(key) == 1 else None)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.is_running


async def test_reopening_the_palette_while_the_last_one_is_still_being_removed_does_not_crash(
        tmp_path: Path) -> None:
    """Found by the long monkey test: a palette closed and opened again in the same moment met
    the closing one, still among the app's screens, under the same id (DuplicateIds)."""
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_command_palette()
        await pilot.pause()
        app.screen.dismiss()  # not awaited: the palette leaves the stack but is not yet removed
        app.action_command_palette()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette) and app.is_running
        assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1


async def test_a_screenshot_asked_for_just_before_quitting_is_not_taken(tmp_path: Path, monkeypatch) -> None:
    """Found by the long monkey test: the palette's Screenshot is taken 0.1 s later; when the
    game had quit meanwhile, Textual raised ScreenStackError."""
    monkeypatch.chdir(tmp_path)
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.exit()
        assert app.deliver_screenshot() is None
    assert app.return_code == 0 and not list(tmp_path.glob("*.svg"))
