"""Rewind, replay after edits, turning points, splits and progress: the headless parts of replay."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.library import load_scene, load_scene_text
from game.engine.play.compare import first_split
from game.engine.play.playthrough import Playthrough
from game.engine.play.progress import progress_series
from game.engine.play.replay import replay_path
from game.engine.play.state import Step
from game.engine.play.suggest import find_turning_point
from game.paths import scenes_dir
from tests.conftest import TWO_ENDINGS_SCENE

SHIPPED = [load_scene(p) for p in sorted(scenes_dir().glob("*.yaml"))]


def play_randomly(playthrough: Playthrough, picks: list[int]) -> list:
    recorded = [playthrough.state]
    for pick in picks:
        if playthrough.is_over:
            break
        options = playthrough.choices()
        playthrough.choose(options[pick % len(options)].key)
        recorded.append(playthrough.state)
    return recorded


@settings(max_examples=80, deadline=None)
@given(scene_index=st.integers(0, len(SHIPPED) - 1),
       picks=st.lists(st.integers(0, 8), min_size=1, max_size=20),
       k=st.integers(0, 30))
def test_rewinding_to_step_k_gives_the_state_recorded_at_step_k(scene_index, picks, k) -> None:
    playthrough = Playthrough(SHIPPED[scene_index])
    recorded = play_randomly(playthrough, picks)
    k = k % len(recorded)
    if k == len(recorded) - 1:
        return
    playthrough.rewind_to(k)
    assert playthrough.state == recorded[k]
    assert playthrough.states == recorded[: k + 1]


@settings(max_examples=40, deadline=None)
@given(scene_index=st.integers(0, len(SHIPPED) - 1), picks=st.lists(st.integers(0, 8), max_size=20))
def test_replaying_a_path_rebuilds_every_state(scene_index, picks) -> None:
    scene = SHIPPED[scene_index]
    playthrough = Playthrough(scene)
    recorded = play_randomly(playthrough, picks)
    replay = replay_path(scene, playthrough.state.path)
    assert replay.complete and list(replay.states) == recorded


def test_choosing_differently_after_rewind_abandons_the_old_branch() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    playthrough = Playthrough(scene)
    playthrough.choose("3")
    tip = playthrough.state
    playthrough.rewind_to(0)
    assert playthrough.take_abandoned() == []  # nothing is lost until a new choice is made
    playthrough.choose("3")
    assert playthrough.take_abandoned() == []  # the same choice: still on the old branch
    playthrough.rewind_to(0)
    playthrough.choose("1")
    assert playthrough.take_abandoned() == [tip]


def test_an_ending_is_not_abandoned_again() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    playthrough = Playthrough(scene)
    playthrough.choose("2")
    assert playthrough.is_over
    playthrough.rewind_to(0)
    playthrough.choose("1")
    assert playthrough.take_abandoned() == []


def test_rewind_one_choice_skips_continues() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    playthrough = Playthrough(scene)
    playthrough.choose("1")
    playthrough.choose("continue")
    assert playthrough.rewind_one_choice()
    assert playthrough.state.node == "first"
    assert not playthrough.rewind_one_choice()


def test_replay_stops_where_an_edited_scene_no_longer_fits() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    path = (Step("first", "3", "p1"), Step("first", "1", "p1"), Step("asked", "continue", "p1"))
    assert replay_path(scene, path).complete
    edited = load_scene_text(TWO_ENDINGS_SCENE.replace("Complain about the mess.", "Sigh.\n        id: sigh"))
    replay = replay_path(edited, path)
    assert not replay.complete
    assert replay.steps_kept == 0 and replay.states[-1].node == "first"


def test_turning_point_names_the_choice_and_the_better_option() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    playthrough = Playthrough(scene)
    playthrough.choose("2")
    point = find_turning_point(scene, playthrough.states)
    assert point is not None
    assert (point.index, point.taken.key, point.instead.key) == (0, "2", "1")
    assert (point.closeness_taken, point.closeness_instead) == (0, 2)


def test_no_turning_point_when_the_best_was_reached() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    playthrough = Playthrough(scene)
    playthrough.choose("1")
    playthrough.choose("continue")
    assert find_turning_point(scene, playthrough.states) is None


def test_first_split() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE)
    a = (Step("first", "3", "p1"), Step("first", "1", "p1"))
    b = (Step("first", "3", "p1"), Step("first", "2", "p1"))
    split = first_split(scene, a, b)
    assert split.shared_steps == 1 and split.node.id == "first"
    assert (split.this.key, split.other.key) == ("1", "2")
    assert first_split(scene, a, a) is None
    assert first_split(scene, a, a[:1]).node is None


def test_progress_series_orders_finished_attempts(catalogue) -> None:
    class Fake:
        def __init__(self, when, closeness, status="finished"):
            self.status, self.finished_at = status, when
            self.scores = {"p1": {"playfulness": closeness}}
            self.meters = {"closeness": closeness, "harmony": 0}

    series = progress_series([Fake("2026-02", 5), Fake("2026-01", 1), Fake("2026-03", 9, "abandoned")], catalogue)
    closeness = next(s for s in series if s.key == "closeness")
    assert closeness.values == (1, 5) and closeness.change == 4
    assert next(s for s in series if s.key == "playfulness").values == (1, 5)


def test_exploring_counts_a_trap_that_decides_the_route() -> None:
    """A route on trap.X must see the trap: both endings are reachable, and check agrees."""
    from game.engine.library import load_scene
    from game.engine.play.explore import explore, flow_names
    from tests.conftest import FIXTURES

    scene = load_scene(FIXTURES / "check" / "trap_route.yaml")
    assert flow_names(scene) == {"trap.appeasing"}
    assert explore(scene).endings_reached == {"calm", "close"}
