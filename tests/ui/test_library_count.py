"""The title's "N scenes ready" comes from a count kept while the scene files stay unchanged."""

from __future__ import annotations

import os
from pathlib import Path

from game.engine.library import SCENE_SUFFIXES
from game.records import Records
from game.ui import library_count
from game.ui.screens.title import TitleScreen
from tests.conftest import MINIMAL_SCENE
from tests.ui.helpers import make_app, screen_text


def test_the_count_is_kept_until_a_file_changes_size_or_time(tmp_path: Path) -> None:
    scene = tmp_path / "one.yaml"
    scene.write_text(MINIMAL_SCENE)
    records = Records.scratch()
    assert library_count.cached(records, tmp_path) is None
    library_count.remember(records, tmp_path, library_count.fingerprint(tmp_path), (1, 0))
    assert library_count.cached(records, tmp_path) == (1, 0)

    stat = scene.stat()
    os.utime(scene, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert library_count.cached(records, tmp_path) is None  # touched

    library_count.remember(records, tmp_path, library_count.fingerprint(tmp_path), (1, 0))
    scene.write_text(MINIMAL_SCENE + "\n# a comment\n")
    os.utime(scene, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert library_count.cached(records, tmp_path) is None  # same time, another size

    library_count.remember(records, tmp_path, library_count.fingerprint(tmp_path), (1, 0))
    (tmp_path / "two.yml").write_text(MINIMAL_SCENE)
    assert library_count.cached(records, tmp_path) is None  # a new file


def test_the_suffixes_are_the_librarys() -> None:
    assert library_count.SCENE_SUFFIXES == SCENE_SUFFIXES


def test_status_text() -> None:
    assert library_count.status_text(None) == "Loading scenes…"
    assert library_count.status_text((1, 0)) == "1 scene ready"
    assert library_count.status_text((6, 2)) == "6 scenes ready, 2 unavailable"


async def test_the_title_shows_the_kept_count_before_the_scenes_are_read(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(MINIMAL_SCENE)
    records = Records.scratch()
    library_count.remember(records, tmp_path, library_count.fingerprint(tmp_path), (7, 0))
    app = make_app(tmp_path)
    app.records.close()
    app.records = records
    app.scene_count = library_count.cached(records, tmp_path)
    read_scenes = app.load_scenes
    app.load_scenes = lambda after=None: None  # hold the reading back, to see the title before it
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, TitleScreen)
        assert app.library is None and "7 scenes ready" in screen_text(app)
        read_scenes()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 scene ready" in screen_text(app)  # the real count replaces it
        assert library_count.cached(records, tmp_path) == (1, 0)
