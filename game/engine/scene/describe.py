"""Conditions in words, for players: ``opened_up and closeness >= 3`` reads
"opened up and closeness is at least 3"."""

from __future__ import annotations

from game.engine.scene.conditions import (
    BoolOp,
    Condition,
    Expr,
    Literal,
    Name,
    Not,
)

_COMPARISONS = {
    "==": "is", "!=": "is not", "<": "is below", "<=": "is at most", ">": "is above", ">=": "is at least",
}


def condition_in_words(condition: Condition | None) -> str:
    """``if …`` for a route branch, or ``otherwise`` for its fallback."""
    if condition is None:
        return "otherwise"
    return f"if {_words(condition.tree)}"


def _name(name: str) -> str:
    if name.startswith("score."):
        return f"the {_plain(name[6:])} score"
    if name.startswith("trap."):
        return f"the trap {_plain(name[5:])}"
    return _plain(name)


def _plain(name: str) -> str:
    return name.replace("_", " ").replace(".", " ")


def _value(expr: Expr) -> str:
    if isinstance(expr, Literal):
        if isinstance(expr.value, bool):
            return "yes" if expr.value else "no"
        return str(expr.value)
    if isinstance(expr, Name):
        return _name(expr.name)
    return f"({_words(expr)})"


def _words(expr: Expr) -> str:
    if isinstance(expr, Name):
        return _name(expr.name)
    if isinstance(expr, Literal):
        return _value(expr)
    if isinstance(expr, Not):
        inner = expr.operand
        if isinstance(inner, Name):
            return f"not {_name(inner.name)}"
        return f"not ({_words(inner)})"
    if isinstance(expr, BoolOp):
        return f"{_words(expr.left)} {expr.op} {_words(expr.right)}"
    if isinstance(expr.right, Literal) and isinstance(expr.right.value, bool) and expr.op in ("==", "!="):
        truthy = expr.right.value == (expr.op == "==")
        return _words(expr.left) if truthy else f"not {_words(expr.left)}"
    return f"{_value(expr.left)} {_COMPARISONS[expr.op]} {_value(expr.right)}"
