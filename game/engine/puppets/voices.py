"""Voice styles: small named transforms that turn a harsh line into a puppet's theatrical delivery.

Each style takes the line and the puppet's parameters and never fails, whatever the text. Input
is cut to MAX_LINE characters and output to MAX_PERFORMED, so a performance always fits a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from game.engine.scene.text import MAX_LINE, strip_control

MAX_PERFORMED = 400
MAX_PARAM = 30

_VOWEL_RUN = re.compile(r"([aeiouAEIOU])(?=[^aeiouAEIOU]*$)")


def _tidy(line: str) -> str:
    """One line of plain text, without control characters, ending without punctuation."""
    line = " ".join(strip_control(line).split())[:MAX_LINE]
    return line.rstrip(" .!?")


def _lower_first(line: str) -> str:
    return line[:1].lower() + line[1:] if line[:2] != line[:2].upper() else line


def _param(params: Mapping[str, object], key: str, default: str) -> str:
    value = params.get(key, default)
    text = " ".join(strip_control(str(value)).split())[:MAX_PARAM]
    return text or default


def pompous(line: str, params: Mapping[str, object]) -> str:
    honorific = _param(params, "honorific", "Hear ye")
    return f"{honorific}! It is my learned and entirely correct opinion that {_lower_first(line)}. Case closed!"


def whiny(line: str, params: Mapping[str, object]) -> str:
    stretch = params.get("stretch", 3)
    times = stretch if isinstance(stretch, int) and not isinstance(stretch, bool) else 3
    times = max(1, min(5, times))
    stretched = _VOWEL_RUN.sub(lambda m: m.group(1) * (times + 1), line.lower(), count=1)
    return f"Uuugh, {stretched}... and it's not faaair!"


def drill_sergeant(line: str, params: Mapping[str, object]) -> str:
    rank = _param(params, "rank", "recruit").upper()
    return f"ATTENTION, {rank}! {line.upper()}! DROP AND GIVE ME TWENTY WORRIES!"


def melodramatic(line: str, params: Mapping[str, object]) -> str:
    cry = _param(params, "cry", "Alas")
    return f"{cry}! Oh, woe! {line}... *swoons onto a convenient sofa* The tragedy of it all!"


def sulky(line: str, params: Mapping[str, object]) -> str:
    quiet = line.lower().replace("!", "")
    return f"fine. {quiet}. whatever. not that anyone asked me."


def mystic(line: str, params: Mapping[str, object]) -> str:
    prop = _param(params, "prop", "crystal ball")
    return f"Ooooh... the {prop} grows cloudy... it reveals... {_lower_first(line)}... and it is NEVER wrong..."


Style = Callable[[str, Mapping[str, object]], str]

STYLES: dict[str, Style] = {
    "pompous": pompous,
    "whiny": whiny,
    "drill_sergeant": drill_sergeant,
    "melodramatic": melodramatic,
    "sulky": sulky,
    "mystic": mystic,
}

PARAMETERS: dict[str, frozenset[str]] = {
    "pompous": frozenset({"honorific"}),
    "whiny": frozenset({"stretch"}),
    "drill_sergeant": frozenset({"rank"}),
    "melodramatic": frozenset({"cry"}),
    "sulky": frozenset(),
    "mystic": frozenset({"prop"}),
}


@dataclass(frozen=True, slots=True)
class Voice:
    style: str
    params: Mapping[str, object]

    def perform(self, line: str) -> str:
        tidy = _tidy(line) or "..."
        return STYLES[self.style](tidy, self.params)[:MAX_PERFORMED]
