"""The shipped JSON Schema is current, and the shipped scenes satisfy it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from game.engine.scene import loader
from game.engine.scene.schema import scene_schema, schema_text
from tests.conftest import FIXTURES, ROOT, shipped_scene_paths

SHIPPED = ROOT / "game" / "data" / "scene.schema.json"


def test_shipped_schema_is_up_to_date() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: python -m game.engine.scene.schema > game/data/scene.schema.json")


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(SHIPPED.read_text()))


def test_schema_fields_match_what_the_loader_reads() -> None:
    schema = scene_schema()
    node = schema["properties"]["nodes"]["additionalProperties"]
    choice = node["properties"]["choices"]["items"]
    assert set(schema["properties"]) == loader.SCENE_KEYS
    assert set(node["properties"]) == loader.NODE_KEYS
    assert set(choice["properties"]) == loader.CHOICE_KEYS


@pytest.mark.parametrize("path", shipped_scene_paths(), ids=lambda p: p.stem)
def test_shipped_scenes_satisfy_the_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(scene_schema())
    errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


def test_schema_catches_an_unknown_dimension() -> None:
    data = yaml.safe_load((FIXTURES / "broken" / "unknown_dimension.yaml").read_text())
    validator = jsonschema.Draft202012Validator(scene_schema())
    assert any("courage" in e.message for e in validator.iter_errors(data))


def test_format_doc_names_the_schema_and_its_modeline() -> None:
    doc = (ROOT / "docs" / "scene-format.md").read_text()
    assert "# yaml-language-server: $schema=../game/data/scene.schema.json" in doc
