"""The pure step functions: scoring, conditions, once-only choices, routing, meters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.library import load_scene_text
from game.engine.play import runner
from game.engine.play.playthrough import Playthrough
from game.engine.play.state import State
from tests.conftest import MINIMAL_SCENE


def keys(scene, state) -> list[str]:
    return [c.key for c in runner.available_choices(scene, state)]


def test_start_rests_on_the_start_node(tiny_scene) -> None:
    state = runner.start(tiny_scene)
    assert state.node == "first"
    assert state.variables == {"asked": False, "tries": 0}
    assert state.meters == {"closeness": 0, "harmony": 0}
    assert [line.text for line in runner.visible_lines(tiny_scene, state)] == ["A room.", "Hello."]


def test_choice_applies_scores_meters_variables_and_routes(tiny_scene) -> None:
    state = runner.choose(tiny_scene, runner.start(tiny_scene), "1")
    assert state.node == "asked"
    assert state.score("direct_communication") == 2
    assert state.meters["closeness"] == 2
    assert state.variables["asked"] is True
    assert keys(tiny_scene, state) == ["continue"]
    ending = runner.choose(tiny_scene, state, "continue")
    assert ending.node == "close"  # the route node chose by outcome
    assert runner.is_over(tiny_scene, ending)


def test_route_falls_back_when_no_condition_holds() -> None:
    scene = load_scene_text(MINIMAL_SCENE.replace("meters: {closeness: 2}", "meters: {closeness: 1}"))
    state = runner.choose(scene, runner.start(scene), "1")
    assert runner.choose(scene, state, "continue").node == "calm"


def test_once_only_choice_disappears_after_it_is_taken(tiny_scene) -> None:
    start = runner.start(tiny_scene)
    assert keys(tiny_scene, start) == ["1", "2"]
    again = runner.choose(tiny_scene, start, "2")
    assert again.node == "first"
    assert keys(tiny_scene, again) == ["1"]
    assert again.traps_of() == ("complaining",)
    assert again.variables["tries"] == 1
    assert again.meters["harmony"] == -1


def test_choice_conditions_hide_choices() -> None:
    scene = load_scene_text(MINIMAL_SCENE.replace(
        "      - text: Complain about the mess.\n",
        "      - text: Complain about the mess.\n        if: asked\n"))
    assert keys(scene, runner.start(scene)) == ["1"]


def test_line_conditions_hide_lines() -> None:
    scene = load_scene_text(MINIMAL_SCENE.replace(
        "      - kim: Hello.\n",
        "      - kim: Hello.\n      - {speaker: kim, text: Again?, if: tries > 0}\n"))
    start = runner.start(scene)
    assert [l.text for l in runner.visible_lines(scene, start)] == ["A room.", "Hello."]
    after = runner.choose(scene, start, "2")
    assert [l.text for l in runner.visible_lines(scene, after)] == ["A room.", "Hello.", "Again?"]


def test_meters_are_clamped(tiny_scene) -> None:
    scene = load_scene_text(MINIMAL_SCENE.replace("meters:\n", "meters:\n").replace(
        "start: first", "meters: {harmony: -10}\nstart: first"))
    state = runner.choose(scene, runner.start(scene), "2")
    assert state.meters["harmony"] == -10


def test_choosing_a_closed_choice_is_an_error(tiny_scene) -> None:
    with pytest.raises(runner.StoryError):
        runner.choose(tiny_scene, runner.start(tiny_scene), "9")


def test_scores_are_kept_per_player(tiny_scene) -> None:
    start = runner.start(tiny_scene, players=("p1", "p2"))
    state = runner.choose(tiny_scene, start, "2", player="p2")
    state = runner.choose(tiny_scene, state, "1", player="p1")
    assert state.traps_of("p2") == ("complaining",) and state.traps_of("p1") == ()
    assert state.score("direct_communication", "p1") == 2
    assert state.score("direct_communication", "p2") == 0


def test_playthrough_feedback_and_summary(tiny_scene, catalogue) -> None:
    play = Playthrough(tiny_scene, catalogue)
    play.choose("2")
    play.choose("1")
    play.choose("continue")
    assert play.is_over
    feedback = [fb for _choice, fb in play.feedback_so_far()]
    assert [t.key for t in feedback[0].traps] == ["complaining"]
    assert [(d.key, v) for d, v in feedback[1].raised] == [("direct_communication", 2)]
    summary = play.summary()
    assert len(summary.scores) == 9
    assert [(t.trap.key, t.times) for t in summary.traps] == [("complaining", 1)]
    assert dict((m.key, v) for m, v in summary.meters) == {"closeness": 2, "harmony": -1}


def test_state_round_trips_through_json(tiny_scene) -> None:
    state = runner.choose(tiny_scene, runner.start(tiny_scene), "2")
    assert State.from_json(state.to_json()) == state


def random_walk(scene, seed_choices: list[int]) -> list[State]:
    states = [runner.start(scene)]
    for pick in seed_choices:
        if runner.is_over(scene, states[-1]):
            break
        options = runner.available_choices(scene, states[-1])
        states.append(runner.choose(scene, states[-1], options[pick % len(options)].key))
    return states


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=8), max_size=12))
def test_choose_is_pure(picks: list[int]) -> None:
    scene = load_scene_text(MINIMAL_SCENE)
    states = random_walk(scene, picks)
    snapshots = [s.to_json() for s in states]
    for before, after in zip(states, states[1:]):
        step = after.path[-1]
        again = runner.choose(scene, before, step.choice, step.player)
        assert again == after  # same inputs, same result
    assert [s.to_json() for s in states] == snapshots  # nothing was changed in place
