"""Voices, answer rules and puppet files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.puppets.answer_rules import effect_of_key, score_answer
from game.engine.puppets.cast import check_puppet_file, default_puppets
from game.engine.puppets.voices import MAX_PERFORMED, PARAMETERS, STYLES, Voice
from tests.conftest import FIXTURES

LINE = "You always ruin everything."


@pytest.mark.parametrize("style, params, expected", [
    ("pompous", {}, "Hear ye! It is my learned and entirely correct opinion that you always ruin everything. Case closed!"),
    ("pompous", {"honorific": "Order"}, "Order! It is my learned and entirely correct opinion that you always ruin everything. Case closed!"),
    ("whiny", {}, "Uuugh, you always ruin everythiiiing... and it's not faaair!"),
    ("whiny", {"stretch": 1}, "Uuugh, you always ruin everythiing... and it's not faaair!"),
    ("drill_sergeant", {"rank": "cadet"}, "ATTENTION, CADET! YOU ALWAYS RUIN EVERYTHING! DROP AND GIVE ME TWENTY WORRIES!"),
    ("melodramatic", {}, "Alas! Oh, woe! You always ruin everything... *swoons onto a convenient sofa* The tragedy of it all!"),
    ("sulky", {}, "fine. you always ruin everything. whatever. not that anyone asked me."),
    ("mystic", {"prop": "teacup"}, "Ooooh... the teacup grows cloudy... it reveals... you always ruin everything... and it is NEVER wrong..."),
])
def test_voice_examples(style: str, params: dict, expected: str) -> None:
    assert Voice(style, params).perform(LINE) == expected


def test_every_style_has_an_example_and_declared_parameters() -> None:
    assert set(STYLES) == set(PARAMETERS)


@settings(max_examples=300, deadline=None)
@given(style=st.sampled_from(sorted(STYLES)), line=st.text(max_size=2000),
       param=st.one_of(st.text(max_size=200), st.integers(), st.none(), st.booleans()))
def test_voices_never_fail_and_stay_bounded(style: str, line: str, param) -> None:
    params = {key: param for key in PARAMETERS[style]}
    performed = Voice(style, params).perform(line)
    assert isinstance(performed, str) and 0 < len(performed) <= MAX_PERFORMED
    assert "\x1b" not in performed and "\n" not in performed


ANSWERS = [
    ("Thank you, Lord Grumbles!! You are the fussiest judge in the universe haha",
     ["exaggeration", "humour", "naming", "thanks"],
     {"playfulness": 2, "self_awareness": 2, "emotional_resilience": 1}, ()),
    ("I'm only human, and it's okay to mess up. Silly me!", ["humour", "self_compassion", "loving_tease"],
     {"playfulness": 2, "self_awareness": 1, "emotional_resilience": 1, "self_reflection": 1}, ()),
    ("You're right, I am useless.", ["self_criticism", "agreement"], {}, ("self_blame", "self_blame")),
    ("You're right haha, I'm hopeless", ["self_criticism", "agreement", "humour"], {},
     ("self_blame", "self_blame")),
    ("You're right.", ["agreement"], {}, ("self_blame",)),
    ("You're right, I was a bit awkward. It's okay to be awkward sometimes.",
     ["small_truth", "self_compassion"], {"self_reflection": 1, "self_awareness": 1, "emotional_resilience": 1}, ()),
    ("I'm not useless, I'm tired.", ["talking_back", "self_compassion"],
     {"self_awareness": 2, "emotional_resilience": 2}, ()),
    ("I'll tell them I felt left out.", ["asking"], {"direct_communication": 1}, ()),
    ("Yeah right, Your Honour 🙄", ["sarcasm", "naming"], {}, ()),
    ("They should know better. I'll tell them to stop it.", ["asking", "blaming_them"], {}, ("complaining",)),
    ("Shut up. I will try harder.", ["grim_fight"], {}, ("better_partner",)),
    ("I never get anything right", ["self_criticism", "absolutes"], {}, ("self_blame",)),
    ("ok", [], {}, ()),
]


@pytest.mark.parametrize("text, rules, scores, traps", ANSWERS)
def test_answer_rules_table(text: str, rules: list[str], scores: dict, traps: tuple) -> None:
    scored = score_answer(text)
    assert [m.rule.id for m in scored.matches] == rules
    assert dict(scored.effect.scores) == scores
    assert scored.effect.traps == traps
    assert effect_of_key(scored.choice_key) == scored.effect  # replays need only the rule ids


def test_unknown_rule_ids_are_refused() -> None:
    assert effect_of_key("typed:made_up") is None
    assert effect_of_key("2") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=1000))
def test_scoring_never_fails(text: str) -> None:
    scored = score_answer(text)
    assert all(v <= 2 for v in scored.effect.scores.values())
    if "self_blame" in scored.effect.traps:
        assert not any(v > 0 for v in scored.effect.scores.values())


def test_the_six_shipped_puppets_load() -> None:
    library = default_puppets()
    assert library.diagnostics == ()
    assert len(library.puppets) >= 6
    assert {"inner-critic", "stingy-parent"} <= set(library.puppets)
    for puppet in library.puppets.values():
        assert {"idle", "talking", "exaggerated", "deflated"} <= set(puppet.frames)
        assert puppet.stock_lines and len(puppet.answers) >= 2
        assert any("self_blame" in a.effect.traps for a in puppet.answers)


def test_broken_puppet_file_reports_every_problem_with_positions() -> None:
    puppet, diagnostics = check_puppet_file(FIXTURES / "puppets" / "broken.yaml")
    assert puppet is None
    messages = [f"{d.line}:{d.column}: {d.message}" for d in diagnostics]
    assert any(m.startswith("4:10: unknown voice style 'shouty'") for m in messages)
    assert any(m.startswith("8:12: the talking frame should be text") for m in messages)
    assert any("frames is missing 'exaggerated'" in m for m in messages)
    assert any(m.startswith("9:14: give at least one stock line") for m in messages)
    assert any("give between 2 and 9 answers" in m for m in messages)
    assert any("unknown key 'colour'" in m for m in messages)
    assert any(m.startswith("11:5: an answer with the trap 'self_blame' may not raise") for m in messages)


def test_validate_checks_puppets(tmp_path: Path, capsys) -> None:
    from game.cli.main import main

    folder = tmp_path / "puppets"
    folder.mkdir()
    (folder / "broken.yaml").write_text((FIXTURES / "puppets" / "broken.yaml").read_text())
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "broken.yaml:4:10: error: unknown voice style 'shouty'" in out
    assert "0 scene files and 1 puppet file checked" in out


def test_a_model_answer_the_rules_would_read_differently_is_warned_about(tmp_path: Path) -> None:
    shipped = (Path(__file__).resolve().parents[2] / "assets" / "puppets" / "1-inner-critic.yaml").read_text()
    first = default_puppets().puppets["inner-critic"].answers[0].text
    changed = tmp_path / "critic.yaml"
    changed.write_text(shipped.replace(first, "I am a total failure."))
    puppet, diagnostics = check_puppet_file(changed)
    assert puppet is not None  # a warning, not an error
    [warning] = [d for d in diagnostics if d.level == "warning"]
    assert "the answer rules would give it no credit" in warning.message and warning.line > 1
