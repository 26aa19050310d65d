"""The running transcript of a scene: narration, dialogue, the player's choices and feedback."""

from __future__ import annotations

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.engine.play.scoring import ChoiceFeedback
from game.engine.scene.model import Line, Scene
from game.engine.scene.speech import quotes_speech
from game.ui.widgets.speech_view import speaker_label, spoken_content

SPEAKER_STYLES = 4  # .speaker-0 ... .speaker-3 in pathways.tcss


def speaker_class(scene: Scene, role_id: str) -> str:
    index = list(scene.roles).index(role_id) if role_id in scene.roles else 0
    return f"speaker-{index % SPEAKER_STYLES}"


def feedback_content(feedback: ChoiceFeedback) -> Content:
    """Feedback as text with symbols, so that nothing depends on colour alone."""
    parts: list[Content] = []
    if feedback.raised:
        names = ", ".join(f"{d.name} +{v}" for d, v in feedback.raised)
        parts.append(Content.assemble(("✓ Showed: ", "bold"), names))
    if feedback.lowered:
        names = ", ".join(f"{d.name} {v}" for d, v in feedback.lowered)
        parts.append(Content.assemble(("✗ Missed: ", "bold"), names))
    for trap in feedback.traps:
        parts.append(Content.assemble(("△ Trap: ", "bold"), trap.name))
    if feedback.text:
        parts.append(Content(feedback.text))
    if not parts:
        parts.append(Content("This choice neither builds nor costs much. The scene goes on."))
    return Content("\n").join(parts)


class Transcript(VerticalScroll):
    """Everything said so far in the scene. Scene text is always shown literally."""

    def __init__(self, scene: Scene, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scene = scene
        self.can_focus = True

    def add_line(self, line: Line) -> None:
        if line.speaker is None:
            self.mount(Static(Content(line.text), classes="narration"))
        else:
            self.add_speech(line.speaker, line.text)

    def add_speech(self, role_id: str, text: str, *, chosen: bool = False,
                   marker: str = "", who: str = "") -> None:
        """A line of dialogue. ``marker`` and ``who`` show which person chose it, when two play."""
        role = self.scene.roles.get(role_id)
        name = speaker_label(who or (role.name if role else role_id), marker)
        self.mount(Horizontal(
            Static(Content(name), classes=f"speaker-name {speaker_class(self.scene, role_id)}"),
            Static(spoken_content(text, chosen, quotes_speech(self.scene)), classes="speech"),
            classes="line chosen" if chosen else "line",
        ))

    def add_feedback(self, feedback: ChoiceFeedback, to: str = "") -> None:
        """Feedback for the person who chose; ``to`` names them when two people play."""
        content = feedback_content(feedback)
        if to:
            content = Content.assemble((f"For {to}:", "bold"), "\n", content)
        self.mount(Static(content, classes="feedback"))

    def add_note(self, text: str) -> None:
        self.mount(Static(Content(text), classes="note"))

    def clear(self) -> None:
        self.remove_children()

    def follow(self) -> None:
        self.call_after_refresh(self.scroll_end, animate=False)
