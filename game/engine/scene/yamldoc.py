"""Read YAML into plain Python values while remembering where each value came from.

Scene files are untrusted. This reader refuses aliases (so an alias bomb costs nothing),
duplicate keys and oversized files, strips control characters from every string, and keeps
the line and column of every value so that later checks can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.engine.scene.diagnostics import Diagnostic, SceneError
from game.engine.scene.text import strip_control, strip_control_from_source

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32

Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, where the value's text starts


@dataclass
class YamlDoc:
    """Plain data (dicts, lists, str, int, float, bool, None) plus the position of each part."""

    file: str
    data: Any
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)  # found while reading, not fatal

    def where(self, path: PathKey) -> Position:
        """The position of the value at ``path``, or of its nearest recorded ancestor."""
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))

    def where_key(self, path: PathKey) -> Position:
        return self.keys.get(path) or self.where(path)

    def diagnostic(self, path: PathKey, message: str, *, on_key: bool = False,
                   level: str = "error", offset: int = 0) -> Diagnostic:
        pos = self.where_key(path) if on_key else self.where(path)
        return Diagnostic(self.file, pos.line, pos.column + offset, level, message)  # type: ignore[arg-type]


def read_yaml_file(path: Path, display_name: str | None = None) -> YamlDoc:
    name = display_name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SceneError([Diagnostic(name, 1, 1, "error",
                                         f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")])
        raw = path.read_bytes()
    except OSError as exc:
        raise SceneError([Diagnostic(name, 1, 1, "error", f"cannot read file: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SceneError([Diagnostic(name, 1, 1, "error", f"file is not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None
    return read_yaml_text(text, name)


def read_yaml_text(text: str, file: str = "<text>") -> YamlDoc:
    """Read YAML text. Syntax errors raise SceneError; other problems are kept in doc.problems."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise SceneError([Diagnostic(file, 1, 1, "error", f"text is larger than the limit of {MAX_FILE_BYTES:,} bytes")])
    text = strip_control_from_source(text)
    doc = YamlDoc(file=file, data=None)
    loader = Loader(text)
    try:
        doc.problems.extend(_alias_problems(text, file))
        root = loader.get_single_node()
        if root is not None:
            converter = _Converter(doc, loader)
            doc.data = converter.convert(root, ())
            doc.problems.extend(converter.problems)
        return doc
    except yaml.MarkedYAMLError as exc:
        raise SceneError([_syntax_diagnostic(exc, file)]) from None
    except yaml.YAMLError as exc:
        raise SceneError([Diagnostic(file, 1, 1, "error", f"YAML syntax: {exc}")]) from None
    finally:
        loader.dispose()


def _alias_problems(text: str, file: str) -> list[Diagnostic]:
    """Aliases are refused where they are used, before anything is built from them."""
    return [
        Diagnostic(file, event.start_mark.line + 1, event.start_mark.column + 1, "error",
                   "YAML aliases (*name) are not allowed in scene files; write the value out")
        for event in yaml.parse(text, Loader=Loader)
        if isinstance(event, yaml.AliasEvent)
    ]


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = exc.problem or "invalid YAML"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        where = f"line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
        message += f" ({exc.context} that starts at {where})"
    elif exc.context:
        message += f" ({exc.context})"
    return Diagnostic(file, line, col, "error", f"YAML syntax: {message}")


def _position(node: yaml.Node) -> Position:
    mark = node.start_mark
    quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
    return Position(mark.line + 1, mark.column + 1 + (1 if quoted else 0))


_ALIAS = object()  # stands for an aliased value, which is reported and then left out


class _Converter:
    def __init__(self, doc: YamlDoc, loader: Any) -> None:
        self.doc = doc
        self.loader = loader
        self.problems: list[Diagnostic] = []
        self._seen: set[int] = set()

    def problem(self, pos: Position, message: str) -> None:
        self.problems.append(Diagnostic(self.doc.file, pos.line, pos.column, "error", message))

    def convert(self, node: yaml.Node, path: PathKey, depth: int = 0) -> Any:
        if id(node) in self._seen:
            return _ALIAS
        self._seen.add(id(node))
        pos = _position(node)
        self.doc.values[path] = pos
        if depth > MAX_DEPTH:
            self.problem(pos, f"nested more than {MAX_DEPTH} levels deep")
            return None
        if isinstance(node, yaml.ScalarNode):
            value = self.loader.construct_object(node)
            return strip_control(value) if isinstance(value, str) else value
        if isinstance(node, yaml.SequenceNode):
            items = (self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value))
            return [item for item in items if item is not _ALIAS]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_pos = _position(key_node)
            key = self.loader.construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self.problem(key_pos, "mapping keys must be plain names")
                continue
            key = strip_control(str(key))
            if key in result:
                self.problem(key_pos, f"duplicate key {key!r}")
                continue
            value = self.convert(value_node, path + (key,), depth + 1)
            if value is not _ALIAS:
                self.doc.keys[path + (key,)] = key_pos
                result[key] = value
        return result
