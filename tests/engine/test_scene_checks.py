"""The checks of issue 10: tells that give the answer away, scripted lines, cornered states,
endings against the last beat, the unsafe-node rule, `recent.<meter>` and format-1 scenes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.cli.main import main
from game.engine.author.check import check_scene
from game.engine.author.path_warnings import path_warnings
from game.engine.library import check_scene_file, load_scene, load_scene_text
from game.engine.play import runner
from game.engine.play.state import State
from game.engine.scene.answer_tells import (
    FEELING_WORDS,
    FEELINGS,
    answer_tells,
    has_feeling_words,
)
from game.engine.scene.diagnostics import SceneError
from tests.conftest import FIXTURES

CLEAN = sorted((FIXTURES / "clean").glob("*.yaml"))
WARNINGS = FIXTURES / "warnings"


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_fixtures_have_no_warnings(path: Path, capsys) -> None:
    assert main(["validate", "--strict", str(path)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_the_cornered_fixture_is_a_check_finding_and_its_clean_twin_is_not() -> None:
    report = check_scene(load_scene(WARNINGS / "cornered.yaml"))
    assert [(d.line, d.column) for d in report.cornered] == [(20, 3)] and not report.ok
    assert check_scene(load_scene(FIXTURES / "clean" / "cornered.yaml")).ok


def test_the_last_beat_fixture_is_a_check_finding_and_recent_fixes_it() -> None:
    report = check_scene(load_scene(WARNINGS / "last_beat.yaml"))
    assert [(d.line, d.column) for d in report.last_beat] == [(34, 9)] and not report.ok
    assert check_scene(load_scene(FIXTURES / "clean" / "last_beat.yaml")).ok


def test_check_prints_cornered_and_last_beat_findings(capsys) -> None:
    assert main(["check", str(WARNINGS / "cornered.yaml"), str(WARNINGS / "last_beat.yaml")]) == 1
    out = capsys.readouterr().out
    assert "cornered.yaml:20:3: warning: cornered: at node 'plan'" in out
    assert "last_beat.yaml:34:9: warning: ending against the last beat" in out


def test_answer_tells_count_longest_and_shortest_wins_and_feeling_words() -> None:
    tells = answer_tells(load_scene(WARNINGS / "longest_wins.yaml"))
    assert (tells.ranked_nodes, tells.longest_wins, tells.shortest_wins) == (4, ("n1", "n2", "n3", "n4"), ())
    short = answer_tells(load_scene(WARNINGS / "shortest_wins.yaml"))
    assert (short.longest_wins, short.shortest_wins) == ((), ("n1", "n2", "n3", "n4"))
    mixed = answer_tells(load_scene(FIXTURES / "clean" / "longest_and_shortest.yaml"))
    assert (mixed.longest_share, mixed.shortest_share) == (0.5, 0.5)
    feeling = answer_tells(load_scene(WARNINGS / "feeling_words.yaml"))
    assert (feeling.rewarded, feeling.rewarded_feeling, feeling.trapped, feeling.trapped_feeling) == (4, 4, 4, 0)


def test_a_scene_too_small_to_show_a_habit_gets_no_tell_warning() -> None:
    from game.engine.scene.answer_tells import lint_answer_tells

    assert lint_answer_tells(load_scene(WARNINGS / "cornered.yaml")) == []  # 2 nodes, both shortest-best


RECENT = """\
id: recent
title: Recent
roles:
  you: {name: You, playable: true}
start: a
nodes:
  a:
    choices:
      - {text: One, goto: b, scores: {playfulness: 1}, meters: {closeness: 1}}
  b:
    lines: [A pause.]
    goto: c
  c:
    choices:
      - {text: Two, goto: d, scores: {playfulness: 1}, meters: {closeness: 2, harmony: -1}}
  d:
    choices:
      - {text: Three, goto: wrap, scores: {playfulness: 1}, meters: {closeness: 4}}
  wrap:
    route:
      - {if: recent.closeness >= 6, goto: warm}
      - goto: cool
  warm: {ending: {title: Warm, reflection: Warm.}}
  cool: {ending: {title: Cool, reflection: Cool.}}
