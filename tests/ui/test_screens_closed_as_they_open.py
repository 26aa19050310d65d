"""Every screen survives being closed in the moment it opens, as keys typed as fast as a held key
repeats can do (found by the long monkey test: Textual still mounts such a screen, with its
widgets half removed, and filling or focusing them raised NoMatches)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from textual.screen import Screen

from game.engine.puppets.answer_rules import default_rule_book
from game.engine.puppets.cast import default_puppets
from game.ui.app import PathwaysApp
from game.ui.screens.branch_map import BranchMapScreen
from game.ui.screens.compare import CompareScreen
from game.ui.screens.confirm import ConfirmScreen
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.handoff import HandoffScreen
from game.ui.screens.help import HelpScreen
from game.ui.screens.names import NamesScreen
from game.ui.screens.pause import PauseScreen
from game.ui.screens.picker import ScenePickerScreen
from game.ui.screens.play import PlayScreen
from game.ui.screens.progress import ProgressScreen
from game.ui.screens.puppet_picker import PuppetPickerScreen
from game.ui.screens.resume import ResumeScreen
from game.ui.screens.rules import RulesScreen
from game.ui.screens.save_transcript import SaveTranscriptScreen
from game.ui.screens.theatre import TheatreScreen
from game.ui.screens.title import TitleScreen
from game.ui.screens.too_small import TooSmallScreen
from tests.conftest import TWO_ENDINGS_SCENE
from tests.ui.helpers import keys, make_app, scene_folder, start_first_scene

Opener = Callable[[PathwaysApp, PlayScreen], Screen]


def puppet():
    return next(iter(default_puppets().puppets.values()))


OPENERS: dict[str, Opener] = {
    "title": lambda app, play: TitleScreen(),
    "picker": lambda app, play: ScenePickerScreen(),
    "play": lambda app, play: PlayScreen(play.session),
    "ending": lambda app, play: EndingScreen(play.session, play.session.recorded[-1], show_review=True),
    "debrief": lambda app, play: DebriefScreen(play.session, play.session.recorded[-1]),
    "map": lambda app, play: BranchMapScreen(play.scene, set(), set(), play.scene.start, []),
    "compare": lambda app, play: CompareScreen(play.scene, app.records.attempts(play.scene.id)[0],
                                               app.records.attempts(play.scene.id)[1:], app.catalogue),
    "progress": lambda app, play: ProgressScreen([], 0),
    "puppets": lambda app, play: PuppetPickerScreen(list(default_puppets().puppets.values())),
    "theatre": lambda app, play: TheatreScreen(puppet()),
    "rules": lambda app, play: RulesScreen(default_rule_book(), app.catalogue),
    "confirm": lambda app, play: ConfirmScreen("Sure?"),
    "handoff": lambda app, play: HandoffScreen("Ana", None),
    "help": lambda app, play: HelpScreen(app.catalogue),
    "names": lambda app, play: NamesScreen(),
    "pause": lambda app, play: PauseScreen(True),
    "resume": lambda app, play: ResumeScreen("Tiny", 2),
    "save transcript": lambda app, play: SaveTranscriptScreen(Path("t.md")),
    "too small": lambda app, play: TooSmallScreen(),
}


async def played_twice(app: PathwaysApp, pilot) -> PlayScreen:
    """A scene played to its ending twice, so that there are attempts to compare; it stays there."""
    await start_first_scene(app, pilot)
    play = app.screen
    assert isinstance(play, PlayScreen)
    for rewind in (True, False):
        while not play.playthrough.is_over:
            await keys(pilot, "1")
        if rewind:
            await keys(pilot, "b")
    assert len(app.records.attempts(play.scene.id)) >= 2, app.records.attempts(play.scene.id)
    return play


async def test_every_screen_opened_as_the_game_quits_raises_nothing(tmp_path: Path) -> None:
    """Found by the long monkey test: a screen opened in the moment the game quits was mounted
    with its widgets gone."""
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        play = await played_twice(app, pilot)
        for opener in OPENERS.values():
            app.push_screen(opener(app, play))
        app.exit()
    assert app.return_code == 0


@pytest.mark.parametrize("how", ["pop at once", "pop after a tick", "replaced at once"])
async def test_every_screen_closed_as_it_opens_raises_nothing(tmp_path: Path, how: str) -> None:
    app = make_app(scene_folder(tmp_path, TWO_ENDINGS_SCENE))
    async with app.run_test(size=(80, 24)) as pilot:
        play = await played_twice(app, pilot)
        for name, opener in OPENERS.items():
            depth = len(app.screen_stack)
            if how == "replaced at once":
                app.push_screen(ConfirmScreen("Placeholder"))
                await pilot.pause()
                app.switch_screen(opener(app, play))
                app.switch_screen(ConfirmScreen("Placeholder"))
                await pilot.pause()
                app.pop_screen()
            else:
                opened = opener(app, play)
                app.push_screen(opened)
                if how == "pop after a tick":
                    await pilot.pause(0)
                if app.screen is opened:  # one that is not needed (too small) closes itself
                    app.pop_screen()
            await pilot.pause()
            assert app.is_running, name
            assert len(app.screen_stack) == depth, name
