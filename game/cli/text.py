"""`pathways text`: play line by line, for screen readers, slow links and scripts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.cli.output import say
from game.engine.play.seating import clean_name
from game.engine.scene.catalogue import default_catalogue
from game.engine.scene.text import printable
from game.records import Records
from game.text.console import Console
from game.text.play import TextPlay
from game.text.shelf import NoSuchScene, find_scene, list_scenes, playable
from game.text.start import Resume, start_session

RESUME_HINT = "To go on later, run the same command with --resume."


def play_text(folder: Path, scene_name: str | None, together: list[str] | None, transcript: Path | None,
              colour: bool, wanted: Resume | None) -> int:
    """Every step is saved as it is taken, so stopping at any moment keeps the place."""
    try:
        return play(folder, scene_name, together, transcript, colour, wanted)
    except KeyboardInterrupt:
        say(f"\nStopped. Your place is kept. {RESUME_HINT}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped reading (as `| head` does): stop quietly too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def play(folder: Path, scene_name: str | None, together: list[str] | None, transcript: Path | None,
         colour: bool, wanted: Resume | None) -> int:
    console = Console(sys.stdout, sys.stdin, colour=colour, interactive=sys.stdin.isatty())
    if transcript is not None and transcript.expanduser().exists():
        say(f"{printable(transcript)}: error: the file exists already; choose another name for the transcript",
              file=sys.stderr)
        return 2
    catalogue = default_catalogue()
    with Records.open() as records:
        if records.notice:
            say(printable(records.notice), file=sys.stderr)
        entries = playable(folder, catalogue)
        if scene_name is None:
            list_scenes(console, entries, {save.scene_id for save in records.saves()})
            console.say("Type a scene's number to play it, or quit.")
            scene_name = pick(console, len(entries))
            if scene_name is None:
                return 0
        try:
            scene = find_scene(scene_name, entries, catalogue)
        except NoSuchScene as problem:
            say(problem, file=sys.stderr)
            return 1
        names = (clean_name(together[0], "Player 1"), clean_name(together[1], "Player 2")) if together else None
        console.heading(scene.title)
        if scene.content_notes:
            console.say("Content notes: " + ", ".join(scene.content_notes) + ".")
        session = start_session(console, records, scene, catalogue, names,
                                wanted or ("ask" if console.interactive else "restart"))
        if session is None:
            return 0
        show_feedback = bool(records.get_setting("show_feedback", True))
        return TextPlay(console, session, show_feedback, transcript, RESUME_HINT).run()


def pick(console: Console, count: int) -> str | None:
    while True:
        answer = console.ask()
        if answer is None or answer.lower() in ("quit", "q"):
            return None
        if answer.isdigit() and 1 <= int(answer) <= count:
            return answer
        console.say(f"Type a number from 1 to {count}, or quit.")
