"""Issue 13: who you are, how it is going, fitting every terminal, notices, long names, the
branch map's path, and honest test plays. Each checked at the size it is about."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static
from textual.widgets._toast import Toast

from game.records import Records
from game.ui.app import PathwaysApp
from game.ui.screens.branch_map import BranchMapScreen
from game.ui.screens.compare import CompareScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.names import NamesScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.progress import ProgressScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.too_small import TooSmallScreen
from game.ui.widgets.charts import ScoreChart
from game.ui.widgets.safe_tree import SafeTree
from game.ui.widgets.transcript import NAME_WIDTH, Transcript
from tests.conftest import TWO_ENDINGS_SCENE, TWO_ROLE_SCENE
from tests.ui.helpers import (
    keys,
    make_app,
    open_picker,
    scene_folder,
    screen_text,
    start_first_scene,
)

FOUR_CHOICES = TWO_ENDINGS_SCENE.replace(
    "      - text: Leave it for today.\n",
    "      - text: '\"It''ll be lovely.\" Fold your own wish away.'\n"
    "        goto: decide\n"
    "      - text: Shrug.\n"
    "        goto: decide\n"
    "      - text: Leave it for today.\n",
)


def painted(app: PathwaysApp) -> str:
    """What the terminal shows for the current screen, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def fully_inside(widget, app: PathwaysApp) -> bool:
    region = widget.region
    return region.height > 0 and region.bottom <= app.size.height and region.right <= app.size.width


async def choose_option(pilot, app, option_id: str) -> None:
    """Highlight the option with ``option_id`` in the current screen's menu, and take it."""
    menu = app.screen.query_one(OptionList)
    ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
    await keys(pilot, *["down"] * ids.index(option_id), "enter")


# -- 1. whose voice ----------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_solo_play_of_a_two_role_scene_says_whose_voice(tmp_path: Path, size) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=size) as pilot:
        await open_picker(app, pilot)
        assert "Alone, you play both Alex and Sam." in screen_text(app)
        await keys(pilot, "enter")
        assert isinstance(app.screen, PlayScreen)
        assert "You play both Alex and Sam" in screen_text(app)
        assert "As Alex:" in painted(app)
        await keys(pilot, "1")
        assert "As Sam:" in painted(app) and "As Alex:" not in painted(app)


# -- 2. the meter line ---------------------------------------------------------------------------

async def test_meter_line_moves_with_symbols_and_can_be_hidden(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    app = make_app(folder)
    async with app.run_test(size=(60, 20)) as pilot:
        await start_first_scene(app, pilot)
        assert "Closeness 0 =  Harmony 0 =" in painted(app)  # on by default
        await keys(pilot, "escape")
        assert isinstance(app.screen, PauseScreen)
        await choose_option(pilot, app, "meters")
        assert "Closeness" not in painted(app)
        await keys(pilot, "escape")
        await choose_option(pilot, app, "meters")
        await keys(pilot, "1")  # ask: closeness +2; now at a Continue
        assert "Closeness +2 ▲  Harmony 0 =" in painted(app)
        await keys(pilot, "escape")
        await choose_option(pilot, app, "meters")
    again = make_app(folder)  # the choice is remembered
    async with again.run_test(size=(60, 20)) as pilot:
        await start_first_scene(again, pilot)
        assert again.meter_line is False and "Closeness" not in painted(again)


# -- 3. stage directions -------------------------------------------------------------------------

async def test_a_chosen_line_shows_its_stage_direction_as_a_direction(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, FOUR_CHOICES))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "2")
        entry = [e for e in app.screen.query_one(Transcript).entries if e.chosen][-1]
        content = entry.body
        assert str(content) == '"It\'ll be lovely."\n(Fold your own wish away.)'
        direction = [s for s in content.spans if "italic" in str(s.style)]
        assert direction and str(content)[direction[0].start:direction[0].end] == "(Fold your own wish away.)"
        assert "(Fold your own wish away.)" in painted(app)


# -- 4. every terminal ---------------------------------------------------------------------------

