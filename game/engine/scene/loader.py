"""Scene files to the scene model. Every problem is reported at once, each with file:line:col.

The builder is split by section of the file: build_header (roles, variables, meters),
build_nodes, build_choices and build_conditions. The puppet cast is passed in, so that this
package never imports the puppets package; game.engine.library passes the shipped cast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from game.engine.scene.build_choices import ChoiceBuilder
from game.engine.scene.build_conditions import ConditionBuilder
from game.engine.scene.build_header import HeaderBuilder
from game.engine.scene.build_nodes import Cast, NodeBuilder
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.checks import check_scene
from game.engine.scene.diagnostics import Diagnostic, SceneError
from game.engine.scene.fields import _suggest, describe
from game.engine.scene.gc_pause import collector_paused
from game.engine.scene.keys import (  # noqa: F401  (re-exported for the schema and tests)
    CHOICE_KEYS,
    FORMAT_VERSION,
    NODE_KEYS,
    NODE_KINDS,
    SCENE_KEYS,
)
from game.engine.scene.model import Role, Scene, VariableValue
from game.engine.scene.warnings import lint_scene
from game.engine.scene.yamldoc import YamlDoc, read_yaml_file, read_yaml_text

CastSource = Cast | Callable[[], Cast] | None


def load_scene(path: Path, catalogue: Catalogue | None = None,
               display_name: str | None = None, cast: CastSource = None) -> Scene:
    """Load and validate one scene file. Raises SceneError listing every problem found."""
    with collector_paused():
        # No name holds the document: its nodes are freed before the collector is switched back
        # on, so the collector does not walk them all once more on the way out.
        return SceneBuilder(read_yaml_file(path, display_name), catalogue or default_catalogue(), cast).build()


def check_scene_file(path: Path, catalogue: Catalogue | None = None,
                     display_name: str | None = None,
                     cast: CastSource = None) -> tuple[Scene | None, list[Diagnostic]]:
    """Load one scene file, returning the scene (None if it has errors) and every message."""
    with collector_paused():
        try:
            doc = read_yaml_file(path, display_name)
        except SceneError as exc:
            return None, exc.diagnostics
        builder = SceneBuilder(doc, catalogue or default_catalogue(), cast)
        del doc  # freed with the builder, before the collector is back on (see load_scene)
        try:
            scene = builder.build()
        except SceneError as exc:
            return None, exc.diagnostics
        problems = builder.problems
        del builder
        return scene, problems


def load_scene_text(text: str, file: str = "<text>", catalogue: Catalogue | None = None,
                    cast: CastSource = None) -> Scene:
    with collector_paused():
        return SceneBuilder(read_yaml_text(text, file), catalogue or default_catalogue(), cast).build()


class SceneBuilder(HeaderBuilder, NodeBuilder, ChoiceBuilder, ConditionBuilder):
    """Walks the plain data of one scene file, building the model and collecting problems."""

    def __init__(self, doc: YamlDoc, catalogue: Catalogue, cast: CastSource = None) -> None:
        super().__init__(doc, catalogue)
        self.variables: dict[str, VariableValue] = {}
        self.roles: dict[str, Role] = {}
        self._cast = cast

    @property
    def puppets(self) -> Cast:
        if callable(self._cast):
            self._cast = self._cast()  # loaded only for scenes that use a puppet
        return self._cast or {}

    def build(self) -> Scene:
        data = self.doc.data
        if not isinstance(data, dict):
            self.error((), f"a scene file should be a mapping of scene fields, found {describe(data)}")
            raise SceneError(self.problems)
        self.check_keys((), data, SCENE_KEYS, "the scene")
        for required in ("id", "title", "roles", "start", "nodes"):
            if required not in data:
                self.error((), f"the scene is missing {required!r}")
        version = data.get("format", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            self.error(("format",), f"unknown format {version!r}; this version of Pathways reads format {FORMAT_VERSION}")

        scene_id = self.identifier(("id",), data.get("id", "scene"), "the scene id")
        self.roles = self.build_roles(data.get("roles"))
        self.variables = self.build_variables(data.get("variables"))
        meters = self.build_start_meters(data.get("meters"))
        nodes = self.build_nodes(data.get("nodes"))
        start = data.get("start")
        if "start" in data and self.expect(("start",), start, str, "start"):
            if nodes and start not in nodes:
                self.error(("start",), f"start node {start!r} does not exist{_suggest(start, nodes)}")
        minutes = data.get("minutes", 5)
        if self.expect(("minutes",), minutes, int, "minutes") and not 1 <= minutes <= 120:
            self.error(("minutes",), "minutes should be between 1 and 120")

        scene = Scene(
            id=scene_id,
            title=self.text(("title",), data.get("title", ""), "the title"),
            summary=self.text(("summary",), data.get("summary"), "the summary", required=False),
            minutes=minutes if isinstance(minutes, int) else 5,
            content_notes=self.text_list(("content_notes",), data.get("content_notes", []), "a content note"),
            prompts=self.text_list(("prompts",), data.get("prompts", []), "a prompt"),
            tags=self.tags(data.get("tags", [])),
            roles=self.roles,
            variables=self.variables,
            meters=meters,
            start=start if isinstance(start, str) else "",
            nodes=nodes,
            file=self.doc.file,
        )
        if nodes:
            self.problems.extend(check_scene(scene, self.catalogue))
        if not any(p.level == "error" for p in self.problems):
            self.problems.extend(lint_scene(scene, self.catalogue))
        self.problems.sort(key=lambda d: (d.line, d.column))
        if any(p.level == "error" for p in self.problems):
            raise SceneError(self.problems)
        return scene

    def tags(self, raw: object) -> tuple[str, ...]:
        if not self.expect(("tags",), raw, list, "tags"):
            return ()
        return tuple(dict.fromkeys(self.identifier(("tags", i), tag, "a tag").lower()
                                   for i, tag in enumerate(raw)))
