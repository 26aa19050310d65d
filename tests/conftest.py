from __future__ import annotations

from pathlib import Path

import pytest

from game.engine.library import load_scene_text
from game.engine.scene.catalogue import default_catalogue
from game.paths import scenes_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

MINIMAL_SCENE = """\
id: tiny
title: Tiny
summary: A tiny scene for tests.
minutes: 1
roles:
  you: {name: You, playable: true}
  kim: {name: Kim}
variables:
  asked: false
  tries: 0
start: first
nodes:
  first:
    lines:
      - A room.
      - kim: Hello.
    choices:
      - text: Ask how Kim is.
        goto: asked
        scores: {direct_communication: 2}
        meters: {closeness: 2}
        set: {asked: true}
        feedback: Asking instead of guessing.
      - text: Complain about the mess.
        goto: first
        once: true
        traps: [complaining]
        meters: {harmony: -1}
        add: {tries: 1}
  asked:
    goto: decide
  decide:
    route:
      - if: asked and closeness >= 2
        goto: close
      - goto: calm
  close:
    ending: {title: Close, reflection: You reached each other.}
  calm:
    ending: {title: Calm, reflection: Quiet again.}
"""


@pytest.fixture(autouse=True)
def private_records(tmp_path_factory, monkeypatch):
    """Every test keeps its records in a folder of its own, never in the user's data folder."""
    monkeypatch.setenv("PATHWAYS_DATA_DIR", str(tmp_path_factory.mktemp("records")))


@pytest.fixture
def catalogue():
    return default_catalogue()


@pytest.fixture
def tiny_scene():
    return load_scene_text(MINIMAL_SCENE, "tiny.yaml")


def shipped_scene_paths() -> list[Path]:
    return sorted(scenes_dir().glob("*.yaml"))


TWO_ENDINGS_SCENE = MINIMAL_SCENE.replace(
    "      - text: Complain about the mess.\n",
    "      - text: Leave it for today.\n"
    "        goto: decide\n"
    "        scores: {emotional_resilience: 1}\n"
    "        meters: {harmony: 2}\n"
    "      - text: Complain about the mess.\n",
)


TWO_ROLE_SCENE = """\
id: duet
title: Duet
summary: Two people, two roles.
roles:
  alex: {name: Alex, playable: true}
  sam: {name: Sam, playable: true}
variables:
  alex_opened: false
  sam_listened: false
prompts:
  - What did each of you want at the door?
start: door
nodes:
  door:
    turn: alex
    lines:
      - Alex comes home late.
    choices:
      - text: Say you missed Sam today.
        goto: reply
        scores: {courage_vulnerability: 2}
        meters: {closeness: 2}
        set: {alex_opened: true}
        feedback: You said the tender thing first.
      - text: Complain about the traffic.
        goto: reply
        traps: [complaining]
        meters: {harmony: -1}
  reply:
    turn: sam
    lines:
      - speaker: alex
        text: I missed you today.
        if: alex_opened
    choices:
      - text: Ask what today was like.
        if: alex_opened
        goto: decide
        scores: {direct_communication: 2}
        meters: {closeness: 2}
        set: {sam_listened: true}
        feedback: You asked instead of guessing.
      - text: Change the subject to dinner.
        goto: decide
        scores: {view_conflict: -1}
        meters: {harmony: 2}
  decide:
    route:
      - if: alex_opened and sam_listened
        goto: close
      - if: harmony > closeness
        goto: calm
      - goto: apart
  close:
    ending: {title: Close, reflection: Both of you reached out.}
  calm:
    ending: {title: Calm, reflection: Smooth but not closer.}
  apart:
    ending: {title: Apart, reflection: Still some distance.}
"""


INTERLUDE_SCENE = """\
id: interlude
title: Interlude
summary: A puppet interlude inside a scene.
roles:
  you: {name: You, playable: true}
start: before
nodes:
  before:
    lines:
      - The inner critic wants a word.
    puppet:
      id: inner-critic
      line: You always get it wrong.
    goto: after
  after:
    lines:
      - The critic takes its seat again.
    route:
      - if: score.playfulness > 0
        goto: lighter
      - goto: heavier
  lighter:
    ending: {title: Lighter, reflection: The voice got smaller.}
  heavier:
    ending: {title: Heavier, reflection: The voice stayed loud.}
""".replace("    lines:\n      - The critic takes its seat again.\n    route:", "    route:")