async def test_40x12_title_play_and_theatre_are_usable(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, FOUR_CHOICES))
    async with app.run_test(size=(40, 12)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = painted(app)
        assert "Play alone" in shown and "Quit" in shown  # the whole menu, art dropped
        await open_picker(app, pilot)
        await keys(pilot, "enter")
        play = app.screen
        assert isinstance(play, PlayScreen)
        assert play.query_one("#transcript").region.height >= 2  # the latest lines have rows
        assert "4. Leave it for today." in painted(app)  # every choice in view
        assert not play.query_one("#play-header").display or play.query_one("#play-header").region.height == 0
        await keys(pilot, "1", "b")  # a notice takes rows from the transcript, not the choices
        assert "ℹ Back one choice" in painted(app) and "4. Leave it for today." in painted(app)
        assert play.query_one("#choices").region.bottom <= app.size.height - 1
        await keys(pilot, "escape", "escape")
    (tmp_path / "t").mkdir()
    theatre_app = make_app(scene_folder(tmp_path / "t", FOUR_CHOICES))
    async with theatre_app.run_test(size=(40, 12)) as pilot:
        await keys(pilot, "u", "enter")
        theatre = theatre_app.screen
        assert theatre.query_one("#puppet-art").region.height == 0  # the art goes first
        assert theatre.query_one("#line-prompt").region.height > 0


async def test_40x12_together_dialog_shows_both_name_fields(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(40, 12)) as pilot:
        await keys(pilot, "t")
        assert isinstance(app.screen, NamesScreen)
        for field in app.screen.query(Input):
            assert fully_inside(field, app)
        assert fully_inside(app.screen.query_one("#start"), app)


async def test_below_40x12_the_game_asks_for_a_bigger_window(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Make the window at least 40×12" in painted(app)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_60x20_ending_charts_footer_and_progress_fit(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(60, 20)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "1")
        ending = app.screen
        assert isinstance(ending, EndingScreen)
        chart = ending.query_one(ScoreChart)
        assert chart.region.height == len(ending.playthrough.summary().scores)  # no bar wraps
        footer = painted(app).splitlines()[-1]
        assert " s Scenes" in footer and " q Quit" in footer
        await keys(pilot, "g")
        assert isinstance(app.screen, ProgressScreen)
        for change in app.screen.query(".progress-change"):
            text = str(change.visual)
            assert text and fully_inside(change, app) or change.region.height == 0
            assert change.region.width >= len(text)


# -- 5. notices never cover the choices ------------------------------------------------------------

async def test_notices_sit_in_their_own_line_not_over_the_choices(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "b")
        play = app.screen
        notice = play.query_one("#notice", Static)
        assert notice.region.height > 0 and "Back one choice" in str(notice.visual)
        choices = play.query_one("#choices").region
        assert not notice.region.overlaps(choices)
        for toast in play.query(Toast):
            assert toast.region.height == 0 or not toast.region.overlaps(choices)
        await keys(pilot, "f")
        assert "Feedback is now shown only at the end" in str(notice.visual)


# -- 6. long names ----------------------------------------------------------------------------

async def test_long_marked_up_names_keep_the_speaker_column(tmp_path: Path) -> None:
    long_one, long_two = "[b]Alexandria-Jose[/b]", "Bartholomew Smythe"
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "t")
        assert "shortened" in screen_text(app)  # the dialog says so
        await keys(pilot, *long_one, "enter", *long_two, "enter")
        await app.workers.wait_for_complete()
        await keys(pilot, "enter", "enter")  # the scene, then the intro
        await keys(pilot, "1")
        play = app.screen
        entry = [e for e in play.query_one(Transcript).entries if e.chosen][-1]
        label = entry.name
        assert label.endswith("…") and label.startswith("◆ [b]Alex")
        assert len(label) < NAME_WIDTH  # the speaker column keeps a space before the line
        assert f"{label} " in painted(app)
        await keys(pilot, "enter", "enter", "1", "1")
        assert isinstance(app.screen, DebriefScreen)
        titles = list(app.screen.query(".person-name"))
        assert len({t.region.height for t in titles}) == 1 and titles[0].region.height == 1


# -- 7. the branch map ---------------------------------------------------------------------------

async def test_branch_map_shows_the_played_path_unfolded_with_you_are_here(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "2", "1")  # leave it: the route picks the calm ending
        assert isinstance(app.screen, EndingScreen)
        await keys(pilot, "m")
        assert isinstance(app.screen, BranchMapScreen)
        tree = app.screen.query_one(SafeTree)
        here = tree.cursor_node
        assert "⇒ you are here: " in str(here.label) and "Calm" in str(here.label)
        node = here.parent
        while node is not None:
            assert node.is_expanded
            node = node.parent
        shown = painted(app)
        assert "⇒ you are here: ★ Ending: Calm" in shown
        assert "closeness >=" not in shown
        ask = tree.root.children[0]
        assert "Ask how Kim is." in str(ask.label) and not ask.is_expanded  # the rest folded


# -- 8. progress, scenes after Resume, the compare header ---------------------------------------

async def test_g_works_while_playing_and_s_after_resume_goes_to_the_picker(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    first = make_app(folder)
    async with first.run_test(size=(80, 24)) as pilot:
        await start_first_scene(first, pilot)
        await keys(pilot, "g")
        assert isinstance(first.screen, ProgressScreen)
        await keys(pilot, "escape", "1")
    again = make_app(folder)
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await keys(pilot, "enter")  # Resume: Tiny
        assert isinstance(again.screen, PlayScreen)
        await keys(pilot, "1", "1")
        assert isinstance(again.screen, EndingScreen)
        await keys(pilot, "s")
        assert isinstance(again.screen, ScenePickerScreen)
        await keys(pilot, "escape")
        assert isinstance(again.screen, TitleScreen)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_compare_header_counts_one_other_attempt(tmp_path: Path, size) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=size) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "1", "r", "2", "1")
        await keys(pilot, "g")
        assert isinstance(app.screen, ProgressScreen)
        await keys(pilot, "escape", "c")
        assert isinstance(app.screen, CompareScreen)
        title = str(app.screen.query_one("#compare-title", Static).visual)
        assert title == "Tiny: this attempt and 1 other attempt"
        table = app.screen.query_one("#compare-table", Static)
        assert table.region.height == len(str(table.visual).splitlines())  # no row wraps


