"""The scene picker's tag filter and its mark on scenes with two playable roles."""

from __future__ import annotations

from pathlib import Path

from game.ui.screens.picker import ScenePickerScreen, next_tag
from game.ui.screens.title import TitleScreen
from tests.conftest import MINIMAL_SCENE
from tests.ui.helpers import keys, make_app, open_picker, screen_text


def tagged_scene(scene_id: str, title: str, tags: str, two_roles: bool = False) -> str:
    text = MINIMAL_SCENE.replace("id: tiny", f"id: {scene_id}").replace("title: Tiny", f"title: {title}")
    text = text.replace("minutes: 1\n", f"minutes: 1\ntags: [{tags}]\n")
    if two_roles:
        text = text.replace("kim: {name: Kim}", "kim: {name: Kim, playable: true}")
    return text


def tagged_library(tmp_path: Path) -> Path:
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "a.yaml").write_text(tagged_scene("flat", "Washing Up Rota", "housemates, young", two_roles=True))
    (folder / "b.yaml").write_text(tagged_scene("rings", "Ruby Wedding", "partners, older"))
    (folder / "c.yaml").write_text(tagged_scene("pals", "Five-a-side", "friends, young"))
    return folder


def test_next_tag_cycles_through_every_tag_and_back_to_all() -> None:
    tags = ["friends", "partners"]
    assert next_tag(tags, None) == "friends"
    assert next_tag(tags, "friends") == "partners"
    assert next_tag(tags, "partners") is None
    assert next_tag([], None) is None


async def test_tag_filter_cycles_shows_the_active_tag_and_escape_shows_all(tmp_path: Path) -> None:
    app = make_app(tagged_library(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        text = screen_text(app)
        assert "All scenes" in text
        assert all(title in text for title in ("Washing Up Rota", "Ruby Wedding", "Five-a-side"))

        await keys(pilot, "t")  # tags in order: friends, housemates, older, partners, young
        text = screen_text(app)
        assert "Tag: friends" in text
        assert "Five-a-side" in text and "Ruby Wedding" not in text and "Washing Up Rota" not in text

        await keys(pilot, "t", "t", "t", "t")
        text = screen_text(app)
        assert "Tag: young" in text
        assert "Five-a-side" in text and "Washing Up Rota" in text and "Ruby Wedding" not in text

        await keys(pilot, "escape")
        text = screen_text(app)
        assert isinstance(app.screen, ScenePickerScreen)
        assert "All scenes" in text and "Ruby Wedding" in text

        await keys(pilot, "escape")
        assert isinstance(app.screen, TitleScreen)


async def test_filtered_scene_plays_and_two_role_scenes_are_marked(tmp_path: Path) -> None:
    app = make_app(tagged_library(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        options = app.screen.query_one("#scene-list")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        marked = [p for p in prompts if "two roles" in p]
        assert len(marked) == 1 and "Washing Up Rota" in marked[0]

        await keys(pilot, "t", "t")  # housemates
        assert "Tag: housemates" in screen_text(app)
        await keys(pilot, "enter")
        assert app.screen.playthrough.scene.id == "flat"


async def test_a_filter_whose_tag_went_away_on_reload_shows_every_scene(tmp_path: Path) -> None:
    folder = tagged_library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        await keys(pilot, "t")
        assert "Tag: friends" in screen_text(app)
        (folder / "c.yaml").unlink()  # the only scene tagged friends
        await keys(pilot, "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "All scenes" in text and "Ruby Wedding" in text and "Washing Up Rota" in text
