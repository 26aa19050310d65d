"""Warnings for authors: things that load fine but are probably not what the author meant."""

from __future__ import annotations

import itertools
from typing import Callable, Iterator

from game.engine.scene.answer_tells import lint_answer_tells
from game.engine.scene.catalogue import Catalogue
from game.engine.scene.conditions import BoolOp, Compare, Condition, Expr, Literal, Not
from game.engine.scene.diagnostics import Diagnostic
from game.engine.scene.model import Scene, VariableValue
from game.engine.scene.narration_slips import lint_narration_slips
from game.engine.scene.position import Position
from game.engine.scene.scripted_lines import lint_scripted_lines

MAX_COMBINATIONS = 20_000

Report = Callable[[Position, str], None]


def lint_scene(scene: Scene, catalogue: Catalogue) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def report(pos: Position, message: str) -> None:
        found.append(Diagnostic(scene.file, pos.line, pos.column, "warning", message))

    _unscored_choices(scene, report)
    domains = _possible_values(scene, catalogue)
    assigned = _set_somewhere(scene)
    never_holds: dict[str, bool] = {}  # by source: scenes repeat the same conditions
    for condition in _conditions(scene):
        if _read_but_never_set(scene, condition, assigned, report):
            continue  # that warning already explains why the condition may never hold
        never = never_holds.get(condition.source)
        if never is None:
            never = never_holds[condition.source] = _can_never_hold(condition, domains)
        if never:
            report(Position(condition.line, condition.column),
                   f"the condition {condition.source!r} can never hold")
    found += lint_scripted_lines(scene)
    found += lint_narration_slips(scene)
    found += lint_answer_tells(scene)
    return found


def _unscored_choices(scene: Scene, report: Report) -> None:
    for node in scene.nodes.values():
        for choice in node.choices:
            if not choice.effect.is_scored:
                report(choice.pos, "this choice carries no scoring (no 'scores' or 'traps'), so "
                                   "its feedback cannot say what it showed")


def _conditions(scene: Scene) -> Iterator[Condition]:
    for node in scene.nodes.values():
        for item in (*node.lines, *node.choices, *node.route):
            if item.condition is not None:
                yield item.condition


def _set_somewhere(scene: Scene) -> set[str]:
    return {name for node in scene.nodes.values() for c in node.choices
            for name in list(c.effect.set) + list(c.effect.add)}


def _read_but_never_set(scene: Scene, condition: Condition, assigned: set[str], report: Report) -> bool:
    never = [n.name for n in condition.read or () if n.name in scene.variables and n.name not in assigned]
    for name in dict.fromkeys(never):
        report(Position(condition.line, condition.column),
               f"variable {name!r} is read here but no choice sets it, so it is always "
               f"{scene.variables[name]!r}")
    return bool(never)


def _possible_values(scene: Scene, catalogue: Catalogue) -> dict[str, list[VariableValue] | None]:
    """Every value each name can take, or None when there are too many to list."""
    domains: dict[str, list[VariableValue] | None] = {
        m.key: list(range(m.minimum, m.maximum + 1)) for m in catalogue.meters}
    added = {name for node in scene.nodes.values() for c in node.choices for name in c.effect.add}
    values: dict[str, list[VariableValue]] = {name: [initial] for name, initial in scene.variables.items()}
    for node in scene.nodes.values():
        for choice in node.choices:
            for name, value in choice.effect.set.items():
                if name in values:
                    values[name].append(value)
    for name, listed in values.items():
        domains[name] = None if name in added else list(dict.fromkeys(listed))
    return domains


def _can_never_hold(condition: Condition, domains: dict[str, list[VariableValue] | None]) -> bool:
    names = list(dict.fromkeys([name.name for name in condition.read or ()]))
    value_lists: list[list[VariableValue]] = []
    combinations = 1
    for name in names:
        values = domains.get(name)
        if values is None:
            return False  # scores, traps and counters: too many values to be sure
        value_lists.append(values)
        combinations *= len(values)
    if combinations > MAX_COMBINATIONS:
        return False
    # Values at and next to the condition's own numbers come first: a condition that can hold
    # usually holds there, so the search stops early. Every combination is still tried otherwise.
    hints = _hints(condition.tree)
    ordered = [[v for v in values if v in hints] + [v for v in values if v not in hints]
               for values in value_lists]
    current: dict[str, VariableValue] = {}
    get = current.get
    lookup = lambda name: get(name, False)  # noqa: E731
    test = condition.test
    for combination in itertools.product(*ordered):
        current.update(zip(names, combination))
        if test(lookup):  # type: ignore[misc]
            return False
    return True


def _hints(tree: Expr) -> set[VariableValue]:
    """The condition's own values, each number with its neighbours, and True (flags in
    conditions are mostly read as set)."""
    found: set[VariableValue] = {True}
    todo = [tree]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is Literal:
            value = item.value  # type: ignore[union-attr]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                found.add(value)
            else:
                found.update((value - 1, value, value + 1))
        elif kind is Not:
            todo.append(item.operand)  # type: ignore[union-attr]
        elif kind is BoolOp or kind is Compare:
            todo += (item.left, item.right)  # type: ignore[union-attr]
    return found