"""


def test_recent_sums_the_last_two_choices_and_a_continue_is_not_a_choice() -> None:
    scene = load_scene_text(RECENT)
    state = runner.choose(scene, runner.start(scene), "1")
    state = runner.choose(scene, state, runner.CONTINUE_KEY)
    assert state.recent == ({"closeness": 1},)
    state = runner.choose(scene, state, "1")
    assert state.recent_change("closeness") == 3 and state.recent_change("harmony") == -1
    state = runner.choose(scene, state, "1")
    assert state.recent_change("closeness") == 6 and state.node == "warm"


def test_recent_survives_a_save_and_old_saves_without_it_still_load() -> None:
    scene = load_scene_text(RECENT)
    state = runner.choose(scene, runner.start(scene), "1")
    assert State.from_json(state.to_json()) == state
    old = state.to_dict()
    del old["recent"]
    assert State.from_dict(old).recent == ()


def test_recent_names_a_meter() -> None:
    with pytest.raises(SceneError) as raised:
        load_scene_text(RECENT.replace("recent.closeness", "recent.closenes"))
    assert "unknown meter 'closenes' in 'recent.closenes' (did you mean 'closeness'?)" in str(raised.value)


UNSAFE = """\
id: unsafe
title: Unsafe
roles:
  you: {name: You, playable: true}
  kim: {name: Kim}
start: sneer
nodes:
  sneer:
    unsafe: true
    lines:
      - kim: Go on then, tell me what a mess you are.
    choices:
      - text: Admit the part of it that is true.
        goto: end
        scores: {SCORE: 1}
        meters: {METER: 1}
  end:
    ending: {title: End, reflection: Done.}
"""


@pytest.mark.parametrize("score, meter, refused", [
    ("self_reflection", "harmony", "self_reflection"),
    ("courage_vulnerability", "harmony", "courage_vulnerability"),
    ("emotional_resilience", "closeness", "closeness"),
])
def test_an_unsafe_node_may_not_reward_opening_up(score: str, meter: str, refused: str) -> None:
    text = UNSAFE.replace("SCORE", score).replace("METER", meter)
    with pytest.raises(SceneError) as raised:
        load_scene_text(text, "unsafe.yaml")
    assert (f"unsafe.yaml:13:9: error: node 'sneer' is marked unsafe, so a choice here may not raise "
            f"{refused}: opening up to a hostile partner is never rewarded") in str(raised.value)


def test_an_unsafe_node_may_reward_protecting_yourself() -> None:
    load_scene_text(UNSAFE.replace("SCORE", "emotional_resilience").replace("METER", "harmony"))


@pytest.mark.parametrize("path", sorted((FIXTURES / "format1").glob("*.yaml")), ids=lambda p: p.stem)
def test_a_format_1_scene_written_before_the_new_catalogue_still_validates(path: Path) -> None:
    scene, diagnostics = check_scene_file(path)
    assert scene is not None
    assert [d for d in diagnostics if d.level == "error"] == []
    # the new checks speak up as warnings only
    assert all(d.level == "warning" for d in diagnostics + path_warnings(scene))


@given(st.lists(st.sampled_from(["feel", "FEELS", "Hurt", "sad", "ſad", "left out", "left  out", "Left Behind",
                                 "missed", "miss_", "unsad", "sadly", "é", "\u212a", " ", ", ", "'", "I", "x"]),
                max_size=8).map("".join))
def test_feeling_words_are_found_as_the_case_blind_pattern_finds_them(text: str) -> None:
    assert has_feeling_words(text) == (FEELING_WORDS.search(text) is not None)
    assert has_feeling_words(text) == (re.search(r"\b(" + "|".join(FEELINGS) + r")\b", text, re.IGNORECASE) is not None)
