"""Playing scenes with the keyboard, start to end."""

from __future__ import annotations

from pathlib import Path

from game.paths import scenes_dir
from game.ui.screens.ending import EndingScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.choice_list import ChoiceList
from tests.conftest import MINIMAL_SCENE
from tests.ui.helpers import keys, make_app, open_picker, screen_text, start_first_scene


async def play_to_end_with(pilot, app, key: str = "1", limit: int = 60) -> None:
    for _ in range(limit):
        if not isinstance(app.screen, PlayScreen):
            return
        await pilot.press(key)
        await pilot.pause()
    raise AssertionError("the scene did not end")


async def test_title_screen_paints_and_reports_the_library() -> None:
    app = make_app(scenes_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        ready = sum(entry.available for entry in app.library)
        assert ready >= 3 and f"{ready} scenes ready" in screen_text(app)


async def test_picker_lists_scenes_with_details() -> None:
    app = make_app(scenes_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        assert isinstance(app.screen, ScenePickerScreen)
        text = screen_text(app)
        for entry in app.library:
            assert entry.scene.title in text
            assert f"{entry.scene.minutes} min" in text
        assert "Attitudes: " in text and "Content notes:" in text
        assert "Detachment, playfulness and humility" in text


async def test_a_starter_scene_plays_to_an_ending_with_keys_alone() -> None:
    app = make_app(scenes_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        assert isinstance(app.screen, PlayScreen)
        playthrough = app.screen.playthrough
        await play_to_end_with(pilot, app, "1")
        assert isinstance(app.screen, EndingScreen)
        text = screen_text(app)
        ending = playthrough.node.ending
        assert ending.title in text and ending.reflection in text
        assert "Closeness" in text and "Harmony" in text
        assert "Courage and vulnerability" in text and "Honor individuality" in text
        summary = playthrough.summary()
        for item in summary.traps:
            assert item.trap.name in text and item.trap.gentle in text
        if not summary.traps:
            assert "No traps this time." in text


async def test_arrows_and_enter_choose_too(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await pilot.press("down", "enter")  # the second choice: complain, loops back
        await pilot.pause()
        play = app.screen
        assert play.playthrough.state.traps_of() == ("complaining",)
        assert "Complain about the mess." in screen_text(app)  # echoed in the transcript
        assert "△ Trap: Fix-it: listing the other person's faults" in screen_text(app)
        await pilot.press("enter", "enter", "enter")  # ask, continue, see the ending
        await pilot.pause()
        assert isinstance(app.screen, EndingScreen)
        assert "Ending: Close" in screen_text(app)


async def test_mouse_picks_a_choice(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        choices = app.screen.query_one("#choices", ChoiceList)
        await pilot.click(choices, offset=(4, 1))
        await pilot.pause()
        assert app.screen.playthrough.state.node == "asked"


async def test_feedback_off_collects_it_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert app.show_feedback is False
        await pilot.press("1")
        await pilot.pause()
        assert "Asking instead of guessing." not in screen_text(app)
        await play_to_end_with(pilot, app)
        text = screen_text(app)
        assert "Looking back at your choices" in text
        assert "Asking instead of guessing." in text


async def test_escape_pauses_and_can_go_back_to_scenes(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # Back to scenes
        await pilot.pause()
        assert isinstance(app.screen, ScenePickerScreen)


async def test_ending_actions_play_again_and_back(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await play_to_end_with(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.playthrough.state.path == ()
        await play_to_end_with(pilot, app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ScenePickerScreen)


async def test_plays_in_the_ansi_themes_and_large_terminals(tmp_path: Path) -> None:
    # Textual 8 calls its ANSI themes "ansi-dark" and "ansi-light" (once "textual-ansi").
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    for size, theme in [((80, 24), "ansi-dark"), ((80, 24), "ansi-light"), ((160, 50), "textual-light")]:
        app = make_app(tmp_path)
        async with app.run_test(size=size) as pilot:
            app.theme = theme
            await start_first_scene(app, pilot)
            await play_to_end_with(pilot, app)
            assert isinstance(app.screen, EndingScreen)
            assert "Ending: Close" in screen_text(app)


async def test_the_ending_renders_in_every_built_in_theme(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await play_to_end_with(pilot, app)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            assert "Closeness" in app.export_screenshot()


async def test_a_choice_picked_just_before_a_rewind_is_dropped_not_taken(tmp_path: Path) -> None:
    """Enter on "See how it went" arrives as a message; a rewind (acted on at once) changes the
    choices first. The stale pick must not open the ending of a scene no longer at its end (found
    by the long monkey test)."""
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        play = app.screen
        while not play.playthrough.is_over:  # on to the ending's "See how it went"
            await keys(pilot, "1")
        play.query_one(ChoiceList).action_select()  # Enter: the pick is a message on its way
        play.action_rewind()  # b, a priority binding, acts before it arrives
        await pilot.pause()
        await pilot.pause()
        assert app.screen is play and not play.playthrough.is_over
        await keys(pilot, "1")  # the choices shown now still work
        assert play.playthrough.is_over or len(play.playthrough.states) > 1
