"""Read YAML into plain Python values while remembering where each value came from.

Scene files are untrusted. This reader refuses aliases (so an alias bomb costs nothing),
duplicate keys, deep nesting and files over MAX_FILE_BYTES, strips control characters from
every string, and keeps the line and column of every value so that later checks can point at it.

It is one pass: libyaml composes the document in C, and a single walk over the composed nodes
gives plain values, remembering each value's node. Positions are worked out from those nodes only
when something asks where a value is (an error message, or a place kept in the model).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.engine.scene.diagnostics import Diagnostic, SceneError
from game.engine.scene.position import Position
from game.engine.scene.text import strip_control, strip_control_from_source

MAX_FILE_BYTES = 2 * 1024 * 1024  # 2 MiB: about 6,000 nodes; composing it takes ~100 MB at most
MAX_DEPTH = 32

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_ScalarNode = yaml.ScalarNode
_SequenceNode = yaml.SequenceNode
_MappingNode = yaml.MappingNode
_INDEX_FROM = 16  # a mapping with more entries than this gets an index when first searched


class Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe libyaml loader, resolving each distinct plain scalar's tag once per file.

    Scene files repeat the same words (keys, true, small numbers) thousands of times, and the
    resolver tries a list of patterns on every one of them. Most other plain scalars are text
    that starts with a letter no pattern starts with, which needs no pattern at all. The safe
    loader has no path resolvers, so a list or mapping always gets the default tag, and the
    hooks libyaml calls around every node have nothing to do."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is _ScalarNode:
            if not implicit[0]:
                return _STR  # quoted or block text: no path resolvers in a safe loader
            tag = self._plain_tags.get(value)
            if tag is None:
                patterns = self.yaml_implicit_resolvers  # by first character; None for any
                if value[:1] in patterns or None in patterns:
                    tag = super().resolve(kind, value, implicit)
                else:
                    tag = _STR
                self._plain_tags[value] = tag
            return tag
        return _SEQ if kind is _SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def node_position(node: yaml.Node) -> Position:
    mark = node.start_mark
    quoted = type(node) is _ScalarNode and node.style in ("'", '"')
    return Position(mark.line + 1, mark.column + 1 + (1 if quoted else 0))


@dataclass
class YamlDoc:
    """Plain data (dicts, lists, str, int, float, bool, None) plus the node of each container.

    A scalar's position is found from its container's node when asked for, so reading a file
    records one entry per mapping or list, not one per value."""

    file: str
    data: Any
    values: dict[PathKey, yaml.Node] = field(default_factory=dict)  # containers, and the root
    problems: list[Diagnostic] = field(default_factory=list)  # found while reading, not fatal
    _indexes: dict[int, dict[Any, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)

    def where(self, path: PathKey) -> Position:
        """The position of the value at ``path``, or of its nearest recorded ancestor."""
        values = self.values
        node = values.get(path)
        if node is not None:
            return node_position(node)
        found = self._entry(path)
        if found is not None:
            return node_position(found[1])
        while path:
            node = values.get(path)
            if node is not None:
                return node_position(node)
            path = path[:-1]
        root = values.get(())
        return node_position(root) if root is not None else Position(1, 1)

    def where_key(self, path: PathKey) -> Position:
        found = self._entry(path)
        if found is not None and found[0] is not None:
            return node_position(found[0])
        return self.where(path)

    def _entry(self, path: PathKey) -> tuple[yaml.Node | None, yaml.Node] | None:
        """(key node, value node) of the value at ``path``, looked up in its container's node."""
        if not path:
            return None
        parent = self.values.get(path[:-1])
        last = path[-1]
        if type(parent) is _MappingNode:
            pairs = parent.value
            if len(pairs) > _INDEX_FROM:
                index = self._indexes.get(id(parent))
                if index is None:
                    index = self._indexes[id(parent)] = {}
                    for key_node, value_node in pairs:
                        index.setdefault(_key_text(key_node), (key_node, value_node))
                return index.get(last)
            for key_node, value_node in pairs:
                if key_node.value == last:  # a key as written: nearly always
                    return key_node, value_node
            for key_node, value_node in pairs:
                if _key_text(key_node) == last:  # a key whose text changed on reading
                    return key_node, value_node
        elif type(parent) is _SequenceNode and type(last) is int and 0 <= last < len(parent.value):
            return None, parent.value[last]
        return None

    def diagnostic(self, path: PathKey, message: str, *, on_key: bool = False,
                   level: str = "error", offset: int = 0) -> Diagnostic:
        pos = self.where_key(path) if on_key else self.where(path)
        return Diagnostic(self.file, pos.line, pos.column + offset, level, message)  # type: ignore[arg-type]


