"""Conditions in a scene file: parsed, and every name checked against the scene and catalogue."""

from __future__ import annotations

from typing import Any

from game.engine.scene.conditions import (
    Condition,
    ConditionSyntaxError,
    Expr,
    Name,
    Test,
    compile_tree,
    parse_tree,
)
from game.engine.scene.fields import FieldChecker, _suggest
from game.engine.scene.model import VariableValue
from game.engine.scene.yamldoc import PathKey


class ConditionBuilder(FieldChecker):
    variables: dict[str, VariableValue]

    def condition(self, path: PathKey, raw: Any) -> Condition | None:
        if raw is None:
            return None
        if isinstance(raw, bool):
            raw = "true" if raw else "false"
        if not self.expect(path, raw, str, "a condition"):
            return None
        try:
            tree, test, read, problems = self.parsed(raw)
        except ConditionSyntaxError as exc:
            self.error(path, f"in condition: {exc}", offset=exc.offset)
            return None
        for problem, offset in problems:
            self.error(path, problem, offset=offset)
        where = self.doc.where(path)
        return Condition(raw, tree, where.line, where.column, test, read)

    def parsed(self, source: str) -> tuple[Expr, Test, tuple[Name, ...], list[tuple[str, int]]]:
        """Each distinct condition parsed, compiled and its names checked once per file (scenes
        repeat their conditions): its tree, test, names, and each unknown name's problem and offset."""
        cache: dict[str, tuple[Expr, Test, tuple[Name, ...], list[tuple[str, int]]]]
        cache = self.__dict__.setdefault("_parsed_conditions", {})
        found = cache.get(source)
        if found is None:
            tree, read = parse_tree(source)
            problems = [(problem, name.offset) for name in read if (problem := self.unknown_name(name.name))]
            found = cache[source] = (tree, compile_tree(tree), read, problems)
        return found

    def unknown_name(self, name: str) -> str | None:
        if "." in name:
            group, key = name.split(".", 1)
            known = {"score": self.dimension_keys, "trap": self.trap_keys,
                     "recent": self.meter_keys}.get(group)
            if known is None:
                return f"unknown name {name!r}; dotted names start with 'score.', 'trap.' or 'recent.'"
            kind = {"score": "dimension", "trap": "trap", "recent": "meter"}[group]
            return None if key in known else f"unknown {kind} {key!r} in {name!r}{_suggest(key, known)}"
        if name in self.variables or name in self.meter_keys:
            return None
        return f"unknown name {name!r}{_suggest(name, set(self.variables) | self.meter_keys)}; declare it under 'variables'"
