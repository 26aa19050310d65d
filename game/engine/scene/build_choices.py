"""Building a node's choices and what each one does (scores, traps, meters, variables)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.engine.scene.conditions import Condition
from game.engine.scene.fields import FieldChecker, _suggest, describe
from game.engine.scene.keys import CHOICE_KEYS
from game.engine.scene.model import Choice, Effect, VariableValue
from game.engine.scene.yamldoc import PathKey


class ChoiceBuilder(FieldChecker):
    variables: dict[str, VariableValue]

    if TYPE_CHECKING:  # provided by ConditionBuilder
        def condition(self, path: PathKey, raw: Any) -> Condition | None: ...

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
            condition=self.condition(path + ("if",), item["if"]) if "if" in item else None,
            once=once is True,
            pos=self.doc.where(path),
            goto_pos=self.doc.where(path + ("goto",)),
        )

    def build_effect(self, path: PathKey, item: dict) -> Effect:
        additions = item.get("add")
        if additions is not None:
            additions = self.deltas(path + ("add",), additions, self.number_variables(), "number variable",
                                    _any_step, "")
        assignments = item.get("set")
        if assignments is not None:
            assignments = self.assignments(path + ("set",), assignments)
        return self.scored_effect(path, item, additions, assignments)

    def number_variables(self) -> frozenset[str]:
        """The variables that hold whole numbers (the variables are read before any choice)."""
        if getattr(self, "_number_variables", None) is None:
            self._number_variables = frozenset(
                k for k, v in self.variables.items() if isinstance(v, int) and not isinstance(v, bool))
        return self._number_variables

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


def _any_step(value: int) -> bool:
    return True
