"""Saving a playthrough as Markdown, from the ending, the debrief or the history panel."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from game.session import Session
from game.transcript.files import default_transcript_path, write_transcript
from game.transcript.markdown import transcript_markdown
from game.ui.screens.save_transcript import SaveTranscriptScreen


def export_allowed(app: App) -> bool:
    return bool(getattr(app, "allow_export", True))


def save_transcript(app: App, session: Session) -> None:
    """Ask for a file name, then write the transcript there; nothing is written unless asked."""
    if not export_allowed(app):
        return

    def chosen(path: Path | None) -> None:
        if path is None:
            return
        try:
            written = write_transcript(path, transcript_markdown(session.playthrough, session.seating))
        except OSError as error:
            app.notify(f"The transcript was not saved: {error}", title="Transcript",
                       severity="error", markup=False)
            return
        app.notify(f"Saved to {written}", title="Transcript", markup=False)

    app.push_screen(SaveTranscriptScreen(default_transcript_path(session.scene.id)), chosen)
