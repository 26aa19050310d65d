"""Where a transcript goes: a name in the documents folder by default, written only when asked."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from platformdirs import user_documents_dir


def default_transcript_path(scene_id: str, now: datetime | None = None) -> Path:
    """A new name in the documents folder: never one that exists already."""
    stem = f"pathways-{scene_id}-{(now or datetime.now()).strftime('%Y-%m-%d-%H%M')}"
    folder = Path(user_documents_dir())
    path, number = folder / f"{stem}.md", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.md"
    return path


class TranscriptExists(FileExistsError):
    pass


def write_transcript(path: Path, markdown: str) -> Path:
    """Write ``markdown`` to a new file at ``path``, readable by this user only, making its folder.

    An existing file is never replaced: raises TranscriptExists. Other failures raise OSError."""
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise TranscriptExists(f"{path} already exists") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(markdown)
    return path
