"""Reading untrusted YAML: aliases, sizes, control characters, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.library import load_scene
from game.engine.scene.diagnostics import SceneError
from game.engine.scene.yamldoc import MAX_FILE_BYTES, read_yaml_file, read_yaml_text

ALIAS_BOMB = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
)


def test_alias_bomb_is_refused_without_being_expanded() -> None:
    """Expanding the bomb would take minutes and gigabytes; no alias is followed at all."""
    assert len(ALIAS_BOMB.encode()) < 1600
    doc = read_yaml_text(ALIAS_BOMB, "bomb.yaml")
    assert doc.problems and all("aliases" in p.message for p in doc.problems)
    assert all(doc.data[f"a{i}"] == [] for i in range(1, 10))


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * MAX_FILE_BYTES)
    with pytest.raises(SceneError, match="limit"):
        read_yaml_file(path)


def test_control_characters_are_stripped_from_raw_and_escaped_text() -> None:
    doc = read_yaml_text('raw: "a\x1b[31mb"\nescaped: "c\\e[2Jd\\x9b1m"\nkept: "tab\\there"\n')
    assert doc.data == {"raw": "a[31mb", "escaped": "c[2Jd1m", "kept": "tab\there"}


def test_positions_are_one_based_and_point_at_values() -> None:
    doc = read_yaml_text("a: 1\nb:\n  - x: 'quoted'\n")
    a = doc.where(("a",))
    assert (a.line, a.column) == (1, 4)
    x = doc.where(("b", 0, "x"))
    assert (x.line, x.column) == (3, 9)  # the first character inside the quotes


def test_duplicate_keys_are_reported_and_the_first_value_kept() -> None:
    doc = read_yaml_text("a: 1\na: 2\n")
    assert doc.data == {"a": 1}
    assert [str(p) for p in doc.problems] == ["<text>:2:1: error: duplicate key 'a'"]


def test_syntax_error_has_position() -> None:
    with pytest.raises(SceneError) as caught:
        read_yaml_text("a: [1, 2\nb: 3\n", "x.yaml")
    assert str(caught.value).startswith("x.yaml:2:")


def test_deep_nesting_is_refused() -> None:
    doc = read_yaml_text("a: " + "[" * 40 + "]" * 40)
    assert any("nested" in p.message for p in doc.problems)


def test_a_scene_of_more_than_a_megabyte_loads() -> None:
    from benchmarks.synthetic import scene_text
    from game.engine.scene.loader import load_scene_text

    text = scene_text(3000)
    assert 1_000_000 < len(text.encode()) <= MAX_FILE_BYTES
    assert len(load_scene_text(text).nodes) == 3002


def test_positions_in_a_long_mapping_and_of_keys() -> None:
    keys = "\n".join(f"k{i}: {{x: 'v{i}'}}" for i in range(40))
    doc = read_yaml_text(keys + "\nlast: plain\n")
    assert (doc.where(("k30", "x")).line, doc.where(("k30", "x")).column) == (31, 11)
    assert (doc.where_key(("k30",)).line, doc.where_key(("k30",)).column) == (31, 1)
    assert (doc.where(("last",)).line, doc.where(("last",)).column) == (41, 7)
    assert doc.where(("missing", "deeper")) == doc.where(())


def test_an_alias_is_refused_even_without_a_bomb() -> None:
    doc = read_yaml_text("a: &x [1]\nb: *x\n")
    assert [p.message for p in doc.problems] == [
        "YAML aliases (*name) are not allowed in scene files; write the value out"]
    assert (doc.problems[0].line, doc.problems[0].column) == (2, 4)
    assert doc.data == {"a": [1]}


def test_the_loader_needs_no_path_resolvers_and_tags_plain_scalars_as_yaml_does() -> None:
    import yaml

    from game.engine.scene.yamldoc import Loader

    # Loader skips the path-resolver hooks and gives lists and mappings their default tags.
    assert not Loader.yaml_path_resolvers
    words = ["text", "Yes", "no", "~", "", "12", "0x1f", "1:30", "-3", ".5", "2024-01-01", "<<", "=",
             "!x", "Sam", "ON", "null", "Null", "é", "tricky: yes", "3.5e+2", ".inf"]
    loader, reference = Loader(""), yaml.SafeLoader("")
    for word in words:
        assert loader.resolve(yaml.ScalarNode, word, (True, False)) == reference.resolve(yaml.ScalarNode, word, (True, False))
    assert loader.resolve(yaml.SequenceNode, None, True) == reference.resolve(yaml.SequenceNode, None, True)
    assert loader.resolve(yaml.MappingNode, None, False) == reference.resolve(yaml.MappingNode, None, False)


@pytest.mark.parametrize("value", ["!!int abc", "!!bool maybe", "!!float x", "!!timestamp nope"])
def test_an_explicit_tag_that_does_not_fit_its_value_is_an_error_at_its_place(tmp_path, value) -> None:
    """Found while speeding up loading: these raised ValueError, KeyError or AttributeError, shown
    as a fault in Pathways itself at 1:1."""
    path = tmp_path / "tagged.yaml"
    path.write_text(f"id: x\ntitle: {value}\n")
    with pytest.raises(SceneError) as raised:
        load_scene(path)
    assert f"tagged.yaml:2:8: error: the tag !!{value[2:].split()[0]} does not fit the value" in str(raised.value)
