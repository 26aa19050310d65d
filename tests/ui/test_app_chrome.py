"""Help, quitting, broken scenes and untrusted text."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown, OptionList

from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.title import TitleScreen
from game.ui.widgets.transcript import Transcript
from tests.conftest import FIXTURES, MINIMAL_SCENE
from tests.ui.helpers import make_app, open_picker, screen_text, start_first_scene


async def test_help_explains_attitudes_skills_and_traps(tmp_path: Path, catalogue) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        markdown = app.screen.query_one(Markdown).source
        for entry in catalogue.dimensions + catalogue.traps:
            assert entry.name in markdown
        assert "not therapy" in markdown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)


async def test_quit_asks_first_during_a_scene(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "middle of a scene" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_outside_a_scene_does_not_ask(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_broken_scene_shows_as_unavailable_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    (tmp_path / "zz-broken.yaml").write_text((FIXTURES / "broken" / "unknown_goto.yaml").read_text())
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        text = screen_text(app)
        assert "zz-broken.yaml — unavailable" in text
        assert "line 11, column 15: goto 'secnod': no node has that id" in text
        options = app.screen.query_one(OptionList)
        broken = [options.get_option_at_index(i) for i in range(options.option_count)
                  if "unavailable" in str(options.get_option_at_index(i).prompt)]
        assert broken and broken[0].disabled
        assert "1 scene ready, 1 unavailable" not in text  # that is the title screen's line
        await pilot.press("escape")
        await pilot.pause()
        assert "1 scene ready, 1 unavailable" in screen_text(app)


HOSTILE = MINIMAL_SCENE.replace(
    "      - kim: Hello.\n",
    "      - kim: '[bold]loud[/] and [/] and [@click=app.quit]x[/]'\n"
    "      - \"\\e[2J\\e]0;pwned\\aplain\"\n",
).replace("title: Tiny", "title: '[red]Tiny[/red]'")


async def test_untrusted_text_is_shown_literally_and_runs_nothing(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(HOSTILE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(app, pilot)
        assert "[red]Tiny[/red]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]loud[/] and [/] and [@click=app.quit]x[/]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "[2J]0;pwnedplain" in text
        transcript = app.screen.query_one(Transcript)
        for row in range(transcript.size.height):  # the link-like text is somewhere in here
            await pilot.click(transcript, offset=(20, row))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, PlayScreen)


async def test_command_palette_keeps_built_in_commands(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Help" in titles and "Feedback on or off" in titles
        assert "Quit the application" in titles or any("Quit" in t for t in titles)
        assert any("theme" in t.lower() for t in titles)


async def test_title_menu_works_with_arrows_and_enter(tmp_path: Path) -> None:
    from game.ui.screens.names import NamesScreen
    from game.ui.screens.picker import ScenePickerScreen
    from game.ui.screens.progress import ProgressScreen
    from game.ui.screens.puppet_picker import PuppetPickerScreen

    (tmp_path / "tiny.yaml").write_text(MINIMAL_SCENE)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the first entry is highlighted: play alone
        await pilot.pause()
        assert isinstance(app.screen, ScenePickerScreen)
        await pilot.press("escape")
        expected = [("together", NamesScreen), ("theatre", PuppetPickerScreen),
                    ("progress", ProgressScreen), ("help", HelpScreen)]
        for option_id, screen_type in expected:
            menu = app.screen.query_one("#title-menu", OptionList)
            target = menu.get_option_index(option_id)
            while menu.highlighted != target:
                await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_type), option_id
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert not app.is_running


async def test_a_scene_with_no_way_on_explains_instead_of_crashing(tmp_path: Path) -> None:
    stranded = MINIMAL_SCENE.replace(
        "      - text: Ask how Kim is.\n", "      - text: Ask how Kim is.\n        if: asked\n"
    ).replace("        once: true\n", "        once: true\n        if: asked\n")
    (tmp_path / "stranded.yaml").write_text(stranded)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first_scene(app, pilot)
        assert "no way on from here" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.is_running
