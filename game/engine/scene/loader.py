"""Scene files to the scene model. Every problem is reported at once, each with file:line:col."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from game.engine.catalogue import Catalogue, default_catalogue
from game.engine.conditions import Condition, ConditionSyntaxError, parse_condition
from game.engine.diagnostics import Diagnostic, SceneError
from game.engine.fields import IDENTIFIER, FieldChecker, _suggest, describe
from game.engine.lint import lint_scene
from game.engine.model import (
    Choice,
    Effect,
    Ending,
    Line,
    Node,
    PuppetCue,
    Role,
    RouteBranch,
    Scene,
    VariableValue,
)
from game.engine.scene_checks import check_scene
from game.engine.voices import MAX_LINE
from game.engine.yamldoc import PathKey, YamlDoc, read_yaml_file, read_yaml_text

if TYPE_CHECKING:
    from game.engine.puppets import Puppet

FORMAT_VERSION = 1

SCENE_KEYS = {"format", "id", "title", "summary", "minutes", "content_notes", "roles",
              "variables", "meters", "start", "nodes", "prompts"}
ROLE_KEYS = {"name", "playable", "about"}
NODE_KEYS = {"lines", "choices", "goto", "route", "ending", "turn", "unsafe", "puppet"}
PUPPET_CUE_KEYS = {"id", "line"}
LINE_KEYS = {"speaker", "text", "if"}
CHOICE_KEYS = {"id", "text", "goto", "if", "once", "scores", "traps", "meters", "set", "add",
               "feedback"}
BRANCH_KEYS = {"if", "goto"}
ENDING_KEYS = {"title", "reflection"}
NODE_KINDS = ("choices", "goto", "route", "ending")


def load_scene(path: Path, catalogue: Catalogue | None = None,
               display_name: str | None = None) -> Scene:
    """Load and validate one scene file. Raises SceneError listing every problem found."""
    doc = read_yaml_file(path, display_name)
    return SceneBuilder(doc, catalogue or default_catalogue()).build()


def _puppets() -> Mapping[str, Puppet]:
    from game.engine.puppets import default_puppets

    return default_puppets().puppets


def check_scene_file(path: Path, catalogue: Catalogue | None = None,
                     display_name: str | None = None) -> tuple[Scene | None, list[Diagnostic]]:
    """Load one scene file, returning the scene (None if it has errors) and every message."""
    try:
        doc = read_yaml_file(path, display_name)
    except SceneError as exc:
        return None, exc.diagnostics
    builder = SceneBuilder(doc, catalogue or default_catalogue())
    try:
        scene = builder.build()
    except SceneError as exc:
        return None, exc.diagnostics
    return scene, builder.problems


def load_scene_text(text: str, file: str = "<text>", catalogue: Catalogue | None = None) -> Scene:
    doc = read_yaml_text(text, file)
    return SceneBuilder(doc, catalogue or default_catalogue()).build()


class SceneBuilder(FieldChecker):
    """Walks the plain data of one scene file, building the model and collecting problems."""

    def __init__(self, doc: YamlDoc, catalogue: Catalogue,
                 puppets: Mapping[str, Puppet] | None = None) -> None:
        super().__init__(doc, catalogue)
        self.variables: dict[str, VariableValue] = {}
        self.roles: dict[str, Role] = {}
        self._puppets = puppets

    @property
    def puppets(self) -> Mapping[str, Puppet]:
        if self._puppets is None:
            self._puppets = _puppets()  # loaded only for scenes that use a puppet
        return self._puppets

    # -- the scene -------------------------------------------------------------------------

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

    def build_roles(self, raw: Any) -> dict[str, Role]:
        roles: dict[str, Role] = {}
        if raw is None or not self.expect(("roles",), raw, dict, "roles"):
            return roles
        for role_id, spec in raw.items():
            path = ("roles", role_id)
            self.identifier(path, role_id, "a role id")
            if isinstance(spec, str):
                spec = {"name": spec}
            if not self.expect(path, spec, dict, f"role {role_id!r}"):
                continue
            self.check_keys(path, spec, ROLE_KEYS, f"role {role_id!r}")
            playable = spec.get("playable", False)
            self.expect(path + ("playable",), playable, bool, "playable")
            roles[role_id] = Role(
                id=role_id,
                name=self.text(path + ("name",), spec.get("name", role_id), "a role name"),
                playable=playable is True,
                about=self.text(path + ("about",), spec.get("about"), "about", required=False),
            )
        if roles and not any(r.playable for r in roles.values()):
            self.error(("roles",), "no role is playable; mark the player's role with 'playable: true'")
        return roles

    def build_variables(self, raw: Any) -> dict[str, VariableValue]:
        variables: dict[str, VariableValue] = {}
        if raw is None or not self.expect(("variables",), raw, dict, "variables"):
            return variables
        reserved = self.catalogue.meter_keys | {"and", "or", "not", "true", "false", "score", "trap"}
        for name, initial in raw.items():
            path = ("variables", name)
            if name in reserved or not IDENTIFIER.match(name) or "-" in name:
                self.error(path, f"{name!r} cannot be a variable name", on_key=True)
                continue
            if not isinstance(initial, (bool, int, str)):
                self.error(path, f"variable {name!r} should start as true/false, a whole number or text, found {describe(initial)}")
                continue
            variables[name] = initial
        return variables

    def build_start_meters(self, raw: Any) -> dict[str, int]:
        meters = {m.key: 0 for m in self.catalogue.meters}
        if raw is None or not self.expect(("meters",), raw, dict, "meters"):
            return meters
        for key, value in raw.items():
            if key not in meters:
                self.error(("meters", key), f"unknown meter {key!r}{_suggest(key, meters)}", on_key=True)
            elif self.expect(("meters", key), value, int, f"meter {key!r}"):
                meters[key] = self.catalogue.meter(key).clamp(value)
        return meters

    # -- nodes -----------------------------------------------------------------------------

    def build_nodes(self, raw: Any) -> dict[str, Node]:
        nodes: dict[str, Node] = {}
        if raw is None or not self.expect(("nodes",), raw, dict, "nodes"):
            return nodes
        if not raw:
            self.error(("nodes",), "the scene has no nodes")
        for node_id, spec in raw.items():
            path = ("nodes", node_id)
            if not IDENTIFIER.match(node_id):
                self.error(path, f"node id {node_id!r} should be letters, digits, '_' or '-'", on_key=True)
            if self.expect(path, spec, dict, f"node {node_id!r}"):
                nodes[node_id] = self.build_node(path, node_id, spec)
        return nodes

    def build_node(self, path: PathKey, node_id: str, spec: dict) -> Node:
        self.check_keys(path, spec, NODE_KEYS, f"node {node_id!r}")
        kinds = [k for k in NODE_KINDS if k in spec]
        if "puppet" in spec:
            kinds = [k for k in kinds if k != "goto"]
            if "goto" not in spec:
                self.error(path + ("puppet",), "a puppet interlude needs a 'goto': where the scene goes on afterwards", on_key=True)
            if kinds:
                self.error(path + (kinds[0],), f"a puppet interlude cannot also have {kinds[0]!r}", on_key=True)
        elif not kinds:
            self.error(path, f"node {node_id!r} needs one of 'choices', 'goto', 'route' or 'ending' to say what happens next", on_key=True)
        elif len(kinds) > 1:
            self.error(path + (kinds[1],), f"node {node_id!r} has both {kinds[0]!r} and {kinds[1]!r}; use one", on_key=True)
        if "route" in spec and "lines" in spec:
            self.error(path + ("lines",), "a route node only decides where to go; put its lines in the nodes it leads to", on_key=True)
        turn = spec.get("turn")
        if turn is not None and self.expect(path + ("turn",), turn, str, "turn"):
            role = self.roles.get(turn)
            if role is None or not role.playable:
                playable = [r for r in self.roles if self.roles[r].playable]
                self.error(path + ("turn",), f"turn {turn!r} is not a playable role{_suggest(turn, playable)}")
        unsafe = spec.get("unsafe", False)
        self.expect(path + ("unsafe",), unsafe, bool, "unsafe")
        goto = spec.get("goto")
        if goto is not None and not self.expect(path + ("goto",), goto, str, "goto"):
            goto = None
        cue = self.build_puppet_cue(path + ("puppet",), spec["puppet"], goto) if "puppet" in spec else None
        return Node(
            id=node_id,
            lines=self.build_lines(path + ("lines",), spec.get("lines", [])),
            choices=self.build_choices(path + ("choices",), spec["choices"]) if "choices" in spec else (),
            goto=goto,
            route=self.build_route(path + ("route",), spec["route"]) if "route" in spec else (),
            ending=self.build_ending(path + ("ending",), spec["ending"]) if "ending" in spec else None,
            turn=turn if isinstance(turn, str) else None,
            unsafe=unsafe is True,
            puppet=cue,
            pos=self.doc.where_key(path),
            goto_pos=self.doc.where(path + ("goto",)),
        )

    def build_puppet_cue(self, path: PathKey, raw: Any, goto: str | None) -> PuppetCue | None:
        if not self.expect(path, raw, dict, "puppet"):
            return None
        self.check_keys(path, raw, PUPPET_CUE_KEYS, "the puppet interlude")
        puppet_id = raw.get("id")
        line = self.text(path + ("line",), raw.get("line"), "the puppet's line")
        if len(line) > MAX_LINE:
            self.error(path + ("line",), f"the puppet's line should be at most {MAX_LINE} characters")
        if not self.expect(path + ("id",), puppet_id, str, "the puppet id"):
            return None
        puppet = self.puppets.get(puppet_id)
        if puppet is None:
            self.error(path + ("id",), f"unknown puppet {puppet_id!r}{_suggest(puppet_id, self.puppets)}; "
                                       "puppets are the files in assets/puppets/")
            return None
        answers = tuple(replace(answer, goto=goto or "") for answer in puppet.answers)
        return PuppetCue(puppet_id, line, answers)

    def build_lines(self, path: PathKey, raw: Any) -> tuple[Line, ...]:
        if not self.expect(path, raw, list, "lines"):
            return ()
        return tuple(line for i, item in enumerate(raw)
                     if (line := self.build_line(path + (i,), item)) is not None)

    def build_line(self, path: PathKey, item: Any) -> Line | None:
        pos = self.doc.where(path)
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            return Line(text=self.text(path, item, "a line"), pos=pos)
        if not isinstance(item, dict) or not item:
            self.error(path, f"a line should be text (narration) or 'speaker: text', found {describe(item)}")
            return None
        if "text" in item or "speaker" in item:
            self.check_keys(path, item, LINE_KEYS, "a line")
            speaker = item.get("speaker")
            text_path = path + ("text",)
            text = item.get("text")
        elif len(item) == 1:
            speaker, text = next(iter(item.items()))
            text_path = path + (speaker,)
        else:
            self.error(path, "a short line has one 'speaker: text' pair; use 'speaker:', 'text:' and 'if:' for more")
            return None
        if speaker is not None and speaker not in self.roles:
            self.error(path + ("speaker",) if "speaker" in item else path,
                       f"unknown speaker {speaker!r}{_suggest(str(speaker), self.roles)}; speakers are the scene's roles",
                       on_key="speaker" not in item)
        return Line(text=self.text(text_path, text, "a line"), speaker=speaker,
                    condition=self.condition(path + ("if",), item.get("if")), pos=pos)

    def build_choices(self, path: PathKey, raw: Any) -> tuple[Choice, ...]:
        if not self.expect(path, raw, list, "choices"):
            return ()
        if not raw:
            self.error(path, "choices is empty; give at least one choice or use 'goto'")
        if len(raw) > 9:
            self.error(path + (9,), "a node may offer at most 9 choices, one per number key")
        choices: list[Choice] = []
        keys: set[str] = set()
        for i, item in enumerate(raw):
            choice = self.build_choice(path + (i,), i, item)
            if choice is None:
                continue
            if choice.key in keys:
                self.error(path + (i, "id"), f"duplicate choice id {choice.key!r} in this node")
            keys.add(choice.key)
            choices.append(choice)
        return tuple(choices)

    def build_choice(self, path: PathKey, index: int, item: Any) -> Choice | None:
        if not self.expect(path, item, dict, "a choice"):
            return None
        self.check_keys(path, item, CHOICE_KEYS, "a choice")
        if "goto" not in item:
            self.error(path, "the choice has no 'goto' (the node it leads to)")
        key = item.get("id", str(index + 1))
        if "id" in item:
            self.identifier(path + ("id",), key, "a choice id")
        once = item.get("once", False)
        self.expect(path + ("once",), once, bool, "once")
        goto = item.get("goto", "")
        return Choice(
            key=str(key),
            text=self.text(path + ("text",), item.get("text"), "the choice text"),
            goto=goto if self.expect(path + ("goto",), goto, str, "goto") else "",
            effect=self.build_effect(path, item),
            feedback=self.text(path + ("feedback",), item.get("feedback"), "feedback", required=False),
            condition=self.condition(path + ("if",), item.get("if")),
            once=once is True,
            pos=self.doc.where(path),
            goto_pos=self.doc.where(path + ("goto",)),
        )

    def build_effect(self, path: PathKey, item: dict) -> Effect:
        int_vars = {k for k, v in self.variables.items() if isinstance(v, int) and not isinstance(v, bool)}
        additions = self.deltas(path + ("add",), item.get("add"), int_vars, "number variable",
                                lambda v: True, "")
        return self.scored_effect(path, item, additions, self.assignments(path + ("set",), item.get("set")))

    def assignments(self, path: PathKey, raw: Any) -> dict[str, VariableValue]:
        if raw is None or not self.expect(path, raw, dict, "set"):
            return {}
        result: dict[str, VariableValue] = {}
        for name, value in raw.items():
            if name not in self.variables:
                self.error(path + (name,), f"unknown variable {name!r}{_suggest(name, self.variables)}; declare it under 'variables'", on_key=True)
            elif type(value) is not type(self.variables[name]):
                self.error(path + (name,), f"variable {name!r} holds {describe(self.variables[name])}, found {describe(value)}")
            else:
                result[name] = value
        return result

    def build_route(self, path: PathKey, raw: Any) -> tuple[RouteBranch, ...]:
        if not self.expect(path, raw, list, "route") or not raw:
            if raw == []:
                self.error(path, "route is empty")
            return ()
        branches: list[RouteBranch] = []
        for i, item in enumerate(raw):
            branch_path = path + (i,)
            if not self.expect(branch_path, item, dict, "a route branch"):
                continue
            self.check_keys(branch_path, item, BRANCH_KEYS, "a route branch")
            goto = item.get("goto")
            if not self.expect(branch_path + ("goto",), goto, str, "goto"):
                continue
            condition = self.condition(branch_path + ("if",), item.get("if"))
            if "if" not in item and i != len(raw) - 1:
                self.error(branch_path, "only the last route branch may leave out 'if'; later branches could never be taken")
            branches.append(RouteBranch(goto, condition, self.doc.where(branch_path + ("goto",))))
        if isinstance(raw[-1], dict) and "if" in raw[-1]:
            self.error(path + (len(raw) - 1,), "the last route branch needs no 'if': it is where to go when nothing else holds")
        return tuple(branches)

    def build_ending(self, path: PathKey, raw: Any) -> Ending | None:
        if not self.expect(path, raw, dict, "ending"):
            return None
        self.check_keys(path, raw, ENDING_KEYS, "the ending")
        return Ending(title=self.text(path + ("title",), raw.get("title"), "the ending title"),
                      reflection=self.text(path + ("reflection",), raw.get("reflection"), "the reflection"))

    # -- conditions ------------------------------------------------------------------------

    def condition(self, path: PathKey, raw: Any) -> Condition | None:
        if raw is None:
            return None
        if isinstance(raw, bool):
            raw = "true" if raw else "false"
        if not self.expect(path, raw, str, "a condition"):
            return None
        try:
            condition = parse_condition(raw)
        except ConditionSyntaxError as exc:
            self.error(path, f"in condition: {exc}", offset=exc.offset)
            return None
        for name in condition.names():
            problem = self.unknown_name(name.name)
            if problem:
                self.error(path, problem, offset=name.offset)
        where = self.doc.where(path)
        return replace(condition, line=where.line, column=where.column)

    def unknown_name(self, name: str) -> str | None:
        if "." in name:
            group, key = name.split(".", 1)
            known = {"score": self.catalogue.dimension_keys, "trap": self.catalogue.trap_keys}.get(group)
            if known is None:
                return f"unknown name {name!r}; dotted names start with 'score.' or 'trap.'"
            return None if key in known else f"unknown {'dimension' if group == 'score' else 'trap'} {key!r} in {name!r}{_suggest(key, known)}"
        if name in self.variables or name in self.catalogue.meter_keys:
            return None
        return f"unknown name {name!r}{_suggest(name, set(self.variables) | self.catalogue.meter_keys)}; declare it under 'variables'"
