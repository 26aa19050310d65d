"""Transcript files: a fresh default name, never replacing a file, private to the user."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

import pytest

from game.transcript.files import (
    TranscriptExists,
    default_transcript_path,
    write_transcript,
)

NOON = datetime(2026, 3, 4, 12, 5)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("game.transcript.files.user_documents_dir", lambda: str(tmp_path / "Docs"))
    return tmp_path / "Docs"


def test_the_default_name_is_in_the_documents_folder_and_never_taken(documents: Path) -> None:
    first = default_transcript_path("rain-check", NOON)
    assert first == documents / "pathways-rain-check-2026-03-04-1205.md"
    write_transcript(first, "one")
    second = default_transcript_path("rain-check", NOON)
    assert second == documents / "pathways-rain-check-2026-03-04-1205-2.md"


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "kept.md"
    target.write_text("mine")
    with pytest.raises(TranscriptExists):
        write_transcript(target, "theirs")
    assert target.read_text() == "mine"


def test_the_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    written = write_transcript(tmp_path / "a" / "b.md", "# t\n")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
