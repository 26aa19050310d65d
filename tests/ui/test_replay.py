"""Rewind, the history panel, the branch map, compare, try-again, resume and progress."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from game.records import Records
from game.ui.screens.branch_map import BranchMapScreen
from game.ui.screens.compare import CompareScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.progress import ProgressScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.safe_tree import SafeTree
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import (
    keys,
    make_app,
    scene_folder,
    screen_text,
    start_first_scene,
)


async def test_rewind_by_key_restores_the_state_and_keeps_the_abandoned_branch(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "3")  # complain: loops back to the first node
        play = app.screen
        recorded = play.playthrough.states[1]
        await keys(pilot, "1")  # ask
        assert play.playthrough.state.node == "asked"
        await keys(pilot, "b")
        assert play.playthrough.state == recorded
        assert "Ask how Kim is." in screen_text(app)  # the choices are offered again
        await keys(pilot, "2")  # leave it: a different answer than before
        attempts = app.records.attempts("tiny")
        assert [a.status for a in attempts] == ["abandoned", "finished"]
        assert attempts[0].path[-1].node == "first" and attempts[0].path[-1].choice == "1"


async def test_picking_a_choice_in_the_history_returns_to_that_moment(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "3", "1")
        play = app.screen
        start = play.playthrough.states[0]
        await keys(pilot, "h")
        history = app.screen.query_one("#history", OptionList)
        assert not history.has_class("hidden") and history.has_focus
        entries = [str(history.get_option_at_index(i).prompt) for i in range(history.option_count)]
        assert "Kim: Hello." in entries and "↶ Complain about the mess." in entries
        history.highlighted = entries.index("↶ Complain about the mess.")
        await keys(pilot, "enter")
        assert play.playthrough.state == start
        assert len(play.playthrough.states) == 1


async def test_branch_map_marks_what_was_played_and_jumps(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "1")  # ask, continue, see the ending
        assert isinstance(app.screen, EndingScreen)
        await keys(pilot, "m")
        assert isinstance(app.screen, BranchMapScreen)
        tree = app.screen.query_one(SafeTree)
        labels = []

        def walk(node) -> None:
            labels.append(str(node.label))
            for child in node.children:
                walk(child)

        walk(tree.root)
        assert "» Ask how Kim is." in labels  # chosen on the path being played
        assert "· Leave it for today." in labels
        assert "⇒ you are here: ★ Ending: Close" in labels
        assert "? An ending you have not found" in labels
        tree.move_cursor(tree.root)
        await keys(pilot, "j")
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.playthrough.state.node == "first"
        assert app.screen.playthrough.state.path == ()


async def test_compare_two_attempts_and_endings_found_in_picker(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "1")  # the close ending
        await keys(pilot, "r")
        await keys(pilot, "2", "1")  # leave it: the calm ending
        assert isinstance(app.screen, EndingScreen)
        await keys(pilot, "c")
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "Calm" in text and "Close" in text
        assert "Closeness" in text and "Individuality" in text
        assert "Then, at “A room.”" in text
        assert "this attempt:  Leave it for today." in text
        assert "the other:     Ask how Kim is." in text
        await keys(pilot, "escape", "s")
        assert isinstance(app.screen, ScenePickerScreen)
        assert "Endings found: 2 of 2 · 2 attempts · best closeness +2" in screen_text(app)


async def test_try_a_different_response_goes_back_to_the_turning_point(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "2", "1")  # leave it: the calm ending, closeness 0
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "instead of “Leave it for today.”" in text
        assert "answering “Ask how Kim is.” could have reached closeness +2" in text
        await keys(pilot, "t")
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.playthrough.state.node == "first"
        await keys(pilot, "1", "1", "1")
        assert "Ending: Close" in screen_text(app)


async def test_quit_mid_scene_then_resume_after_a_restart(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "3")
        await keys(pilot, "ctrl+q", "y")
    again = make_app(folder)
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(again.screen, TitleScreen)
        assert "Resume: Tiny" in screen_text(again)
        await keys(pilot, "enter")
        assert isinstance(again.screen, PlayScreen)
        path = again.screen.playthrough.state.path
        assert [(s.node, s.choice) for s in path] == [("first", "3")]
        assert "Complain about the mess." in screen_text(again)


async def test_picker_offers_resume_or_start_over(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "3", "escape")
        await keys(pilot, "down", "down", "down", "enter")  # pause menu: back to scenes
        assert isinstance(app.screen, ScenePickerScreen)
        await keys(pilot, "enter")
        assert "You left “Tiny” in the middle, after 1 step." in screen_text(app)
        await keys(pilot, "s")
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.playthrough.state.path == ()
        assert [a.status for a in app.records.attempts("tiny")] == ["abandoned"]
        assert app.records.load_save("tiny") is None


async def test_resume_after_the_scene_file_was_edited(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "3", "ctrl+q", "y")
    # The author removes the choice the save went through.
    text = TWO_ENDINGS_SCENE.replace("      - text: Complain about the mess.\n", "      - text: Sigh.\n        id: sigh\n")
    (folder / "scene.yaml").write_text(text)
    again = make_app(folder)
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        await keys(pilot, "enter")
        assert isinstance(again.screen, PlayScreen)
        assert again.screen.playthrough.state.path == ()
        assert any("changed since you left it" in n.message for n in again._notifications)


async def test_progress_view_charts_each_dimension(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "1", "r", "2", "1", "s", "escape", "g")
        assert isinstance(app.screen, ProgressScreen)
        text = screen_text(app)
        assert "Across 2 finished attempts" in text
        assert "Closeness" in text and "+2 → 0" in text
        assert "Direct communication and conflict skills" in text and "+2 → 0" in text


async def test_records_survive_a_restart(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "f", "1", "1", "1")
    records = Records.open()
    try:
        assert [a.ending for a in records.attempts("tiny")] == ["close"]
        assert records.get_setting("show_feedback") is False
    finally:
        records.close()
    again = make_app(folder)
    async with again.run_test(size=(80, 24)):
        assert again.show_feedback is False


def all_nodes(node):
    yield node
    for child in node.children:
        yield from all_nodes(child)


def ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def forty_node_scene() -> str:
    """A branching scene of 41 nodes: 20 choice nodes of 2 choices each, and 21 endings."""
    lines = ["id: big", "title: Big", "roles:", "  you: {name: You, playable: true}", "start: n0", "nodes:"]
    for index in range(20):
        lines += [f"  n{index}:", f"    lines: ['Moment {index} of a long scene.']", "    choices:"]
        for side in (1, 2):
            child = 2 * index + side
            target = f"n{child}" if child < 20 else f"e{child}"
            lines += [f"      - text: Option {side} at moment {index}", f"        goto: {target}",
                      "        scores: {view_conflict: 1}"]
    for child in range(20, 41):
        lines += [f"  e{child}:", f"    ending: {{title: Ending {child}, reflection: Done.}}"]
    return "\n".join(lines) + "\n"


async def test_branch_map_of_a_forty_node_scene_fits_80x24(tmp_path: Path) -> None:
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "big.yaml").write_text(forty_node_scene())
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "2", "m")
        assert isinstance(app.screen, BranchMapScreen)
        tree = app.screen.query_one(SafeTree)
        here = [n for n in all_nodes(tree.root) if "you are here" in str(n.label)]
        assert len(here) == 1 and all(a.is_expanded for a in ancestors(here[0]))  # unfolded
        unplayed = [n for n in all_nodes(tree.root) if str(n.label).startswith("· ")]
        assert unplayed and not any(n.is_expanded for n in unplayed)  # the rest is folded
        for _ in range(60):  # the whole map can be walked with the keyboard
            await pilot.press("down")
        await pilot.press("home", "space")
        await pilot.pause()
        assert tree.cursor_node is tree.root
