"""Saving the playthrough as Markdown: from the ending, the debrief and the history panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from game.engine.scene.catalogue import default_catalogue
from game.records import Records
from game.ui.app import PathwaysApp
from game.ui.screens.ending import EndingScreen
from game.ui.screens.save_transcript import SaveTranscriptScreen
from tests.conftest import MINIMAL_SCENE, TWO_ROLE_SCENE
from tests.ui.helpers import (
    keys,
    make_app,
    scene_folder,
    screen_text,
    start_first_scene,
)
from tests.ui.test_together import start_together

INJECTION = "[x](javascript:alert(1)) <script>alert(1)</script>"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    monkeypatch.setattr("game.transcript.files.user_documents_dir", lambda: str(folder))
    return folder


def injected_folder(tmp_path: Path) -> Path:
    return scene_folder(tmp_path, MINIMAL_SCENE.replace("      - kim: Hello.", f"      - kim: '{INJECTION}'"))


async def play_to_the_ending(app, pilot) -> None:
    await start_first_scene(app, pilot)
    await keys(pilot, "1", "1", "1")  # ask, continue, see how it went
    assert isinstance(app.screen, EndingScreen)


async def test_e_at_the_ending_saves_the_transcript_where_the_player_says(tmp_path: Path, documents: Path) -> None:
    app = make_app(injected_folder(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_ending(app, pilot)
        assert not documents.exists()  # nothing is written unless asked
        await keys(pilot, "e")
        assert isinstance(app.screen, SaveTranscriptScreen)
        suggested = Path(app.screen.query_one(Input).value)
        assert suggested.parent == documents and suggested.name.startswith("pathways-tiny-")
        await keys(pilot, "enter")
        assert isinstance(app.screen, EndingScreen)
        assert [n.message for n in app._notifications] == [f"Saved to {suggested}"]
    markdown = suggested.read_text()
    assert "**You chose:** Ask how Kim is." in markdown
    assert "## Ending: Close\n\nYou reached each other." in markdown
    assert "- Closeness plus 2 out of 10" in markdown
    assert "\\[x\\](javascript:alert(1)) \\<script\\>" in markdown


async def test_the_file_name_can_be_changed_and_an_existing_file_is_kept(tmp_path: Path, documents: Path) -> None:
    existing = tmp_path / "mine.md"
    existing.write_text("keep me")
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_ending(app, pilot)
        await keys(pilot, "e")
        app.screen.query_one(Input).value = str(existing)
        await keys(pilot, "enter")
        assert isinstance(app.screen, SaveTranscriptScreen)
        assert "exists already" in screen_text(app)
        app.screen.query_one(Input).value = str(tmp_path / "new" / "ours.md")
        await keys(pilot, "enter")
        assert isinstance(app.screen, EndingScreen)
    assert existing.read_text() == "keep me"
    assert "## Ending: Close" in (tmp_path / "new" / "ours.md").read_text()


async def test_escape_writes_nothing(tmp_path: Path, documents: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_ending(app, pilot)
        await keys(pilot, "e", "escape")
        assert isinstance(app.screen, EndingScreen)
    assert not documents.exists()


async def test_from_the_history_panel_in_the_middle_of_a_scene(tmp_path: Path, documents: Path) -> None:
    app = make_app(scene_folder(tmp_path, MINIMAL_SCENE))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_first_scene(app, pilot)
        await keys(pilot, "2", "h", "e")
        assert isinstance(app.screen, SaveTranscriptScreen)
        target = Path(app.screen.query_one(Input).value)
        await keys(pilot, "enter")
    markdown = target.read_text()
    assert "**You chose:** Complain about the mess." in markdown
    assert f"Trap: {default_catalogue().trap('complaining').name}." in markdown
    assert "## Not finished yet" in markdown


async def test_together_the_debrief_saves_who_chose_what(tmp_path: Path, documents: Path) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ROLE_SCENE))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_together(app, pilot)
        await keys(pilot, "1", "enter", "enter", "1", "1", "e")  # go on after feedback, then the handoff
        assert isinstance(app.screen, SaveTranscriptScreen)
        target = Path(app.screen.query_one(Input).value)
        await keys(pilot, "enter")
    markdown = target.read_text()
    assert "*Played together by Ana and Ben on " in markdown
    assert "**Ana chose:** Say you missed Sam today." in markdown
    assert "**Ben chose:** Ask what today was like." in markdown
    assert "## Attitudes and skills: Ana" in markdown and "## Traps: Ben" in markdown


async def test_a_public_visitor_is_offered_no_export(tmp_path: Path, documents: Path) -> None:
    app = PathwaysApp(scenes_folder=scene_folder(tmp_path, MINIMAL_SCENE), records=Records.scratch(),
                      allow_export=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await play_to_the_ending(app, pilot)
        assert all(b.binding.action != "save_transcript" for b in app.active_bindings.values()
                   if b.enabled)
        await keys(pilot, "e")
        assert isinstance(app.screen, EndingScreen)
        assert "Screenshot" not in [c.title for c in app.get_system_commands(app.screen)]
    assert not documents.exists()
