from __future__ import annotations

from game.engine.library import load_scene_text
from game.engine.play import runner
from game.engine.play.debrief import closeness_highlights, debrief_prompts, prompt_book
from game.engine.play.seating import Seating, clean_name
from tests.conftest import MINIMAL_SCENE, TWO_ROLE_SCENE


def test_alone_one_player_chooses_everything() -> None:
    scene = load_scene_text(TWO_ROLE_SCENE)
    seating = Seating.alone()
    state = runner.start(scene, seating.players)
    assert seating.player_for(scene, state) == "p1"
    state = runner.choose(scene, state, "1", "p1")
    assert seating.player_for(scene, state) == "p1"


def test_two_roles_each_person_plays_one() -> None:
    scene = load_scene_text(TWO_ROLE_SCENE)
    seating = Seating.together(scene, ("Ana", "Ben"))
    state = runner.start(scene, seating.players)
    assert seating.player_for(scene, state) == "p1" and seating.role_of("p1") == "alex"
    state = runner.choose(scene, state, "1", "p1")
    assert seating.player_for(scene, state) == "p2" and seating.role_of("p2") == "sam"
    swapped = seating.swapped()
    assert swapped.player_for(scene, runner.start(scene, seating.players)) == "p2"
    assert swapped.swapped() == seating


def test_one_role_turns_alternate_and_continues_do_not_count() -> None:
    scene = load_scene_text(MINIMAL_SCENE)
    seating = Seating.together(scene, ("Ana", "Ben"))
    state = runner.start(scene, seating.players)
    assert seating.player_for(scene, state) == "p1"
    state = runner.choose(scene, state, "2", "p1")
    assert seating.player_for(scene, state) == "p2"
    state = runner.choose(scene, state, "1", "p2")
    state = runner.choose(scene, state, "continue", "p1")
    assert state.path[-1].choice == "continue"
    assert seating.swapped().player_for(scene, runner.start(scene, seating.players)) == "p2"


def test_names_are_cleaned() -> None:
    assert clean_name("  An\x1b[31ma  ", "P") == "An[31ma"
    assert clean_name("   ", "Player 1") == "Player 1"
    assert len(clean_name("x" * 99, "P")) == 20


def test_highlights_per_player() -> None:
    scene = load_scene_text(TWO_ROLE_SCENE)
    state = runner.start(scene, ("p1", "p2"))
    state = runner.choose(scene, state, "2", "p1")
    state = runner.choose(scene, state, "2", "p2")  # dinner: no closeness
    found = closeness_highlights(scene, [state], ("p1", "p2"))
    assert found == {"p1": None, "p2": None}
    state = runner.choose(scene, runner.start(scene, ("p1", "p2")), "1", "p1")
    found = closeness_highlights(scene, [state], ("p1", "p2"))
    assert found["p1"].choice.text == "Say you missed Sam today." and found["p2"] is None


def test_prompts_put_the_scene_first_and_show_four() -> None:
    scene = load_scene_text(TWO_ROLE_SCENE)
    prompts = debrief_prompts(scene)
    assert prompts[0] == "What did each of you want at the door?"
    assert len(prompts) == 4
    assert "safe" in prompt_book().safety_note
