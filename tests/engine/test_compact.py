"""Compact stepping (used to explore every state) follows exactly the runner's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.library import load_scene
from game.engine.play import runner
from game.engine.play.explore import explore, identity_for
from game.engine.scene.conditions import _evaluate, parse_condition
from tests.conftest import FIXTURES, shipped_scene_paths

SCENES = shipped_scene_paths() + sorted((FIXTURES / "check").glob("*.yaml"))
SAMPLE = 400  # states checked per scene


@pytest.mark.parametrize("path", SCENES, ids=lambda p: p.stem)
def test_compact_steps_match_the_runner(path: Path) -> None:
    scene = load_scene(path)
    result = explore(scene, limit=5_000)
    compact = result.compact
    assert compact is not None
    forget_scores = identity_for(scene)  # what exploring forgets: the path, and untracked scores
    for key in result.keys[:SAMPLE]:
        state = compact.state(key)
        assert compact.key(state) == key
        assert runner.is_over(scene, state) == compact.is_over(key)
        if compact.is_over(key):
            continue
        choices = compact.available_choices(key)
        assert choices == runner.available_choices(scene, state)
        for choice in choices:
            try:
                expected = compact.key(forget_scores(runner.choose(scene, state, choice.key)))
            except runner.StoryError as exc:
                with pytest.raises(runner.StoryError, match=str(exc)[:20]):
                    compact.step(key, choice)
                continue
            assert compact.step(key, choice) == expected


def test_visited_states_are_the_runners_states() -> None:
    scene = load_scene(shipped_scene_paths()[0])
    result = explore(scene, limit=200)
    first = identity_for(scene)(runner.start(scene))
    assert result.visited[0] == first
    assert [s.node for s in result.visited] == [result.node_at(i) for i in range(len(result.keys))]


NAMES = st.sampled_from(["a", "b", "closeness", "score.playfulness"])
VALUES = st.one_of(st.integers(-3, 3), st.booleans(), st.sampled_from(["'x'", "'y'"]))


@st.composite
def conditions(draw, depth: int = 0) -> str:
    if depth > 2 or draw(st.booleans()):
        left = draw(st.one_of(NAMES, VALUES.map(lambda v: str(v).lower())))
        if draw(st.booleans()):
            op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]))
            return f"{left} {op} {draw(VALUES.map(lambda v: str(v).lower()))}"
        return left
    op = draw(st.sampled_from(["and", "or"]))
    inner = f"({draw(conditions(depth + 1))}) {op} ({draw(conditions(depth + 1))})"
    return f"not {inner}" if draw(st.booleans()) else inner


@settings(max_examples=300, deadline=None)
@given(source=conditions(), a=st.one_of(st.integers(-3, 3), st.booleans(), st.just("x")),
       b=st.integers(-3, 3), closeness=st.integers(-10, 10))
def test_compiled_conditions_agree_with_the_tree(source: str, a, b, closeness: int) -> None:
    values = {"a": a, "b": b, "closeness": closeness, "score.playfulness": b}
    condition = parse_condition(source)
    assert condition.holds(values.__getitem__) == bool(_evaluate(condition.tree, values.__getitem__))
