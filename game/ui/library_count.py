"""The "N scenes ready" line of the title, shown before the scenes have been read again.

The last count is kept with the records, together with the name, size and modification time of
every scene and puppet file it was counted from. While none of them has changed, the title can
show the count at once; the worker that reads the scenes puts the real count in its place.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from game import __version__
from game.paths import assets_dir

if TYPE_CHECKING:
    from game.engine.library import SceneEntry
    from game.records import Records

SETTING = "scene_count_cache"
SCENE_SUFFIXES = (".yaml", ".yml")  # the same as game.engine.library.SCENE_SUFFIXES

Count = tuple[int, int]  # scenes ready, scenes unavailable
Fingerprint = list[list]  # [name, size, mtime_ns] for each file, sorted


def fingerprint(scenes_folder: Path) -> Fingerprint:
    """What the count depends on: the scene files, the shipped puppets and this version."""
    files = _files(scenes_folder, SCENE_SUFFIXES) + _files(assets_dir() / "puppets", (".yaml",))
    return [["version", 0, __version__], *files]


def _files(folder: Path, suffixes: Iterable[str]) -> Fingerprint:
    found: Fingerprint = []
    try:
        for path in sorted(folder.iterdir()):
            if path.suffix in suffixes:
                stat = path.stat()
                found.append([str(path), stat.st_size, stat.st_mtime_ns])
    except OSError:
        return [[str(folder), -1, 0]]  # unreadable: never matches a remembered count
    return found


def count(library: list[SceneEntry]) -> Count:
    ready = sum(entry.available for entry in library)
    return ready, len(library) - ready


def cached(records: Records, scenes_folder: Path) -> Count | None:
    """The count remembered from a start when the files were just as they are now."""
    remembered = records.get_setting(SETTING, None)
    if not isinstance(remembered, dict) or remembered.get("files") != fingerprint(scenes_folder):
        return None
    ready, broken = remembered.get("ready"), remembered.get("broken")
    if type(ready) is not int or type(broken) is not int:
        return None
    return ready, broken


def remember(records: Records, scenes_folder: Path, files: Fingerprint, found: Count) -> None:
    value = {"files": files, "ready": found[0], "broken": found[1]}
    if records.get_setting(SETTING, None) != value:
        records.set_setting(SETTING, value)


def status_text(found: Count | None) -> str:
    if found is None:
        return "Loading scenes…"
    ready, broken = found
    text = f"{ready} scene{'s' if ready != 1 else ''} ready"
    if broken:
        text += f", {broken} unavailable"
    return text
