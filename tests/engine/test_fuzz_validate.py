"""Fuzz: whatever a scene or puppet file holds, reading it gives messages, never an exception.

2,200 examples in the normal suite; PATHWAYS_LONG_TESTS=1 runs 22,000 (see tests/hardening.py).
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.puppets.cast import puppets_dir
from game.engine.scene.keys import (
    CHOICE_KEYS,
    LINE_KEYS,
    NODE_KEYS,
    ROLE_KEYS,
    SCENE_KEYS,
)
from game.paths import scenes_dir
from tests.hardening import SCALE, validate_everything

FOLDER = Path(tempfile.mkdtemp(prefix="pathways-fuzz-"))
(FOLDER / "puppets").mkdir()


def fuzz(examples: int):
    return settings(max_examples=examples * SCALE, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


def check_bytes(raw: bytes, puppet: bool = False) -> None:
    path = FOLDER / ("puppets/fuzz.yaml" if puppet else "fuzz.yaml")
    path.write_bytes(raw)
    validate_everything(path)


def check_data(data: object, puppet: bool = False) -> None:
    check_bytes(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"), puppet)


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
names = st.sampled_from(["you", "kim", "first", "end", "closeness", "harmony", "asked", "tries",
                         "complaining", "direct_communication", "1-inner-critic", "pompous",
                         "n0", "n1", "", "score.empathy", "trap.complaining"]) | text
scalars = st.none() | st.booleans() | st.integers(-10, 10) | st.floats(allow_nan=False) | names
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(names, inner, max_size=4), max_leaves=12)
conditions = st.lists(st.sampled_from(["(", ")", "not", "and", "or", "==", "<", "asked", "tries",
                                       "closeness", "1", "'x'", "score.empathy"]),
                      max_size=12).map(" ".join)


def keyed(keys: set[str], extra: dict | None = None) -> st.SearchStrategy[dict]:
    fields = {key: values for key in sorted(keys)} | (extra or {})
    return st.fixed_dictionaries({}, optional=fields)


lines = st.lists(names | keyed(LINE_KEYS, {"if": conditions}) | st.dictionaries(names, values, max_size=1),
                 max_size=3)
choices = st.lists(keyed(CHOICE_KEYS, {"goto": names, "if": conditions}), max_size=3)
nodes = st.dictionaries(names, keyed(NODE_KEYS, {"lines": lines, "choices": choices, "goto": names,
                                                 "route": st.lists(keyed({"goto", "if"},
                                                                         {"goto": names, "if": conditions}))}),
                        max_size=5)
scenes = keyed(SCENE_KEYS, {"id": names, "start": names, "nodes": nodes,
                            "roles": st.dictionaries(names, keyed(ROLE_KEYS), max_size=3)})
puppets = keyed({"id", "name", "description", "voice", "frames", "stage_directions", "stock_lines",
                 "answers", "reflection"},
                {"voice": st.fixed_dictionaries({}, optional={"style": values, "honorific": values,
                                                              "stretch": values}),
                 "answers": st.lists(keyed({"id", "text", "scores", "traps", "feedback"}), max_size=4)})


def _shipped(folder: Path) -> list[object]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))]


SHIPPED_SCENES = _shipped(scenes_dir())
SHIPPED_PUPPETS = _shipped(puppets_dir())


def _places(data: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, path + (index,))
    return found


@st.composite
def mutations(draw, shipped: list[object]):
    """A shipped file with one to three values swapped for something else."""
    data = copy.deepcopy(draw(st.sampled_from(shipped)))
    places = _places(data)[1:]
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(places))
        holder = data
        try:
            for step in place[:-1]:
                holder = holder[step]
            old = holder[place[-1]]
            holder[place[-1]] = draw(values | st.just([old]) | st.just({"x": old}) | conditions)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier swap removed this place
    return data


@fuzz(300)
@given(st.binary(max_size=400))
def test_random_bytes(raw):
    check_bytes(raw)


@fuzz(300)
@given(st.text(max_size=400))
def test_random_text(source):
    check_bytes(source.encode("utf-8", "surrogatepass"))


@fuzz(500)
@given(scenes)
def test_scene_shaped_yaml(scene):
    check_data(scene)


@fuzz(300)
@given(puppets)
def test_puppet_shaped_yaml(puppet):
    check_data(puppet, puppet=True)


TAGS = ["!!int", "!!bool", "!!float", "!!str", "!!null", "!!timestamp", "!!binary", "!!set", "!!omap",
        "!!pairs", "!!seq", "!!map", "!!merge", "!!value", "!!yaml", "!local", "!", "!<tag:x>"]
tagged_values = st.tuples(st.sampled_from(TAGS), st.sampled_from(["", "abc", "maybe", "1.5", "2026-13-40",
                                                                  "***", "[1, 2]", "{a: 1}", "- x"]))


@fuzz(200)
@given(st.lists(st.tuples(st.sampled_from(["id", "title", "minutes", "start", "roles", "nodes"]),
                          tagged_values), min_size=1, max_size=4))
def test_explicit_tags_on_any_value(fields):
    """Found while speeding up loading: `title: !!int abc` raised ValueError from the reader."""
    source = "".join(f"{key}: {tag} {value}\n" for key, (tag, value) in fields)
    check_bytes(source.encode("utf-8"))


@fuzz(450)
@given(mutations(SHIPPED_SCENES))
def test_mutated_shipped_scenes(scene):
    check_data(scene)


@fuzz(150)
@given(mutations(SHIPPED_PUPPETS))
def test_mutated_shipped_puppets(puppet):
    check_data(puppet, puppet=True)


@pytest.mark.parametrize("line", [
    "lines: [{speaker: [you], text: hi}]",
    "traps: [[complaining]]",
])
def test_a_list_where_a_name_belongs_is_a_message(tmp_path, line):
    """Defect 1: a list where a name is expected raised TypeError in the loader."""
    source = (scenes_dir() / "rain-check.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    node = data["nodes"][data["start"]]
    key, value = line.split(": ", 1)
    if key == "traps":
        node["choices"][0]["traps"] = yaml.safe_load(value)
    else:
        node["lines"] = yaml.safe_load(value)
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(data))
    messages = [d.message for d in validate_everything(tmp_path / "s.yaml") if d.level == "error"]
    assert any("found a list" in m for m in messages), messages


def test_a_puppet_voice_style_list_is_a_message(tmp_path):
    data = copy.deepcopy(SHIPPED_PUPPETS[0])
    data["voice"]["style"] = ["pompous"]
    (tmp_path / "puppets").mkdir()
    (tmp_path / "puppets" / "p.yaml").write_text(yaml.safe_dump(data))
    messages = [d.message for d in validate_everything(tmp_path / "puppets" / "p.yaml")]
    assert any("unknown voice style" in m for m in messages), messages
