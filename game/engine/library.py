"""The shelf: scene files loaded with the shipped catalogue and puppet cast, and every scene in a folder.

Everything outside the engine loads scenes through here, so that a puppet interlude always finds
the shipped puppets. The scene package itself never imports the puppets package.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from game.engine.puppets.cast import default_puppets
from game.engine.scene import loader
from game.engine.scene.build_nodes import Cast
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.diagnostics import Diagnostic, SceneError, internal_error
from game.engine.scene.model import Scene

SCENE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class SceneEntry:
    path: Path
    scene: Scene | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def available(self) -> bool:
        return self.scene is not None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.level == "warning")


def scene_files(paths: Iterable[Path]) -> list[Path]:
    """Scene files named directly, plus every scene file in the folders named.

    In a folder, anything named like a scene file but a folder is listed, so that a dangling
    link, a link loop or a pipe is reported when read rather than skipped in silence."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix in SCENE_SUFFIXES and not _is_folder(p)))
        else:
            found.append(path)
    return found


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a link loop: not a folder, and reported when read
        return False


def shipped_cast() -> Cast:
    return default_puppets().puppets


def load_scene(path: Path, catalogue: Catalogue | None = None,
               display_name: str | None = None) -> Scene:
    """Load and validate one scene file. Raises SceneError listing every problem found."""
    return loader.load_scene(path, catalogue, display_name, cast=shipped_cast)


def check_scene_file(path: Path, catalogue: Catalogue | None = None,
                     display_name: str | None = None) -> tuple[Scene | None, list[Diagnostic]]:
    """Load one scene file, returning the scene (None if it has errors) and every message."""
    return loader.check_scene_file(path, catalogue, display_name, cast=shipped_cast)


def load_scene_text(text: str, file: str = "<text>", catalogue: Catalogue | None = None) -> Scene:
    return loader.load_scene_text(text, file, catalogue, cast=shipped_cast)


def load_entry(path: Path, catalogue: Catalogue | None = None) -> SceneEntry:
    try:
        scene, diagnostics = check_scene_file(path, catalogue or default_catalogue())
    except Exception as exc:  # a fault here must not take the game down
        return SceneEntry(path, None, (internal_error(str(path), exc),))
    return SceneEntry(path, scene, tuple(diagnostics))


def load_library(paths: Iterable[Path], catalogue: Catalogue | None = None) -> list[SceneEntry]:
    """Every scene file under ``paths``; a scene id used twice makes the later file unavailable."""
    entries: list[SceneEntry] = []
    owners: dict[str, Path] = {}
    for path in scene_files(paths):
        entry = load_entry(path, catalogue)
        if entry.scene is not None:
            first = owners.setdefault(entry.scene.id, path)
            if first != path:
                clash = Diagnostic(str(path), 1, 1, "error",
                                   f"duplicate scene id {entry.scene.id!r}: {first} uses it already")
                entry = SceneEntry(path, None, entry.diagnostics + (clash,))
        entries.append(entry)
    return entries


__all__ = ["SceneEntry", "SceneError", "check_scene_file", "load_entry", "load_library", "load_scene",
           "load_scene_text", "scene_files", "shipped_cast"]
