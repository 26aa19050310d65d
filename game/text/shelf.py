"""Finding the scene to play: by its number in the list, its id, or a file path."""

from __future__ import annotations

from pathlib import Path

from game.engine.library import SceneEntry, load_entry, load_library
from game.engine.scene.catalogue import Catalogue
from game.engine.scene.model import Scene
from game.text.console import Console


class NoSuchScene(LookupError):
    """The message says what was asked for and what to do instead."""


def playable(folder: Path, catalogue: Catalogue) -> list[SceneEntry]:
    return [entry for entry in load_library([folder], catalogue) if entry.scene is not None]


def list_scenes(console: Console, entries: list[SceneEntry], saved: set[str]) -> None:
    console.say("Scenes:")
    for number, entry in enumerate(entries, start=1):
        scene = entry.scene
        assert scene is not None
        kept = " You left it in the middle." if scene.id in saved else ""
        console.say(f"{number}. {scene.title} ({scene.id}), about {scene.minutes} minutes. "
                    f"{scene.summary}{kept}")


def find_scene(name: str, entries: list[SceneEntry], catalogue: Catalogue) -> Scene:
    """A scene by number, id or path. Raises NoSuchScene with the reason, including file errors."""
    if name.isdigit():
        if 1 <= int(name) <= len(entries):
            return entries[int(name) - 1].scene  # type: ignore[return-value]
        raise NoSuchScene(f"There is no scene number {name}; there are {len(entries)}.")
    for entry in entries:
        if entry.scene is not None and entry.scene.id == name:
            return entry.scene
    path = Path(name)
    if path.is_file():
        entry = load_entry(path, catalogue)
        if entry.scene is None:
            raise NoSuchScene("\n".join(str(d) for d in entry.errors))
        return entry.scene
    raise NoSuchScene(f"No scene called {name!r}. Run `pathways text` to list the scenes.")
