"""Checking the fields of a YAML document against the catalogue, collecting every problem.

Shared by the scene loader and the puppet loader, so both report file:line:col the same way.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from game.engine.scene.catalogue import Catalogue
from game.engine.scene.diagnostics import Diagnostic, did_you_mean
from game.engine.scene.model import Effect
from game.engine.scene.yamldoc import PathKey, YamlDoc

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
MAX_SCORE_STEP = 3
MAX_METER_STEP = 5
MAX_TEXT = 4000
MAX_LINES_PER_NODE = 60  # about three screens at 80x24; longer text belongs in several nodes

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list",
               dict: "a mapping (key: value)", float: "a number"}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _suggest(word: str, options: Any) -> str:
    return did_you_mean(word, options)


def _comma_hint(key: Any, value: Any) -> str:
    """A key of several words with no value is most often the tail of an unquoted value that
    held a comma inside {...}: `{about: Thirty-four, two kids}`."""
    if value is None and isinstance(key, str) and " " in key.strip():
        return ("; if it is part of the value before it, that value has a comma inside {...}: "
                "put the whole value in quotes, for example {name: Sam, about: 'Thirty-four, two kids'}")
    return ""


class FieldChecker:
    """Reads fields from plain YAML data, reporting problems at the right line and column."""

    def __init__(self, doc: YamlDoc, catalogue: Catalogue) -> None:
        self.doc = doc
        self.catalogue = catalogue
        self.problems: list[Diagnostic] = list(doc.problems)
        # The catalogue works these out on each call; a file asks for them at every choice.
        self.dimension_keys = catalogue.dimension_keys
        self.meter_keys = catalogue.meter_keys
        self.trap_keys = catalogue.trap_keys

    def error(self, path: PathKey, message: str, *, on_key: bool = False, offset: int = 0) -> None:
        self.problems.append(self.doc.diagnostic(path, message, on_key=on_key, offset=offset))

    def expect(self, path: PathKey, value: Any, kind: type, what: str) -> bool:
        if type(value) is kind:  # the usual case, and never a bool standing for an int
            return True
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            self.error(path, f"{what} should be {_TYPE_NAMES[kind]}, found {describe(value)}")
        return ok

    def check_keys(self, path: PathKey, mapping: dict, allowed: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.error(path + (key,), f"unknown key {key!r} in {what}"
                           f"{_comma_hint(key, mapping[key]) or _suggest(key, allowed)}", on_key=True)

    def text(self, path: PathKey, value: Any, what: str, *, required: bool = True) -> str:
        if type(value) is str and len(value) <= MAX_TEXT:
            stripped = value.strip()
            if stripped or not required:
                return stripped
        if value is None:
            if required:
                self.error(path, f"{what} is missing")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not self.expect(path, value, str, what):
            return ""
        if not value.strip() and required:
            self.error(path, f"{what} is empty")
        if len(value) > MAX_TEXT:
            self.error(path, f"{what} is longer than {MAX_TEXT} characters")
        return value.strip()

    def identifier(self, path: PathKey, value: Any, what: str) -> str:
        if not self.expect(path, value, str, what):
            return ""
        if not IDENTIFIER.match(value):
            self.error(path, f"{what} {value!r} should be a name of letters, digits, '_' or '-', starting with a letter")
        return value

    def text_list(self, path: PathKey, value: Any, what: str) -> tuple[str, ...]:
        if not self.expect(path, value, list, str(path[-1])):
            return ()
        return tuple(self.text(path + (i,), item, what) for i, item in enumerate(value))

    def deltas(self, path: PathKey, raw: Any, known: frozenset[str] | set[str], what: str,
               in_range: Callable[[int], bool], range_text: str) -> dict[str, int]:
        if raw is None or not self.expect(path, raw, dict, path[-1]):
            return {}
        result: dict[str, int] = {}
        for key, value in raw.items():
            if key not in known:
                self.error(path + (key,), f"unknown {what} {key!r}{_suggest(key, known)}", on_key=True)
            elif self.expect(path + (key,), value, int, f"the change to {key!r}"):
                if not in_range(value):
                    self.error(path + (key,), f"the change to {key!r} should be {range_text}")
                result[key] = value
        return result

    def trap_list(self, path: PathKey, raw: Any) -> tuple[str, ...]:
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        if not self.expect(path, raw, list, "traps"):
            return ()
        known = self.trap_keys
        traps = []
        for i, key in enumerate(raw):
            if not isinstance(key, str):
                self.error(path + (i,), f"a trap should be the name of a trap, found {describe(key)}")
            elif key not in known:
                self.error(path + (i,), f"unknown trap {key!r}{_suggest(key, known)}")
            else:
                traps.append(key)
        return tuple(traps)

    def scored_effect(self, path: PathKey, item: dict, add: dict[str, int] | None = None,
                      assignments: dict | None = None) -> Effect:
        """The scores, traps and meter changes of a choice (or a puppet answer)."""
        get = item.get
        scores = get("scores")
        if scores is not None:
            scores = self.deltas(path + ("scores",), scores, self.dimension_keys, "dimension",
                                 _score_in_range, _SCORE_RANGE)
        meters = get("meters")
        if meters is not None:
            meters = self.deltas(path + ("meters",), meters, self.meter_keys, "meter",
                                 _meter_in_range, _METER_RANGE)
        traps = get("traps")
        return Effect(scores=scores or {}, traps=() if traps is None else self.trap_list(path + ("traps",), traps),
                      meters=meters or {}, set=assignments or {}, add=add or {})


_SCORE_RANGE = f"between -{MAX_SCORE_STEP} and {MAX_SCORE_STEP}"
_METER_RANGE = f"between -{MAX_METER_STEP} and {MAX_METER_STEP}"


def _score_in_range(value: int) -> bool:
    return -MAX_SCORE_STEP <= value <= MAX_SCORE_STEP


def _meter_in_range(value: int) -> bool:
    return -MAX_METER_STEP <= value <= MAX_METER_STEP
