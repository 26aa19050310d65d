"""Building nodes: their lines, puppet interludes, routes and endings."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Mapping, Protocol

from game.engine.scene.conditions import Condition
from game.engine.scene.fields import (
    IDENTIFIER,
    MAX_LINES_PER_NODE,
    FieldChecker,
    _suggest,
    describe,
)
from game.engine.scene.keys import (
    BRANCH_KEYS,
    ENDING_KEYS,
    LINE_KEYS,
    NODE_KEYS,
    NODE_KINDS,
    PUPPET_CUE_KEYS,
)
from game.engine.scene.model import (
    Choice,
    Ending,
    Line,
    Node,
    PuppetCue,
    Role,
    RouteBranch,
)
from game.engine.scene.text import MAX_LINE
from game.engine.scene.yamldoc import PathKey


class CastMember(Protocol):
    """What a scene needs of a puppet: the answers a player can pick."""

    answers: tuple[Choice, ...]


Cast = Mapping[str, CastMember]


class NodeBuilder(FieldChecker):
    roles: dict[str, Role]
    puppets: Cast  # the cast, given by SceneBuilder

    if TYPE_CHECKING:  # provided by the other parts of SceneBuilder
        def condition(self, path: PathKey, raw: Any) -> Condition | None: ...
        def build_choices(self, path: PathKey, raw: Any) -> tuple[Choice, ...]: ...

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
            # Without a goto, where the goto would be is where the node's fields start.
            goto_pos=self.doc.where(path + ("goto",) if "goto" in spec else path),
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
        if len(raw) > MAX_LINES_PER_NODE:
            self.error(path + (MAX_LINES_PER_NODE,), f"a node may show at most {MAX_LINES_PER_NODE} lines; "
                       "split the text into nodes joined by 'goto'")
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
        if speaker is not None and not isinstance(speaker, str):
            self.error(path + ("speaker",) if "speaker" in item else path,
                       f"a speaker should be the name of one of the scene's roles, found {describe(speaker)}",
                       on_key="speaker" not in item)
            speaker = None
        elif speaker is not None and speaker not in self.roles:
            self.error(path + ("speaker",) if "speaker" in item else path,
                       f"unknown speaker {speaker!r}{_suggest(str(speaker), self.roles)}; speakers are the scene's roles",
                       on_key="speaker" not in item)
        return Line(text=self.text(text_path, text, "a line"), speaker=speaker,
                    condition=self.condition(path + ("if",), item["if"]) if "if" in item else None, pos=pos)

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
