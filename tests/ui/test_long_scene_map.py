"""The branch map of a scene thousands of moments long opens, and can be walked (defect 3)."""

from __future__ import annotations

from pathlib import Path

from game.ui.screens.branch_map import MAX_FORKS, BranchMapScreen
from game.ui.widgets.safe_tree import SafeTree
from tests.engine.test_long_scenes import chain
from tests.ui.helpers import keys, make_app, start_first_scene


def forks(count: int) -> str:
    """Every moment offers a way on and a way out: forks inside forks, ``count`` deep."""
    out = ["id: forks", "title: Forks", "roles:", "  you: {name: You, playable: true}",
           "start: n0", "nodes:", "  out: {ending: {title: Out, reflection: Left.}}"]
    out += [f"  n{i}: {{lines: [Step {i}.], choices: [{{text: On., goto: n{i + 1}}}, "
            f"{{text: Out., goto: out}}]}}" for i in range(count)]
    out += [f"  n{count}: {{ending: {{title: End, reflection: Done.}}}}"]
    return "\n".join(out) + "\n"


def tree_nodes(root):
    todo, found = [root], []
    while todo:
        node = todo.pop()
        found.append(node)
        todo += list(node.children)
    return found


async def open_map(tmp_path: Path, text: str):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "long.yaml").write_text(text)
    return make_app(folder)


async def test_a_3000_moment_scene_map_opens_as_a_list(tmp_path: Path) -> None:
    app = await open_map(tmp_path, chain(3000, "choices"))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "m")
        assert isinstance(app.screen, BranchMapScreen)
        tree = app.screen.query_one(SafeTree)
        assert len(tree.root.children) == 2 * 3000  # each choice and each moment, one list
        await keys(pilot, "end", "up", "pageup", "escape")
        assert not isinstance(app.screen, BranchMapScreen)


async def test_forks_inside_forks_stop_nesting_with_a_note(tmp_path: Path) -> None:
    app = await open_map(tmp_path, forks(1200))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "m")
        tree = app.screen.query_one(SafeTree)
        notes = [n for n in tree_nodes(tree.root) if "no more forks this deep" in str(n.label)]
        assert len(notes) == 1
        depth, node = 0, notes[0]
        while node.parent is not None:
            depth, node = depth + 1, node.parent
        assert depth <= 2 * MAX_FORKS + 1
        for node in tree_nodes(tree.root):
            node.expand()  # even unfolded completely, the tree draws
        await keys(pilot, "end", "home")
        assert isinstance(app.screen, BranchMapScreen)
