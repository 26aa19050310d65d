"""A small, safe condition language for scenes. It is parsed, never passed to ``eval``.

    condition  := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := value (("==" | "!=" | "<" | "<=" | ">" | ">=") value)?
    value      := number | "true" | "false" | 'text' | "text" | name | "(" condition ")"
    name       := a variable, a meter (closeness, harmony), score.<dimension> or trap.<trap>

A name on its own is true when its value is truthy: a set flag, a non-zero number.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Callable, Union

Value = Union[bool, int, float, str]

# One token per match, each starting at a character that is not blank (the look-ahead lets the
# search skip blanks quickly). The last alternative is any other character, which is an error.
_TOKEN = re.compile(
    r"""(?=\S)(?:
        (-?\d+(?:\.\d+)?)
      | ('[^']*'|"[^"]*")
      | (==|!=|<=|>=|<|>|\(|\))
      | ([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
      | (\S))""",
    re.VERBOSE,
)
_NUMBER, _TEXT, _OP, _WORD, _OTHER, _END = 1, 2, 3, 4, 5, 0
_KEYWORDS = {"and", "or", "not", "true", "false"}
_COMPARE: dict[str, Callable[[Value, Value], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt,
    "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
MAX_LENGTH = 500
MAX_NESTING = 20  # brackets and 'not's inside one another


class ConditionSyntaxError(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Not:
    operand: "Expr"


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: str  # "and" | "or"
    left: "Expr"
    right: "Expr"


@dataclass(frozen=True, slots=True)
class Compare:
    op: str
    left: "Expr"
    right: "Expr"
    offset: int


Expr = Union[Literal, Name, Not, BoolOp, Compare]


@dataclass(frozen=True, slots=True)
class Condition:
    source: str
    tree: Expr
    line: int = 0  # where the condition's text starts in its file (0: unknown)
    column: int = 0
    # The tree turned into nested closures once, so that holding is a few calls, not a tree walk.
    test: Callable[[Callable[[str], Value]], Value] | None = field(default=None, compare=False, repr=False)
    read: tuple[Name, ...] | None = field(default=None, compare=False, repr=False)  # the names, in order

    def __post_init__(self) -> None:
        if self.test is None:
            object.__setattr__(self, "test", compile_tree(self.tree))
        if self.read is None:
            object.__setattr__(self, "read", tuple(_names(self.tree)))

    def names(self) -> list[Name]:
        return list(self.read)  # type: ignore[arg-type]

    def holds(self, lookup: Callable[[str], Value]) -> bool:
        return bool(self.test(lookup))  # type: ignore[misc]


def parse_condition(source: str) -> Condition:
    tree, read = parse_tree(source)
    return Condition(source, tree, read=read)


def parse_tree(source: str) -> tuple[Expr, tuple[Name, ...]]:
    """The tree of ``source``, and the names it reads in order. Raises ConditionSyntaxError."""
    if len(source) > MAX_LENGTH:
        raise ConditionSyntaxError(f"condition is longer than {MAX_LENGTH} characters", 0)
    parser = _Parser(_tokenize(source), len(source))
    tree = parser.parse_or()
    kind, text, offset = parser.tokens[parser.index]
    if kind != _END:
        raise ConditionSyntaxError(f"unexpected {text!r}; expected 'and', 'or' or the end", offset)
    return tree, tuple(parser.names)


Token = tuple[int, str, int]  # kind (_NUMBER, _TEXT, ...), text, offset in the source


def _tokenize(source: str) -> list[Token]:
    """The tokens of ``source``, ending with an _END token at its length."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(source):
        kind = match.lastindex
        if kind == _OTHER:
            raise ConditionSyntaxError(f"unexpected character {match.group()!r}", match.start())
        tokens.append((kind, match.group(), match.start()))  # type: ignore[arg-type]
    tokens.append((_END, "", len(source)))
    return tokens


class _Parser:
    def __init__(self, tokens: list[Token], length: int) -> None:
        self.tokens = tokens
        self.index = 0
        self.length = length
        self.depth = 0
        self.names: list[Name] = []  # in the order they are read, as _names gives them

    def deeper(self, offset: int) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ConditionSyntaxError(f"brackets and 'not' nest more than {MAX_NESTING} deep", offset)

    def take(self) -> Token:
        token = self.tokens[self.index]
        if token[0] == _END:
            raise ConditionSyntaxError("condition ends too early", self.length)
        self.index += 1
        return token

    def parse_or(self) -> Expr:
        left = self.parse_and()
        tokens = self.tokens
        while tokens[self.index][1] == "or" and tokens[self.index][0] == _WORD:
            self.index += 1
            left = BoolOp("or", left, self.parse_and())
        return left

    def parse_and(self) -> Expr:
        left = self.parse_not()
        tokens = self.tokens
        while tokens[self.index][1] == "and" and tokens[self.index][0] == _WORD:
            self.index += 1
            left = BoolOp("and", left, self.parse_not())
        return left

    def parse_not(self) -> Expr:
        kind, text, offset = self.tokens[self.index]
        if text == "not" and kind == _WORD:
            self.index += 1
            self.deeper(offset)
            operand = self.parse_not()
            self.depth -= 1
            return Not(operand)
        left = self.parse_value()
        kind, text, offset = self.tokens[self.index]
        if kind == _OP and text in _COMPARE:
            self.index += 1
            return Compare(text, left, self.parse_value(), offset)
        return left

    def parse_value(self) -> Expr:
        kind, text, offset = self.take()
        if kind == _WORD:
            if text not in _KEYWORDS:
                name = Name(text, offset)
                self.names.append(name)
                return name
            if text == "true" or text == "false":
                return Literal(text == "true")
        elif kind == _NUMBER:
            return Literal(float(text) if "." in text else int(text))
        elif kind == _TEXT:
            return Literal(text[1:-1])
        elif text == "(":
            self.deeper(offset)
            inner = self.parse_or()
            self.depth -= 1
            closing = self.take()
            if closing[1] != ")":
                raise ConditionSyntaxError(f"expected ')' but found {closing[1]!r}", closing[2])
            return inner
        raise ConditionSyntaxError(f"expected a value but found {text!r}", offset)


def _names(tree: Expr):
    todo = [tree]
    while todo:
        item = todo.pop()
        if isinstance(item, Name):
            yield item
        elif isinstance(item, Not):
            todo.append(item.operand)
        elif isinstance(item, (BoolOp, Compare)):
            todo += [item.right, item.left]


def _evaluate(tree: Expr, lookup: Callable[[str], Value]) -> Value:
    if isinstance(tree, Literal):
        return tree.value
    if isinstance(tree, Name):
        return lookup(tree.name)
    if isinstance(tree, Not):
        return not _evaluate(tree.operand, lookup)
    if isinstance(tree, BoolOp):
        left = _evaluate(tree.left, lookup)
        if tree.op == "and":
            return bool(left) and bool(_evaluate(tree.right, lookup))
        return bool(left) or bool(_evaluate(tree.right, lookup))
    left, right = _evaluate(tree.left, lookup), _evaluate(tree.right, lookup)
    try:
        return _COMPARE[tree.op](left, right)
    except TypeError:
        # Comparing text with a number is simply false, never a crash mid-scene.
        return tree.op == "!="


Test = Callable[[Callable[[str], Value]], Value]


def compile_tree(tree: Expr) -> Test:
    """The same meaning as ``_evaluate``, as closures built once."""
    if isinstance(tree, Literal):
        value = tree.value
        return lambda lookup: value
    if isinstance(tree, Name):
        name = tree.name
        return lambda lookup: lookup(name)
    if isinstance(tree, Not):
        operand = compile_tree(tree.operand)
        return lambda lookup: not operand(lookup)
    left, right = compile_tree(tree.left), compile_tree(tree.right)
    if isinstance(tree, BoolOp):
        if tree.op == "and":
            return lambda lookup: bool(left(lookup)) and bool(right(lookup))
        return lambda lookup: bool(left(lookup)) or bool(right(lookup))
    compare, op = _COMPARE[tree.op], tree.op

    def test(lookup: Callable[[str], Value]) -> Value:
        try:
            return compare(left(lookup), right(lookup))
        except TypeError:
            return op == "!="
    return test
