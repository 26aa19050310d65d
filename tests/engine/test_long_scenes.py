"""Scenes at the edge of the limits: every walk over a scene is iterative or bounded (defects 2, 3)."""

from __future__ import annotations

from pathlib import Path

from game.engine.author.graph import branch_map, map_size
from game.engine.library import load_entry
from game.engine.scene.conditions import (
    MAX_NESTING,
    ConditionSyntaxError,
    parse_condition,
)
from tests.hardening import validate_everything


def chain(count: int, kind: str) -> str:
    """A valid scene of ``count`` nodes, each leading to the next, then an ending (compact,
    so that 3,000 nodes stay under the file size limit)."""
    step = {"choices": "{{lines: [Step {i}.], choices: [{{text: Go on., goto: n{j}}}]}}",
            "route": "{{route: [{{goto: n{j}}}]}}",
            "goto": "{{lines: [Step {i}.], goto: n{j}}}"}[kind]
    out = ["id: long", "title: Long", "roles:", "  you: {name: You, playable: true}", "start: n0",
           "nodes:"]
    out += [f"  n{i}: " + step.format(i=i, j=i + 1) for i in range(count)]
    out += [f"  n{count}: {{ending: {{title: End, reflection: Done.}}}}"]
    return "\n".join(out) + "\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "long.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_deeply_bracketed_condition_is_a_message_not_a_recursion_error():
    source = "(" * 200 + "closeness" + ")" * 200
    try:
        parse_condition(source)
    except ConditionSyntaxError as exc:
        assert f"nest more than {MAX_NESTING} deep" in str(exc)
    else:
        raise AssertionError("the condition should be refused")


def test_deep_conditions_in_a_file_are_reported_with_their_place(tmp_path):
    scene = chain(2, "choices").replace("[{text: Go on., goto: n1",
                                        "[{if: " + "not " * 100 + "closeness, text: Go on., goto: n1")
    messages = [str(d) for d in validate_everything(write(tmp_path, scene))]
    assert any("nest more than" in m and ":7:" in m for m in messages), messages


def test_a_thousand_chained_route_nodes_load(tmp_path):
    entry = load_entry(write(tmp_path, chain(1000, "route")))
    assert entry.scene is not None, entry.diagnostics[:3]


def test_a_route_loop_at_the_end_of_a_long_chain_is_still_found(tmp_path):
    looped = chain(1500, "route").replace("goto: n1500}", "goto: n0}")
    messages = [d.message for d in validate_everything(write(tmp_path, looped))]
    assert any("can loop through route nodes forever" in m for m in messages)


def test_the_branch_map_of_a_3000_node_scene_is_built(tmp_path):
    for kind in ("choices", "goto"):
        entry = load_entry(write(tmp_path, chain(3000, kind)))
        assert entry.scene is not None
        assert map_size(branch_map(entry.scene, set(), set())) == 3001
        validate_everything(tmp_path / "long.yaml")


def test_lines_per_node_have_a_validated_limit(tmp_path):
    """Defect 6: 10,000 narration lines froze the screen; a node may show at most 60."""
    from game.engine.scene.fields import MAX_LINES_PER_NODE

    lines = ", ".join(f"Line {i}." for i in range(MAX_LINES_PER_NODE + 1))
    scene = chain(1, "goto").replace("lines: [Step 0.]", f"lines: [{lines}]")
    messages = [str(d) for d in validate_everything(write(tmp_path, scene))]
    assert any(f"at most {MAX_LINES_PER_NODE} lines" in m for m in messages), messages
    fits = chain(1, "goto").replace("lines: [Step 0.]", "lines: [" + lines.rsplit(", ", 1)[0] + "]")
    assert load_entry(write(tmp_path, fits)).scene is not None
