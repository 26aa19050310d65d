"""The history panel: every line and choice so far; picking a choice returns to that moment."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from game.engine.author.graph import shorten
from game.engine.play.playthrough import Playthrough
from game.ui.transcript_export import export_allowed, save_transcript


class HistoryPanel(OptionList):
    """Lines are shown greyed out; choices can be picked to rewind to the moment they were made."""

    BINDINGS = [Binding("e", "save_transcript", "Save transcript", id="history.transcript",
                        tooltip="Keep the playthrough so far as a Markdown file")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "save_transcript" or export_allowed(self.app)

    def action_save_transcript(self) -> None:
        save_transcript(self.app, self.screen.session)  # type: ignore[attr-defined]

    def show(self, playthrough: Playthrough) -> None:
        scene = playthrough.scene
        self.clear_options()
        for index in range(len(playthrough.states)):
            for line in playthrough.lines_at(index):
                speaker = scene.roles[line.speaker].name + ": " if line.speaker in scene.roles else ""
                self.add_option(Option(Content(shorten(speaker + line.text, 200)), disabled=True))
            choice = playthrough.choice_at(index)
            if choice is not None:
                self.add_option(Option(Content.assemble(("↶ ", "bold"), choice.text), id=str(index)))
        if self.option_count:
            self.scroll_end(animate=False)
