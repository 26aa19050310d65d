"""Each broken fixture produces exactly the messages in its .expected file."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.library import check_scene_file, load_scene_text
from game.engine.scene.diagnostics import SceneError
from tests.conftest import FIXTURES, MINIMAL_SCENE

BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_fixture_gives_expected_messages(path: Path) -> None:
    scene, diagnostics = check_scene_file(path, display_name=path.name)
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert scene is None
    assert [str(d) for d in diagnostics] == expected


def test_every_fixture_has_an_expectation() -> None:
    assert BROKEN, "no broken fixtures found"
    for path in BROKEN:
        assert path.with_suffix(".expected").read_text().strip(), path


def test_all_errors_in_a_file_are_reported_at_once() -> None:
    scene, diagnostics = check_scene_file(FIXTURES / "broken" / "structure.yaml")
    assert len([d for d in diagnostics if d.level == "error"]) >= 7


def test_messages_name_file_line_and_column() -> None:
    broken = MINIMAL_SCENE.replace("goto: asked\n", "goto: askd\n")
    with pytest.raises(SceneError) as caught:
        load_scene_text(broken, "scenes/tiny.yaml")
    (error,) = caught.value.errors
    assert str(error) == "scenes/tiny.yaml:19:15: error: goto 'askd': no node has that id (did you mean 'asked'?)"


def test_a_file_that_does_not_exist_is_a_message_not_a_crash(tmp_path: Path) -> None:
    scene, diagnostics = check_scene_file(tmp_path / "gone.yaml")
    assert scene is None
    assert "cannot read file" in diagnostics[0].message


def test_a_file_that_is_not_utf8_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: caf\xe9\n".encode("latin-1"))
    scene, diagnostics = check_scene_file(path)
    assert scene is None and "not UTF-8" in diagnostics[0].message


def test_duplicate_scene_ids_across_files(tmp_path: Path) -> None:
    from game.engine.library import load_library

    (tmp_path / "a.yaml").write_text(MINIMAL_SCENE)
    (tmp_path / "b.yaml").write_text(MINIMAL_SCENE)
    first, second = load_library([tmp_path])
    assert first.available and not second.available
    assert "duplicate scene id 'tiny'" in second.errors[-1].message
