"""Starting a text-mode scene: who plays, and whether to go on from a kept place."""

from __future__ import annotations

from typing import Literal

from game.engine.play.playthrough import Playthrough
from game.engine.play.seating import Seating
from game.engine.scene.catalogue import Catalogue
from game.engine.scene.model import Scene
from game.records import Records
from game.session import Session, resume
from game.text.console import Console

Resume = Literal["resume", "restart", "ask"]
RESTARTED = "Starting from the beginning. Your earlier place is kept as an unfinished attempt."


def start_session(console: Console, records: Records, scene: Scene, catalogue: Catalogue,
                  names: tuple[str, str] | None, wanted: Resume) -> Session | None:
    """A session at the beginning or at the kept place; None if input ended while asking."""
    saved = records.load_save(scene.id)
    if saved is not None and wanted == "ask":
        wanted = ask_resume(console, len(saved.path))
        if wanted is None:
            return None
    going_on = saved is not None and wanted == "resume"
    if going_on and saved is not None:  # the kept place says who was playing, as in the app
        names = (saved.players[0], saved.players[1]) if len(saved.players) == 2 else None
    seating = Seating.together(scene, names) if names else Seating.alone()
    session = Session(records, Playthrough(scene, catalogue, players=seating.players), seating)
    if going_on:
        replay = resume(records, session.playthrough)
        console.say("Going on from where you left off.")
        if replay is not None and not replay.complete:
            console.say("This scene has changed since then; you are back at the last moment that still fits.")
    else:
        if saved is not None:
            console.say(RESTARTED)
        elif wanted == "resume":
            console.say("There is no kept place in this scene; starting from the beginning.")
        session.start_over()
    return session


def ask_resume(console: Console, steps: int) -> Resume | None:
    console.say(f"You left this scene in the middle, {steps} step{'s' if steps != 1 else ''} in. "
                "Type resume to go on from there, or restart to begin again.")
    while True:
        answer = console.ask()
        if answer is None:
            return None
        if answer.lower() in ("resume", "r"):
            return "resume"
        if answer.lower() in ("restart", "s"):
            return "restart"
        console.say("Type resume or restart.")
