from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.scene.conditions import ConditionSyntaxError, _names, parse_condition

VALUES = {"closeness": 3, "harmony": -1, "asked": True, "mood": "tense", "tries": 0}


@pytest.mark.parametrize("source, expected", [
    ("closeness >= 3", True),
    ("closeness > 3", False),
    ("asked and harmony < 0", True),
    ("not asked or tries", False),
    ("mood == 'tense'", True),
    ('mood != "calm"', True),
    ("(tries == 0 or harmony > 5) and not (closeness < 1)", True),
    ("true and not false", True),
    ("tries", False),
    ("harmony == -1", True),
    ("mood > 2", False),  # text against number is simply false
])
def test_conditions_evaluate(source: str, expected: bool) -> None:
    assert parse_condition(source).holds(VALUES.__getitem__) is expected


@pytest.mark.parametrize("source, offset", [
    ("closeness >=", 12),
    ("closeness >= 3 and", 18),
    ("(asked", 6),
    ("asked ! 3", 6),
    ("asked asked", 6),
    ("and", 0),
])
def test_syntax_errors_point_at_the_problem(source: str, offset: int) -> None:
    with pytest.raises(ConditionSyntaxError) as caught:
        parse_condition(source)
    assert caught.value.offset == offset


def test_names_are_listed_with_offsets() -> None:
    condition = parse_condition("asked and score.view_conflict > trap.complaining")
    assert [(n.name, n.offset) for n in condition.names()] == [
        ("asked", 0), ("score.view_conflict", 10), ("trap.complaining", 32)]


def test_nothing_is_evaluated_as_python() -> None:
    with pytest.raises(ConditionSyntaxError):
        parse_condition("__import__('os').system('true')")


@given(st.text(max_size=80))
def test_any_text_either_parses_or_raises_a_syntax_error(source: str) -> None:
    try:
        condition = parse_condition(source)
    except ConditionSyntaxError as exc:
        assert 0 <= exc.offset <= len(source)
    else:
        condition.holds(lambda name: 1)


TOKENS = st.sampled_from(["a", "b", "score.x", "trap.y", "and", "or", "not", "true", "false", "(", ")",
                          "==", "!=", "<", ">=", "1", "-2", "3.5", "'t'", '"u"', "'", "-", "x.y.z", "@"])


@given(st.lists(st.tuples(TOKENS, st.sampled_from(["", " ", "  ", "\t"])), max_size=14))
def test_names_are_read_in_source_order_as_the_tree_gives_them(parts: list[tuple[str, str]]) -> None:
    source = "".join(token + blank for token, blank in parts)
    try:
        condition = parse_condition(source)
    except ConditionSyntaxError as exc:
        assert 0 <= exc.offset <= len(source)
        return
    assert condition.read == tuple(_names(condition.tree))
    assert [name.offset for name in condition.read] == sorted(name.offset for name in condition.read)
