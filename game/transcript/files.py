"""Where a transcript goes: a name in the documents folder by default, written only when asked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from platformdirs import user_documents_dir


def default_transcript_path(scene_id: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime("%Y-%m-%d-%H%M")
    return Path(user_documents_dir()) / f"pathways-{scene_id}-{stamp}.md"


class TranscriptExists(FileExistsError):
    pass


def write_transcript(path: Path, markdown: str, overwrite: bool = False) -> Path:
    """Write ``markdown`` to ``path``, making its folder; an existing file is kept unless asked.

    Raises TranscriptExists, or OSError with the system's reason."""
    path = path.expanduser()
    if path.exists() and not overwrite:
        raise TranscriptExists(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown, encoding="utf-8")
    return path
