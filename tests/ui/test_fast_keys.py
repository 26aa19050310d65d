"""Keys typed faster than screens open (a held key, a paste) never crash the game: found by the
monkey test, each fixed and kept here."""

from __future__ import annotations

from pathlib import Path

from textual import events

from game.ui.screens.play import PlayScreen
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import make_app, open_picker, scene_folder


def send_at_once(app, *keys: str) -> None:
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_rewind_typed_before_the_scene_is_shown(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        send_at_once(app, "enter", "b", "1", "b", "b", "1")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and app.is_running


async def test_a_play_screen_takes_no_key_before_it_has_shown_the_scene(tmp_path: Path) -> None:
    """The monkey test once crashed with MountError: 'b' reached a PlayScreen whose transcript
    was not mounted yet. Such a key is now dropped."""
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        shown = app.screen
        assert isinstance(shown, PlayScreen) and shown.check_action("rewind", ())
        waiting = PlayScreen(shown.session)
        assert not waiting.check_action("rewind", ()) and not waiting.check_action("choose", (1,))


async def test_paging_a_list_before_it_is_laid_out_is_ignored() -> None:
    """Found by the monkey test in the theatre: Textual 8.2 raised KeyError (see option_list_fix)."""
    from textual.widgets import OptionList

    import game.ui.app  # noqa: F401  (applies the guard)

    options = OptionList("one", "two", "three")
    options.highlighted = 1
    options.action_page_down()
    options.action_page_up()
    assert options.highlighted == 1


async def test_keys_typed_as_a_screen_opens_wait_for_it(tmp_path: Path) -> None:
    """Found by the monkey test: 's' reached the ending screen before its on_mount, closed it,
    and on_mount then found no widgets (NoMatches). Keys now wait until the screen has opened."""
    from game.ui.screens.picker import ScenePickerScreen

    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(5):
            send_at_once(app, "1", "1", "1", "s", "enter", "r")
            await pilot.pause()
        send_at_once(app, "1", "1", "1", "s")
        await pilot.pause()
        assert isinstance(app.screen, ScenePickerScreen) and app.is_running


async def test_a_screen_dismissed_twice_at_once_leaves_once(tmp_path: Path) -> None:
    """Found by the long monkey test: Escape twice on a dialog set its result twice
    (InvalidStateError). The second dismiss is ignored."""
    from game.ui.screens.confirm import ConfirmScreen

    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        answers: list[object] = []
        confirm = ConfirmScreen("Sure?")
        app.push_screen(confirm, answers.append)
        await pilot.pause()
        confirm.dismiss(False)
        confirm.dismiss(False)
        await pilot.pause()
        assert answers == [False] and isinstance(app.screen, PlayScreen) and app.is_running
