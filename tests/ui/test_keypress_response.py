"""Issue 14, keypress: what a choice or a rewind changes on screen, and what it leaves alone.

A choice repaints the transcript and the choices without moving anything else: the list of
choices keeps its height while the choices change (it only grows, and fits afresh to a new
width), so the transcript keeps its place. A rewind is saved just after it is shown, and never
lost. (How fast this is lives in benchmarks/, never here.)
"""

from __future__ import annotations

import gc
import random
import shutil
from pathlib import Path

from game.paths import scenes_dir
from game.records import Records
from game.ui.screens.pause import PauseScreen
from game.ui.screens.play import PlayScreen
from game.ui.widgets.transcript import Transcript
from tests.ui.helpers import keys, make_app, scene_folder, start_first_scene

LONG = "So much to say about the week that it runs on and on past the edge of any narrow window, until LASTWORD."

HEIGHTS_SCENE = f"""\
id: heights
title: Heights
summary: Choices of different heights.
minutes: 1
roles:
  you: {{name: You, playable: true}}
  kim: {{name: Kim}}
start: many
nodes:
  many:
    lines:
      - kim: Three ways on.
    choices:
      - text: Go on.
        goto: one
      - text: Second way.
        goto: one
      - text: Third way.
        goto: one
  one:
    lines:
      - kim: "{LONG}"
    choices:
      - text: On to the long ones.
        goto: long
  long:
    lines:
      - kim: Four long ways on.
    choices:
{"".join(f'''      - text: "Choice {n} is a long one that wraps onto a second line at eighty columns, as long choices do."
        goto: end
''' for n in range(1, 5))}  end:
    ending: {{title: End, reflection: Done.}}
"""


def choices_height(play: PlayScreen) -> int:
    return play.query_one("#choices").region.height


