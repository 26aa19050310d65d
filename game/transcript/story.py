"""A playthrough as a list of moments: what was said, what was chosen and by whom, the ending."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.play import runner
from game.engine.play.playthrough import Playthrough
from game.engine.play.scoring import ChoiceFeedback
from game.engine.play.seating import Seating
from game.engine.puppets.cast import default_puppets
from game.engine.scene.model import Ending, Line, Scene


@dataclass(frozen=True, slots=True)
class Said:
    speaker: str  # a display name; "" for narration
    text: str


@dataclass(frozen=True, slots=True)
class Chosen:
    index: int  # the state the choice was made from, for rewinding
    who: str  # the chooser's name when two play together, else ""
    text: str
    feedback: ChoiceFeedback


@dataclass(frozen=True, slots=True)
class Reached:
    ending: Ending


Moment = Said | Chosen | Reached


def speaker_name(scene: Scene, line: Line) -> str:
    if line.speaker is None:
        return ""
    role = scene.roles.get(line.speaker)
    return role.name if role else line.speaker


def puppet_line(playthrough: Playthrough, index: int) -> Said | None:
    node = runner.current_node(playthrough.scene, playthrough.states[index])
    if node.puppet is None:
        return None
    puppet = default_puppets().puppets.get(node.puppet.puppet)
    return Said(puppet.name if puppet else node.puppet.puppet, node.puppet.line)


def moments(playthrough: Playthrough, seating: Seating) -> list[Moment]:
    """Everything so far, oldest first. Continues are not choices and are left out."""
    scene = playthrough.scene
    found: list[Moment] = []
    for index, state in enumerate(playthrough.states):
        found.extend(Said(speaker_name(scene, line), line.text) for line in playthrough.lines_at(index))
        cue = puppet_line(playthrough, index)
        if cue is not None:
            found.append(cue)
        choice = playthrough.choice_at(index)
        if choice is not None and choice.key != runner.CONTINUE_KEY:
            player = playthrough.states[index + 1].path[-1].player
            who = seating.seat(player).name if seating.is_together else ""
            found.append(Chosen(index, who, choice.text, playthrough.feedback(choice)))
    ending = runner.current_node(scene, playthrough.state).ending
    if ending is not None:
        found.append(Reached(ending))
    return found
