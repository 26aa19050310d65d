"""Finding and loading every scene in a folder, keeping broken ones with their reasons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from game.engine.catalogue import Catalogue, default_catalogue
from game.engine.diagnostics import Diagnostic, SceneError
from game.engine.loader import check_scene_file
from game.engine.model import Scene

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
    """Scene files named directly, plus every scene file in the folders named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix in SCENE_SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def load_entry(path: Path, catalogue: Catalogue | None = None) -> SceneEntry:
    scene, diagnostics = check_scene_file(path, catalogue or default_catalogue())
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


__all__ = ["SceneEntry", "SceneError", "load_entry", "load_library", "scene_files"]