# -- 10-13. test plays and settings --------------------------------------------------------------

def write(path: Path, text: str) -> None:
    path.write_text(text)
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


async def test_saving_on_the_ending_keeps_the_ending(tmp_path: Path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(TWO_ENDINGS_SCENE)
    app = PathwaysApp(scenes_folder=tmp_path, records=Records.scratch(), scene_file=path, watch=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "1", "1", "1")
        assert isinstance(app.screen, EndingScreen)
        write(path, TWO_ENDINGS_SCENE.replace("You reached each other.", "You met in the middle."))
        app.reload_if_saved()
        await pilot.pause()
        assert isinstance(app.screen, EndingScreen)
        assert "You met in the middle." in screen_text(app)
        assert app.screen.playthrough.state.node == "close"
        more = TWO_ENDINGS_SCENE.replace(
            "    ending: {title: Close, reflection: You reached each other.}",
            "    lines: [Kim smiles.]\n    choices:\n      - text: Smile back.\n        goto: calm")
        write(path, more)  # the scene now goes on after that moment
        app.reload_if_saved()
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)  # the same moment, not a restart
        assert app.screen.playthrough.state.node == "close"
        assert len(app.screen.playthrough.state.path) == 2  # both steps kept


async def test_test_plays_say_they_are_not_kept_and_offer_no_other_file(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text(TWO_ROLE_SCENE)
    path = tmp_path / "tiny.yaml"
    path.write_text(TWO_ENDINGS_SCENE)
    app = PathwaysApp(scenes_folder=tmp_path, records=Records.scratch(), scene_file=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await keys(pilot, "1")
        await keys(pilot, "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert "not kept" in text and "resume it" not in text
        assert [e.scene.id for e in app.library] == ["tiny"]


async def test_the_theme_is_remembered(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    first = make_app(folder)
    async with first.run_test(size=(80, 24)) as pilot:
        first.theme = "nord"
        await pilot.pause()
    again = make_app(folder)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord"


async def test_the_resumed_notice_shows_on_the_play_screen(tmp_path: Path) -> None:
    folder = scene_folder(tmp_path, TWO_ENDINGS_SCENE)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "3", "ctrl+q", "y")
    (folder / "scene.yaml").write_text(TWO_ENDINGS_SCENE.replace("      - text: Complain about the mess.\n",
                                                                 "      - text: Sigh.\n        id: sigh\n"))
    again = make_app(folder)
    async with again.run_test(size=(80, 24)) as pilot:
        await again.workers.wait_for_complete()
        await keys(pilot, "enter")
        assert isinstance(again.screen, PlayScreen)
        notice = again.screen.query_one("#notice", Static)
        assert notice.region.height > 0 and "changed since you left it" in str(notice.visual)
