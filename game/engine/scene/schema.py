"""The JSON Schema for scene files, built from the loader's field lists and the catalogue.

The shipped copy is game/data/scene.schema.json; a test keeps it equal to this output.
Regenerate it with:  python -m game.engine.scene.schema > game/data/scene.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from game.engine.scene import fields, keys
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.text import MAX_LINE

SCHEMA_ID = "https://pathways.invalid/scene.schema.json"

_ID = {"type": "string", "pattern": fields.IDENTIFIER.pattern}
_TEXT = {"type": "string", "maxLength": fields.MAX_TEXT}
_CONDITION = {"type": ["string", "boolean"],
              "description": "A condition such as `closeness >= 3 and not apologised`."}


def _closed(properties: dict[str, Any], required: list[str] | None = None,
            description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties,
                              "additionalProperties": False}
    if required:
        schema["required"] = required
    if description:
        schema["description"] = description
    return schema


def _deltas(keys: list[str], low: int, high: int, about: dict[str, str]) -> dict[str, Any]:
    return _closed({k: {"type": "integer", "minimum": low, "maximum": high,
                        "description": about.get(k, "")} for k in keys})


def scene_schema(catalogue: Catalogue | None = None) -> dict[str, Any]:
    catalogue = catalogue or default_catalogue()
    about = {e.key: f"{e.name}. {e.about}" for e in catalogue.dimensions}
    about |= {m.key: f"{m.name}. {m.about}" for m in catalogue.meters}
    dimensions = [d.key for d in catalogue.dimensions]
    meters = [m.key for m in catalogue.meters]
    trap = {"type": "string", "enum": [t.key for t in catalogue.traps],
            "description": "; ".join(f"{t.key}: {t.name}" for t in catalogue.traps)}

    role = _closed({
        "name": _TEXT,
        "playable": {"type": "boolean", "description": "True if a person plays this role."},
        "about": _TEXT,
    }, description="A person in the scene.")
    line_long = _closed({"speaker": _ID, "text": _TEXT, "if": _CONDITION}, ["text"])
    line_short = {"type": "object", "minProperties": 1, "maxProperties": 1,
                  "additionalProperties": _TEXT,
                  "description": "speaker: text, where the speaker is a role id."}
    line = {"anyOf": [{**_TEXT, "description": "Narration."}, line_long, line_short]}
    choice = _closed({
        "id": {**_ID, "description": "A stable name for the choice."},
        "text": _TEXT,
        "goto": {**_ID, "description": "The node this choice leads to."},
        "if": {**_CONDITION, "description": "Offer the choice only when this holds."},
        "once": {"type": "boolean", "description": "Hide the choice after it is taken once."},
        "scores": _deltas(dimensions, -fields.MAX_SCORE_STEP, fields.MAX_SCORE_STEP, about),
        "traps": {"anyOf": [trap, {"type": "array", "items": trap}]},
        "meters": _deltas(meters, -5, 5, about),
        "set": {"type": "object", "additionalProperties": {"type": ["boolean", "integer", "string"]}},
        "add": {"type": "object", "additionalProperties": {"type": "integer"}},
        "feedback": _TEXT,
    }, ["text", "goto"])
    branch = _closed({"if": _CONDITION, "goto": _ID}, ["goto"])
    ending = _closed({"title": _TEXT, "reflection": _TEXT}, ["title", "reflection"])
    node = _closed({
        "lines": {"type": "array", "items": line, "maxItems": fields.MAX_LINES_PER_NODE},
        "choices": {"type": "array", "items": choice, "minItems": 1, "maxItems": 9},
        "goto": {**_ID, "description": "Continue to this node."},
        "route": {"type": "array", "items": branch, "minItems": 1,
                  "description": "Go to the first branch whose condition holds."},
        "ending": ending,
        "turn": {**_ID, "description": "The playable role that chooses here."},
        "puppet": _closed({
            "id": {**_ID, "description": "A puppet from assets/puppets/."},
            "line": {"type": "string", "maxLength": MAX_LINE,
                     "description": "The harsh line the puppet performs."},
        }, ["id", "line"], "A puppet interlude: the theatre opens, then the scene goes on at 'goto'."),
        "unsafe": {"type": "boolean",
                   "description": "The other person is hostile here; opening up is not rewarded."},
    })
    node["oneOf"] = [{"required": [kind]} for kind in keys.NODE_KINDS]

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Pathways scene",
        "description": "A branching conflict scene for Pathways. See docs/scene-format.md.",
        **_closed({
            "format": {"const": keys.FORMAT_VERSION},
            "id": _ID,
            "title": _TEXT,
            "summary": _TEXT,
            "minutes": {"type": "integer", "minimum": 1, "maximum": 120},
            "content_notes": {"type": "array", "items": _TEXT},
            "tags": {"type": "array", "items": _ID,
                     "description": "kinds of relationship, e.g. partners, friends, family, housemates"},
            "prompts": {"type": "array", "items": _TEXT,
                        "description": "Conversation prompts for the debrief after playing together."},
            "roles": {"type": "object", "minProperties": 1,
                      "additionalProperties": {"anyOf": [_TEXT, role]}},
            "variables": {"type": "object",
                          "additionalProperties": {"type": ["boolean", "integer", "string"]}},
            "meters": _deltas(meters, -10, 10, about),
            "start": _ID,
            "nodes": {"type": "object", "minProperties": 1, "additionalProperties": node},
        }, ["id", "title", "roles", "start", "nodes"]),
    }


def schema_text() -> str:
    return json.dumps(scene_schema(), indent=2) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
