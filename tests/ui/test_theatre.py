"""The puppet theatre: a full round typed and picked, an interlude in a scene, care settings."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from game.engine.library import load_scene_text
from game.engine.play import runner
from game.engine.play.explore import explore
from game.engine.puppets.answer_rules import default_rule_book
from game.ui.screens.ending import EndingScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.puppet_picker import PuppetPickerScreen
from game.ui.screens.rules import RulesScreen
from game.ui.screens.theatre import TheatreScreen
from game.ui.widgets.puppet_stage import PuppetStage
from tests.conftest import INTERLUDE_SCENE, MINIMAL_SCENE
from tests.ui.helpers import (
    keys,
    make_app,
    scene_folder,
    screen_text,
    start_first_scene,
)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])
    await pilot.pause()


async def open_inner_critic(app, pilot) -> TheatreScreen:
    await keys(pilot, "u")
    assert isinstance(app.screen, PuppetPickerScreen)
    assert "The Inner Critic" in screen_text(app)
    await keys(pilot, "enter")
    assert isinstance(app.screen, TheatreScreen)
    return app.screen


async def test_a_typed_round(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        theatre = await open_inner_critic(app, pilot)
        assert theatre.query_one("#harsh-line", Input).has_focus
        await type_text(pilot, "[b]I[/b] always mess up")
        await keys(pilot, "enter")
        speech = str(theatre.query_one("#speech").visual)
        assert "entirely correct opinion that [b]I[/b] always mess up. Case closed!" in speech
        assert "(The Inner Critic " in str(theatre.query_one("#direction").visual)
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "Thank you Lord Wiggles haha")
        await keys(pilot, "enter")
        text = str(theatre.query_one("#result").visual)
        assert "You answered: “Thank you Lord Wiggles haha”" in text
        assert "✓ Humour: “haha”." in text and "✓ Giving it a name: “Lord Wiggles”." in text
        assert "✓ Thanking it: “Thank you”." in text
        assert "Detachment, playfulness and humility +2" in text and "Self-awareness +2" in text
        assert "not a judgement of you" in text
        await keys(pilot, "r")
        assert isinstance(app.screen, RulesScreen)
        assert "Agreeing with it" in screen_text(app) and "For example:" in screen_text(app)
        await keys(pilot, "escape")
        assert app.records.rounds() == []  # nothing typed is kept unless saved
        await keys(pilot, "s")
        [kept] = app.records.rounds()
        assert kept.answer == "Thank you Lord Wiggles haha" and kept.rules == ("humour", "naming", "thanks")


async def test_a_picked_round_and_an_encore(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        theatre = await open_inner_critic(app, pilot)
        stock = theatre.query_one("#stock-lines", OptionList)
        stock.focus()
        await keys(pilot, "enter")
        first_line = theatre.puppet.stock_lines[0].rstrip(".!?").lower()
        assert first_line in str(theatre.query_one("#speech").visual).lower()
        answers = theatre.query_one("#answers", OptionList)
        assert answers.has_focus
        bad = next(i for i, a in enumerate(theatre.puppet.answers) if "self_blame" in a.effect.traps)
        answers.highlighted = bad
        await keys(pilot, "enter")
        text = str(theatre.query_one("#result").visual)
        assert f"You answered: “{theatre.puppet.answers[bad].text}”" in text  # shown back like a typed one
        assert "That sounds like the puppet talking" in text and "+1" not in text
        assert "looks very pleased with itself. Press t to answer it again" in screen_text(app)
        await keys(pilot, "t")
        assert theatre.query_one("#answers", OptionList).has_focus and theatre.answer is None
        answers.highlighted = 0
        await keys(pilot, "enter")
        text = str(theatre.query_one("#result").visual)
        assert f"You answered: “{theatre.puppet.answers[0].text}”" in text and "✓ Showed:" in text
        await keys(pilot, "e")
        assert theatre.query_one("#harsh-line", Input).has_focus
        await keys(pilot, "escape")
        assert isinstance(app.screen, PuppetPickerScreen)


async def test_a_scene_interlude_plays_through_the_theatre_and_back(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, INTERLUDE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        assert "1. Step into the puppet theatre" in screen_text(app)
        await keys(pilot, "1")
        theatre = app.screen
        assert isinstance(theatre, TheatreScreen)
        assert "that you always get it wrong. Case closed!" in str(theatre.query_one("#speech").visual)
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "Oh Professor Gloom, you are the grumpiest critic in history!!")
        await keys(pilot, "enter")
        await keys(pilot, "enter")  # back to the scene
        assert isinstance(app.screen, PlayScreen)
        state = app.screen.playthrough.state
        assert state.path[-1].choice == "typed:exaggeration+naming"
        assert state.score("playfulness") == 2
        await keys(pilot, "1")
        assert isinstance(app.screen, EndingScreen)
        assert "Ending: Lighter" in screen_text(app)


async def test_together_one_voices_and_the_other_answers(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        app.together_names = ("Ana", "Ben")
        await open_inner_critic(app, pilot)
        assert "◆ Ana: voice the harsh thought that ● Ben hears inside." in screen_text(app)
        await type_text(pilot, "You are too much")
        await keys(pilot, "enter")
        assert "● Ben: answer your puppet." in screen_text(app)
        await keys(pilot, "enter")
        assert "● Ben answered: “" in screen_text(app)
        await keys(pilot, "e")
        assert "● Ben: voice the harsh thought that ◆ Ana hears inside." in screen_text(app)


async def test_reduced_motion_holds_one_pose(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.reduced_motion is True
        theatre = await open_inner_critic(app, pilot)
        await keys(pilot, "enter")  # an empty line is refused, nothing breaks
        await type_text(pilot, "Nobody likes you")
        await keys(pilot, "enter")
        assert not theatre.query_one(PuppetStage).is_animating


async def test_animation_runs_and_never_blocks_input(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        app.reduced_motion = False
        theatre = await open_inner_critic(app, pilot)
        await type_text(pilot, "Nobody likes you")
        await keys(pilot, "enter")
        stage = theatre.query_one(PuppetStage)
        assert stage.is_animating
        await keys(pilot, "enter")  # answer straight away, mid-performance
        assert theatre.answer is not None


def test_interlude_scene_in_the_engine() -> None:
    scene = load_scene_text(INTERLUDE_SCENE)
    state = runner.start(scene)
    answers = runner.available_choices(scene, state)
    assert [a.goto for a in answers] == ["after"] * len(answers)
    typed = runner.choose(scene, state, "typed:humour+thanks")
    assert typed.node == "lighter" and typed.score("playfulness") == 1
    result = explore(scene)
    assert result.endings_reached == {"lighter", "heavier"} and not result.stuck


async def test_a_typed_self_insult_gets_a_gentle_response_instead_of_points(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        theatre = await open_inner_critic(app, pilot)
        await type_text(pilot, "You always say the wrong thing")
        await keys(pilot, "enter")
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "Thank you haha, im human garbage")
        await keys(pilot, "enter")
        result = str(theatre.query_one("#result").visual)
        assert "You answered: “Thank you haha, im human garbage”" in result
        assert "That sounds like the puppet talking" in result
        assert "How would you answer a friend who said that about themselves?" in result
        assert "✓" not in result and "+1" not in result and "+2" not in result
        assert "Humour" not in result and "Thanking it" not in result  # no credit, not even listed
        assert theatre.answer is not None and not any(v > 0 for v in theatre.answer.effect.scores.values())
        await keys(pilot, "t")  # and the player may answer again, kindly this time
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "I'm not garbage, I'm tired. It's okay to rest.")
        await keys(pilot, "enter")
        result = str(theatre.query_one("#result").visual)
        assert "✓ Setting it straight: “I'm not garbage”." in result
        assert "✓ Self-compassion: “I'm tired”, “It's okay”." in result


async def test_the_rules_screen_speaks_plain_language(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        theatre = await open_inner_critic(app, pilot)
        theatre.query_one("#stock-lines", OptionList).focus()
        await keys(pilot, "r")
        assert isinstance(app.screen, RulesScreen)
        text = screen_text(app)
        for rule in default_rule_book().rules:
            assert rule.name in text and rule.about in text
            assert all(f"“{example}”" in text for example in rule.examples)
            for pattern in rule.patterns:
                assert pattern.pattern not in text
        for regex_mark in ("\\b", "\\w", "(?", "[a-z]", "|", "\\s", "{2,}", ")?"):
            assert regex_mark not in text, regex_mark
        assert "Asking, or saying what you want" in text and "Being harsh with yourself" in text
        await keys(pilot, "escape")
        assert isinstance(app.screen, TheatreScreen)


async def test_an_interlude_never_offers_an_encore_it_cannot_give(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, INTERLUDE_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1")
        theatre = app.screen
        assert isinstance(theatre, TheatreScreen)
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "You're right.")
        await keys(pilot, "enter")
        text = screen_text(app)
        assert "encore" not in text.lower()
        assert "Press t to answer it again" in text and "That sounds like the puppet talking" in text
        await keys(pilot, "e")  # nothing happens: there is no encore in a scene
        assert theatre.answer is not None
        await keys(pilot, "t")
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "Thanks for worrying, Your Honour.")
        await keys(pilot, "enter")
        await keys(pilot, "enter")  # back to the scene
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.playthrough.state.path[-1].choice == "typed:naming+thanks"


async def test_on_a_small_terminal_the_answer_and_the_gentle_response_stay_in_view(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(40, 12)) as pilot:
        theatre = await open_inner_critic(app, pilot)
        assert theatre.has_class("-short") and theatre.has_class("-narrow")
        assert not theatre.query_one("#puppet-art").display
        await type_text(pilot, "You are too much")
        await keys(pilot, "enter")
        theatre.query_one("#own-answer", Input).focus()
        await type_text(pilot, "I'm such a burden")
        await keys(pilot, "enter")
        result = theatre.query_one("#result")
        assert "That sounds like the puppet talking" in str(result.visual)
        assert result.region.y < 12  # on screen, below the puppet's words
