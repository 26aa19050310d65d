"""`pathways text`, driven through real pipes in a subprocess, as a script or a screen reader would."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from game.records import Records
from game.text.start import RESTARTED
from tests.conftest import MINIMAL_SCENE, TWO_ROLE_SCENE

INJECTION = "[x](javascript:alert(1)) <script>alert(1)</script>"


def text_mode(args: list[str], typed: str, scenes: Path | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "game"] + (["--scenes", str(scenes)] if scenes else []) + ["text", *args]
    return subprocess.run(command, input=typed.encode(), capture_output=True, timeout=60)


def out(done: subprocess.CompletedProcess) -> str:
    assert b"Traceback" not in done.stderr + done.stdout
    return done.stdout.decode()


@pytest.fixture
def scenes(tmp_path: Path) -> Path:
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(MINIMAL_SCENE)
    (folder / "duet.yaml").write_text(TWO_ROLE_SCENE)
    return folder


def test_a_scene_played_by_pipe_to_its_ending(scenes: Path) -> None:
    done = text_mode(["tiny"], "1\n\n", scenes)
    shown = out(done)
    assert done.returncode == 0
    assert "Kim: Hello.\n" in shown
    assert "1. Ask how Kim is.\n2. Complain about the mess.\n" in shown
    assert "You chose: Ask how Kim is." in shown
    assert "Showed: Direct communication and conflict skills plus 2." in shown
    assert "Ending: Close\nYou reached each other." in shown
    assert "Closeness plus 2 out of 10." in shown
    assert "Direct communication and conflict skills plus 2." in shown
    assert "No traps this time." in shown
    with Records.open() as records:
        assert [(a.status, a.ending_title) for a in records.attempts("tiny")] == [("finished", "Close")]


def test_the_same_input_plays_the_same_path_every_time(scenes: Path) -> None:
    first, second = (text_mode(["tiny"], "2\n1\n\n", scenes) for _ in range(2))
    assert out(first) == out(second)  # finished: nothing was left to begin again from
    assert "Ending: Close" in out(first)


def test_output_has_no_escape_bytes_unless_colour_is_asked_for(scenes: Path) -> None:
    plain = text_mode(["tiny"], "1\n\n", scenes)
    coloured = text_mode(["tiny", "--colour"], "1\n\n", scenes)
    assert b"\x1b" not in plain.stdout + plain.stderr
    assert b"\x1b[1m" in coloured.stdout


def test_end_of_input_keeps_the_place_and_resume_goes_on(scenes: Path) -> None:
    left = text_mode(["tiny"], "2\n", scenes)
    assert left.returncode == 0
    assert "End of input. Your place is kept." in out(left)
    with Records.open() as records:
        assert [len(s.path) for s in records.saves()] == [1]
    resumed = text_mode(["tiny", "--resume"], "1\n\n", scenes)
    shown = out(resumed)
    assert "Going on from where you left off." in shown
    assert "2. Complain" not in shown.split("Going on")[1]  # the once-only choice stays taken
    assert "Ending: Close" in shown
    with Records.open() as records:
        assert records.saves() == []


def test_at_a_terminal_a_kept_place_asks_whether_to_resume(scenes: Path) -> None:
    text_mode(["tiny"], "2\n", scenes)
    keyboard, terminal = pty.openpty()  # stdin is a terminal: a person is typing
    try:
        game = subprocess.Popen([sys.executable, "-m", "game", "--scenes", str(scenes), "text", "tiny"],
                                stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.write(keyboard, b"maybe\nresume\nquit\n")
        shown, errors = game.communicate(timeout=60)
    finally:
        os.close(keyboard)
        os.close(terminal)
    assert game.returncode == 0 and b"Traceback" not in errors
    text = shown.decode()
    assert "You left this scene in the middle, 1 step in. Type resume to go on from there" in text
    assert "Type resume or restart." in text
    assert "Going on from where you left off." in text
    assert "> " in text  # a prompt, for a person at a terminal


def test_bad_input_gets_a_one_line_hint(scenes: Path) -> None:
    done = text_mode(["tiny"], "7\nwhat now\n\n1\n\n", scenes)
    shown = out(done)
    hint = "Type a number from 1 to 2, or one of: back, history, help, feedback, quit.\n"
    assert shown.count(hint) == 3
    assert "Ending: Close" in shown and done.returncode == 0


def test_words_back_history_help_feedback_and_quit(scenes: Path) -> None:
    done = text_mode(["tiny"], "help\n2\nhistory\nback\nfeedback\n1\nquit\n", scenes)
    shown = out(done)
    assert "back      go back one choice" in shown
    assert "So far\nA room.\nKim: Hello.\nYou chose: Complain about the mess." in shown
    assert "Back to before the last choice." in shown
    assert "Feedback now waits until the end." in shown
    after_toggle = shown.split("Feedback now waits")[1]
    assert "You chose: Ask how Kim is." in after_toggle and "Showed:" not in after_toggle
    assert shown.rstrip().endswith("Your place is kept. To go on later, run the same command with --resume.")
    assert done.returncode == 0


def test_together_by_pipe_with_names_that_look_like_markup(scenes: Path) -> None:
    done = text_mode(["duet", "--together", "[b]Ana[/b]", "Ben"], "1\n1\n", scenes)
    shown = out(done)
    assert "[b]Ana[/b]'s turn, playing Alex." in shown
    assert "Ben's turn, playing Sam." in shown
    assert "[b]Ana[/b] chose: Say you missed Sam today." in shown
    assert "Feedback for Ben:" in shown
    assert "Ending: Close" in shown
    assert "Attitudes and skills for [b]Ana[/b]" in shown and "Traps for Ben" in shown
    with Records.open() as records:
        [attempt] = records.attempts("duet")
    assert attempt.players == ("[b]Ana[/b]", "Ben")


def test_together_resumes_with_the_same_two_people(scenes: Path) -> None:
    left = text_mode(["duet", "--together", "Ana", "Ben"], "1\n", scenes)
    assert "End of input. Your place is kept." in out(left)
    resumed = out(text_mode(["duet", "--resume"], "1\n", scenes))
    assert "Going on from where you left off.\n" in resumed
    assert "Ben's turn, playing Sam." in resumed and "Ending: Close" in resumed


def test_resume_with_nothing_kept_starts_at_the_beginning(scenes: Path) -> None:
    shown = out(text_mode(["tiny", "--resume"], "1\n\n", scenes))
    assert "There is no kept place in this scene; starting from the beginning." in shown
    assert "Ending: Close" in shown


def test_without_a_scene_the_scenes_are_listed_by_number(scenes: Path) -> None:
    done = text_mode([], "2\n1\n\n", scenes)
    shown = out(done)
    assert "1. Duet (duet)" in shown and "2. Tiny (tiny), about" in shown
    assert "Ending: Close" in shown


def test_an_unknown_scene_is_one_clear_line(scenes: Path) -> None:
    done = text_mode(["nowhere"], "", scenes)
    assert done.returncode == 1
    assert done.stderr.decode().strip().count("\n") == 0
    assert "No scene called 'nowhere'" in done.stderr.decode()


def test_a_shipped_scene_plays_the_same_path_every_time() -> None:
    first, second = (text_mode(["rain-check"], "1\n3\n2\n") for _ in range(2))
    assert first.returncode == second.returncode == 0
    assert out(second).replace(RESTARTED + "\n", "") == out(first)  # the second run says it began again
    assert RESTARTED in out(second)
    assert "End of input. Your place is kept." in out(first)


def test_transcript_is_written_at_the_ending_and_is_inert(scenes: Path, tmp_path: Path) -> None:
    (scenes / "tiny.yaml").write_text(MINIMAL_SCENE.replace("      - kim: Hello.", f"      - kim: '{INJECTION}'"))
    target = tmp_path / "kept" / "tiny.md"
    done = text_mode(["tiny", "--transcript", str(target)], "1\n\n", scenes)
    assert f"Transcript saved to {target}." in out(done)
    markdown = target.read_text()
    assert "**You chose:** Ask how Kim is\\." not in markdown  # periods are left alone
    assert "**You chose:** Ask how Kim is." in markdown
    assert "\\[x\\](javascript:alert(1)) \\<script\\>" in markdown
    again = text_mode(["tiny", "--transcript", str(target)], "1\n\n", scenes)
    assert again.returncode == 2 and "exists already" in again.stderr.decode()
    assert target.read_text() == markdown
