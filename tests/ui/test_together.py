"""Two people, one keyboard: names, turns, handoffs, the shared debrief and swapping roles."""

from __future__ import annotations

from pathlib import Path

from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.handoff import HandoffScreen
from game.ui.screens.names import NamesScreen
from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from tests.conftest import MINIMAL_SCENE, TWO_ROLE_SCENE
from tests.ui.helpers import keys, make_app, scene_folder, screen_text


async def start_together(app, pilot, first: str = "Ana", second: str = "Ben") -> None:
    await app.workers.wait_for_complete()
    await keys(pilot, "t")
    assert isinstance(app.screen, NamesScreen)
    await keys(pilot, *first, "enter", *second, "enter")
    assert isinstance(app.screen, ScenePickerScreen)
    assert "Playing together: ◆ Ana and ● Ben." in screen_text(app)
    await keys(pilot, "enter")
    await dismiss_intro(app, pilot)


async def dismiss_intro(app, pilot) -> str:
    """Together, a scene opens with who plays whom; returns that text after pressing Enter."""
    assert isinstance(app.screen, HandoffScreen)
    text = screen_text(app)
    assert "goes first" in text
    await keys(pilot, "enter")
    assert isinstance(app.screen, PlayScreen)
    return text


async def test_two_role_scene_with_handoffs_to_the_shared_debrief(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_together(app, pilot)
        assert "Your turn: ◆ Ana (as Alex)" in screen_text(app)
        await keys(pilot, "1")  # Ana, as Alex, opens up
        assert isinstance(app.screen, PlayScreen)  # Ana reads her feedback before handing over
        assert "For ◆ Ana:" in screen_text(app)
        assert "1. Go on: pass the keyboard to ● Ben" in screen_text(app)
        await keys(pilot, "enter")
        assert isinstance(app.screen, HandoffScreen)
        assert "Pass the keyboard to ● Ben" in screen_text(app)
        assert "You are playing Sam." in screen_text(app)
        await keys(pilot, "enter")
        play = app.screen
        assert "Your turn: ● Ben (as Sam)" in screen_text(app)
        assert "For ◆ Ana:" in screen_text(app)  # feedback speaks to the one who chose
        await keys(pilot, "1")  # Ben, as Sam, asks: only offered because Alex opened up
        state = play.playthrough.state
        assert state.score("courage_vulnerability", "p1") == 2 and state.score("courage_vulnerability", "p2") == 0
        assert state.score("direct_communication", "p2") == 2 and state.score("direct_communication", "p1") == 0
        await keys(pilot, "1")  # see how it went
        assert isinstance(app.screen, DebriefScreen)
        text = screen_text(app)
        assert "Ending: Close" in text
        assert "◆ Ana as Alex" in text and "● Ben as Sam" in text
        assert "“Say you missed Sam today.” (closeness +2)" in text
        assert "“Ask what today was like.” (closeness +2)" in text
        assert "1. What did each of you want at the door?" in text
        assert "4. " in text and "5. " not in text
        assert "feel safe with each other" in text and "therapist" in text
        attempt = app.records.attempts("duet")[-1]
        assert attempt.players == ("Ana", "Ben")
        assert attempt.scores["p1"]["courage_vulnerability"] == 2


async def test_the_other_role_cannot_say_what_was_not_opened(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_together(app, pilot)
        await keys(pilot, "2", "enter", "enter")  # Alex complains; go on; hand over to Ben
        text = screen_text(app)
        assert "Ask what today was like." not in text
        assert "1. Change the subject to dinner." in text


async def test_one_player_scene_together_alternates_turns(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_together(app, pilot)
        assert "Your turn: ◆ Ana" in screen_text(app)
        await keys(pilot, "2", "enter")  # Ana complains (loops back to the same node); go on
        assert isinstance(app.screen, HandoffScreen)
        await keys(pilot, "enter")
        assert "Your turn: ● Ben" in screen_text(app)
        await keys(pilot, "1", "1", "1")  # Ben asks; continue; see how it went
        assert isinstance(app.screen, DebriefScreen)
        playthrough = app.screen.playthrough
        assert playthrough.state.traps_of("p1") == ("complaining",)
        assert playthrough.state.traps_of("p2") == ()
        assert playthrough.state.score("direct_communication", "p2") == 2


async def test_swap_roles_restarts_with_roles_exchanged(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_together(app, pilot)
        await keys(pilot, "1", "enter", "enter", "1", "1")
        assert isinstance(app.screen, DebriefScreen)
        await keys(pilot, "w")
        intro = await dismiss_intro(app, pilot)
        assert "● Ben plays Alex; ◆ Ana plays Sam." in intro
        assert app.screen.playthrough.state.path == ()
        assert "Your turn: ● Ben (as Alex)" in screen_text(app)
        await keys(pilot, "1", "enter", "enter")
        assert "Your turn: ◆ Ana (as Sam)" in screen_text(app)


async def test_handoff_screen_can_be_turned_off(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_together(app, pilot)
        await keys(pilot, "escape")
        await keys(pilot, "down", "down", "enter")  # the pause menu's handoff option
        assert app.handoff_screen is False
        await keys(pilot, "1")
        assert isinstance(app.screen, PlayScreen)  # no handoff screen this time
        assert "Your turn: ● Ben (as Sam)" in screen_text(app)
        assert app.records.get_setting("handoff_screen") is False


async def test_names_are_required_and_shown_literally(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await keys(pilot, "t", "enter", "enter")
        assert isinstance(app.screen, NamesScreen)  # both names are needed
        await keys(pilot, *"[b]x[/b]", "enter", *"Bo", "enter")
        await keys(pilot, "enter")
        assert "◆ [b]x[/b] plays Alex; ● Bo plays Sam." in await dismiss_intro(app, pilot)
        assert "Your turn: ◆ [b]x[/b] (as Alex)" in screen_text(app)