async def test_the_choices_keep_their_height_and_the_transcript_its_place(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, HEIGHTS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        play = app.screen
        assert isinstance(play, PlayScreen)
        assert choices_height(play) == 3 + 2  # three one-line choices in their border
        transcript_region = play.query_one(Transcript).region
        await keys(pilot, "1")  # one choice now: the list keeps its height
        assert "1. On to the long ones." in str(play.query_one("#choices").get_option_at_index(0).prompt)
        assert choices_height(play) == 3 + 2
        assert play.query_one(Transcript).region == transcript_region
        await keys(pilot, "1")  # four choices of two lines each: it grows (up to its max-height)
        assert choices_height(play) == 4 * 2 + 2
        await keys(pilot, "b")  # back to one choice: it stays as tall
        assert choices_height(play) == 4 * 2 + 2
        await pilot.resize_terminal(60, 20)  # a new width: it fits the choices shown now
        await pilot.pause()
        await pilot.pause()
        assert choices_height(play) == 1 + 2


async def test_a_new_width_wraps_the_transcript_again_after_a_rewind(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, HEIGHTS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "b", "1", "b")  # rebuilt twice, from entries kept wrapped
        play = app.screen
        transcript = play.query_one(Transcript)
        assert transcript.text.count("LASTWORD") == 1
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        await pilot.pause()
        painted = "\n".join(strip.text for strip in play._compositor.render_strips())
        shown_words = set(painted.split())
        assert all(word in shown_words for word in LONG.split())  # wrapped anew, not cut at the old width


async def test_a_rewind_is_saved_once_shown_and_kept_if_the_game_closes_at_once(tmp_path: Path) -> None:
    app = make_app(scene_folder(tmp_path, HEIGHTS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1", "b")
        save = app.records.load_save("heights")
        assert save is not None and [step.node for step in save.path] == ["many"]
        await keys(pilot, "1", "b")  # the same notice again stays on its line
        assert "Back one choice" in str(app.screen.query_one("#notice").visual)
        assert app.screen.query_one("#notice").region.height == 1
        await keys(pilot, "1")
        play = app.screen
        assert isinstance(play, PlayScreen)
        play.action_rewind()  # and the game closes before the screen is shown again
        app.exit()
    records = Records.open()
    try:
        save = records.load_save("heights")
        assert save is not None and [step.node for step in save.path] == ["many"]
    finally:
        records.close()


async def test_the_collector_waits_for_the_frames_while_a_scene_is_in_front(tmp_path: Path) -> None:
    """Python's cyclic collector runs after a step is drawn, never inside a key, and only while
    the play screen is in front; any other screen, and the game after the scene, have it as usual."""
    assert gc.isenabled()
    app = make_app(scene_folder(tmp_path, HEIGHTS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        assert not gc.isenabled()
        await keys(pilot, "1")
        assert gc.get_count()[0] < 700  # the step's young objects were collected after its frame
        assert not gc.isenabled()
        await keys(pilot, "escape")  # the pause menu: the collector as usual
        assert isinstance(app.screen, PauseScreen) and gc.isenabled()
        await keys(pilot, "escape")
        assert isinstance(app.screen, PlayScreen) and not gc.isenabled()
        await keys(pilot, "b")
        assert not gc.isenabled()
        app.screen.action_pause()
        await pilot.pause()
        app.screen.dismiss("scenes")  # leave the scene
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, PlayScreen) and gc.isenabled()
    assert gc.isenabled()


async def test_going_back_keeps_the_transcript_before_that_moment_and_matches_a_rebuild(tmp_path: Path) -> None:
    """A rewind keeps the entries before the moment it returns to, rather than building the
    whole transcript anew; what it shows must be exactly what a rebuild shows."""
    folder = tmp_path / "scenes"
    folder.mkdir()
    shutil.copy(scenes_dir() / "rain-check.yaml", folder)
    app = make_app(folder)
    pressed = random.Random(14)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        play = app.screen
        assert isinstance(play, PlayScreen)
        transcript = play.query_one(Transcript)
        rewinds, rebuilds = 0, []
        rebuild = play.show_everything
        play.show_everything = lambda: (rebuilds.append(1), rebuild())  # type: ignore[method-assign]
        for _ in range(40):
            if play.playthrough.is_over or play.playthrough.node.puppet is not None:
                key = "b"
            else:
                key = pressed.choice(["1", "2", "b", "b"])
            await keys(pilot, key)
            if key != "b":
                continue
            rewinds += 1
            assert not rebuilds  # the rewind kept what came before, and built nothing anew
            kept = (transcript.text, [line.text for line in transcript._lines], len(transcript._starts))
            rebuild()
            await pilot.pause()
            rebuilt = (transcript.text, [line.text for line in transcript._lines], len(transcript._starts))
            assert kept == rebuilt
            assert len(transcript._starts) == len(transcript.entries)
        assert rewinds >= 10


async def test_after_the_feedback_setting_changes_going_back_builds_the_transcript_anew(tmp_path: Path) -> None:
    (tmp_path / "again").mkdir()
    app = make_app(scene_folder(tmp_path, HEIGHTS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "1")
        play = app.screen
        transcript = play.query_one(Transcript)
        assert any(entry.kind == "feedback" for entry in transcript.entries)
        await keys(pilot, "f", "b")  # feedback only at the end now: none is left in the transcript
        assert not any(entry.kind == "feedback" for entry in transcript.entries)
        assert app.show_feedback is False

    again = make_app(scene_folder(tmp_path / "again", HEIGHTS_SCENE.replace("id: heights", "id: heights-again")))
    async with again.run_test(size=(80, 24)) as pilot:
        await start_first_scene(again, pilot)
        await keys(pilot, "1", "f", "1", "1", "b")  # back to a moment first shown after the change
        transcript = again.screen.query_one(Transcript)
        kept = transcript.text
        again.screen.show_everything()
        assert transcript.text == kept


async def test_a_notice_taking_a_row_keeps_the_last_line_in_view(tmp_path: Path) -> None:
    """The rewind's notice takes a row from the transcript in the same frame; the transcript
    stays at its end (anchored), so the last line is never cut off while the notice shows."""
    lines = "".join(f"      - kim: Line {n} of a long talk, long enough to fill the screen.\n" for n in range(40))
    scene = HEIGHTS_SCENE.replace("      - kim: Three ways on.\n", lines + "      - kim: Three ways on.\n")
    app = make_app(scene_folder(tmp_path, scene))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "1", "b")
        play = app.screen
        transcript = play.query_one(Transcript)
        assert play.query_one("#notice").region.height == 1
        assert transcript.max_scroll_y > 0 and transcript.scroll_y == transcript.max_scroll_y
        painted = "\n".join(strip.text for strip in play._compositor.render_strips())
        assert "Three ways on." in painted
        transcript.scroll_home(animate=False)  # the reader scrolls up: the anchor lets go
        assert transcript._anchor_released
        transcript.scroll_to(y=transcript.max_scroll_y, animate=False)  # and back to the end
        assert not transcript._anchor_released