def _key_text(node: yaml.Node) -> Any:
    """The key a mapping key node became in the plain data (as far as a lookup needs)."""
    if type(node) is not _ScalarNode:
        return None
    if node.tag == _STR:
        return strip_control(node.value) if node.style == '"' else node.value
    return strip_control(node.value)


def read_file_bytes(path: Path, name: str) -> bytes:
    """The bytes of a regular file, refusing one larger than MAX_FILE_BYTES (see read_capped)."""
    try:
        return read_capped(path, MAX_FILE_BYTES)
    except NotReadable as exc:
        raise SceneError([Diagnostic(name, 1, 1, "error", str(exc))]) from None
    except OSError as exc:
        raise SceneError([Diagnostic(name, 1, 1, "error", _unreadable(path, exc))]) from None


def read_yaml_file(path: Path, display_name: str | None = None) -> YamlDoc:
    name = display_name or str(path)
    raw = read_file_bytes(path, name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SceneError([Diagnostic(name, 1, 1, "error", f"file is not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None
    return read_yaml_text(text, name)


def _unreadable(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read file: it is a link that leads back to itself (a symlink loop)"
    if path.is_symlink() and not path.exists():
        return f"cannot read file: it is a link to {os.readlink(path)}, which does not exist"
    return f"cannot read file: {exc.strerror or exc}"


class NotReadable(Exception):
    """The path is not a regular file, or holds more than the limit."""


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, never more than ``limit``: a pipe, a device such as
    /dev/zero (even through a link) or a file that grows while read is refused, not waited on.

    Opened without blocking, so that opening a pipe cannot hang; its kind is checked on the
    open file, and the size by reading, since a size from stat can be wrong or change."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
        raise NotReadable(f"cannot read {kind}: scene and puppet files must be regular files")
    with os.fdopen(fd, "rb", buffering=0) as file:
        chunks, total = [], 0
        while total <= limit:
            chunk = file.read(min(64 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        raise NotReadable(f"file is larger than the limit of {limit:,} bytes")
    return b"".join(chunks)


def read_yaml_text(text: str, file: str = "<text>") -> YamlDoc:
    """Read YAML text. Syntax errors raise SceneError; other problems are kept in doc.problems."""
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise SceneError([Diagnostic(file, 1, 1, "error", f"text is larger than the limit of {MAX_FILE_BYTES:,} bytes")])
    text = strip_control_from_source(text)
    doc = YamlDoc(file=file, data=None)
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            converter = _Converter(doc, loader, text)
            doc.data = converter.convert(root, (), 0)
            if converter.aliased:
                doc.problems.extend(_alias_problems(text, file))
            doc.problems.extend(converter.problems)
        return doc
    except yaml.MarkedYAMLError as exc:
        raise SceneError([_syntax_diagnostic(exc, file)]) from None
    except yaml.YAMLError as exc:
        raise SceneError([Diagnostic(file, 1, 1, "error", f"YAML syntax: {exc}")]) from None
    finally:
        loader.dispose()


def _alias_problems(text: str, file: str) -> list[Diagnostic]:
    """Aliases are refused where they are used. Parsed again only when the walk met one."""
    return [
        Diagnostic(file, event.start_mark.line + 1, event.start_mark.column + 1, "error",
                   "YAML aliases (*name) are not allowed in scene files; write the value out")
        for event in yaml.parse(text, Loader=Loader)
        if isinstance(event, yaml.AliasEvent)
    ]


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "tag:yaml.org,2002:merge" in str(exc.problem):
        return Diagnostic(file, line, col, "error", "the merge key '<<' is not allowed in scene files "
                                                    "(it copies fields from elsewhere); write the fields out")
    message = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        where = f"line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
        message += f" ({exc.context} that starts at {where})"
    elif exc.context:
        message += f" ({exc.context})"
    return Diagnostic(file, line, col, "error", f"YAML syntax: {message}")


_ALIAS = object()  # stands for an aliased value, which is reported and then left out


class _Converter:
    """One walk over the composed nodes. An alias is the same node met twice, so it is left out
    the second time; the expansion an alias bomb relies on never happens."""

    def __init__(self, doc: YamlDoc, loader: Any, text: str) -> None:
        self.doc = doc
        self.loader = loader
        self.problems: list[Diagnostic] = []
        self.aliased = False
        self._seen: set[int] = set()
        # An alias needs an anchor (&name) to point at; without one, no node can be met twice.
        self.track = "&" in text
        self._values = doc.values
        self._numbers: dict[str, int] = {}

    def problem(self, node: yaml.Node, message: str) -> None:
        pos = node_position(node)
        self.problems.append(Diagnostic(self.doc.file, pos.line, pos.column, "error", message))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            value = node.value
            # The source was cleaned already; only escapes in double quotes can make new ones.
            return strip_control(value) if node.style == '"' else value
        if tag == _NULL:
            return None
        try:
            if tag == _INT:  # each distinct number read once per file: scenes repeat small numbers
                number = self._numbers.get(node.value)
                if number is None:
                    number = self._numbers[node.value] = self.loader.construct_yaml_int(node)
                return number
            if tag == _BOOL:
                return self.loader.bool_values[node.value.lower()]  # as construct_yaml_bool does
            value = self.loader.construct_object(node)
        except (ValueError, KeyError, IndexError, AttributeError, TypeError, OverflowError):
            # only an explicit tag (!!int abc) can give a value that does not fit its type
            kind = tag.rsplit(":", 1)[-1]
            self.problem(node, f"the tag !!{kind} does not fit the value {node.value[:40]!r}")
            return None
        return strip_control(value) if isinstance(value, str) else value

    def convert(self, node: yaml.Node, path: PathKey, depth: int) -> Any:
        if self.track:
            if id(node) in self._seen:
                self.aliased = True
                return _ALIAS
            self._seen.add(id(node))
        kind = type(node)
        if kind is _ScalarNode:
            if not path:
                self._values[path] = node
            return self.scalar(node)
        self._values[path] = node
        if depth > MAX_DEPTH:
            self.problem(node, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if kind is _SequenceNode:
            convert = self.convert
            depth += 1
            if not self.track:  # no aliases: an item that is a scalar needs no path
                scalar = self.scalar
                return [scalar(item) if type(item) is _ScalarNode else convert(item, path + (i,), depth)
                        for i, item in enumerate(node.value)]
            items = [convert(item, path + (i,), depth) for i, item in enumerate(node.value)]
            return [item for item in items if item is not _ALIAS] if self.aliased else items
        return self._mapping(node, path, depth + 1)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen = self._seen
        track = self.track
        convert = self.convert
        scalar = self.scalar
        for key_node, value_node in node.value:
            if track:
                if id(key_node) in seen:
                    self.aliased = True
                    continue
                seen.add(id(key_node))
            if type(key_node) is _ScalarNode and key_node.tag == _STR:
                key = key_node.value
                if key_node.style == '"':
                    key = strip_control(key)
            else:
                key = scalar(key_node) if type(key_node) is _ScalarNode else None
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    self.problem(key_node, "mapping keys must be plain names")
                    continue
                key = strip_control(str(key))
            if key in result:
                self.problem(key_node, f"duplicate key {key!r}")
                continue
            if type(value_node) is _ScalarNode and not (track and id(value_node) in seen):
                if track:
                    seen.add(id(value_node))
                if value_node.tag == _STR and value_node.style != '"':
                    result[key] = value_node.value  # text, as scalar() gives it, the usual case
                else:
                    result[key] = scalar(value_node)
                continue
            value = convert(value_node, path + (key,), depth)
            if value is not _ALIAS:
                result[key] = value
        return result
