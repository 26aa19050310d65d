"""The shipped scenes for two roles: real choices for each role, interaction, and a closest
ending that needs both people."""

from __future__ import annotations

import pytest

from game.engine.library import load_library
from game.engine.play import runner
from game.engine.scene.conditions import Name
from game.paths import scenes_dir

TWO_ROLE = [e.scene for e in load_library([scenes_dir()]) if e.scene and len(e.scene.playable_roles) == 2]


def test_three_scenes_are_written_for_two_roles() -> None:
    assert len(TWO_ROLE) >= 3


@pytest.mark.parametrize("scene", TWO_ROLE, ids=lambda s: s.id)
def test_size_and_endings(scene) -> None:
    assert 12 <= len(scene.nodes) <= 30
    assert len(scene.endings()) >= 3
    assert scene.prompts


@pytest.mark.parametrize("scene", TWO_ROLE, ids=lambda s: s.id)
def test_each_role_faces_real_choices(scene) -> None:
    for role in scene.playable_roles:
        nodes = [n for n in scene.nodes.values() if n.choices and scene.chooser(n) == role.id]
        assert len(nodes) >= 3, role.id
        assert all(len(n.choices) >= 2 for n in nodes)


def _variables_set_by(scene, role_id: str) -> set[str]:
    return {name for n in scene.nodes.values() if n.choices and scene.chooser(n) == role_id
            for c in n.choices for name in c.effect.set}


def _variables_read_by(scene, role_id: str) -> set[str]:
    read: set[str] = set()
    for node in scene.nodes.values():
        if not node.choices or scene.chooser(node) != role_id:
            continue
        for condition in [c.condition for c in node.choices] + [l.condition for l in node.lines]:
            if condition is not None:
                read |= {n.name for n in condition.names() if isinstance(n, Name)}
    return read


@pytest.mark.parametrize("scene", TWO_ROLE, ids=lambda s: s.id)
def test_what_one_says_changes_what_the_other_can_say(scene) -> None:
    first, second = (r.id for r in scene.playable_roles)
    assert _variables_set_by(scene, first) & _variables_read_by(scene, second)
    assert _variables_set_by(scene, second) & _variables_read_by(scene, first)


@pytest.mark.parametrize("scene", TWO_ROLE, ids=lambda s: s.id)
def test_the_closest_ending_needs_both_people(scene) -> None:
    endings: list[tuple[int, str, frozenset[str]]] = []

    def walk(state, roles: frozenset[str]) -> None:
        if runner.is_over(scene, state):
            endings.append((state.meters["closeness"], state.node, roles))
            return
        node = runner.current_node(scene, state)
        for choice in runner.available_choices(scene, state):
            chose = {scene.chooser(node)} if choice.key != "continue" and choice.effect.is_scored else set()
            walk(runner.choose(scene, state, choice.key), roles | chose)

    walk(runner.start(scene), frozenset())
    best = max(closeness for closeness, _, _ in endings)
    closest = {node for closeness, node, _ in endings if closeness == best}
    assert all(len(roles) == 2 for closeness, node, roles in endings if node in closest)
