"""Puppets: the inner voices a player can act out until they turn silly. Loaded from YAML files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from game.engine.puppets.answer_rules import score_answer
from game.engine.puppets.voices import MAX_LINE, PARAMETERS, STYLES, Voice
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.diagnostics import Diagnostic, SceneError, internal_error
from game.engine.scene.fields import FieldChecker
from game.engine.scene.model import Choice
from game.engine.scene.yamldoc import PathKey, read_yaml_file
from game.paths import assets_dir

FRAMES_REQUIRED = ("idle", "talking", "exaggerated", "deflated")
FRAMES_OPTIONAL = ("bowing",)
MAX_FRAME_LINES, MAX_FRAME_WIDTH = 12, 40
PUPPET_KEYS = {"id", "name", "description", "voice", "frames", "stage_directions", "stock_lines",
               "answers", "reflection"}
ANSWER_KEYS = {"id", "text", "scores", "traps", "feedback"}


@dataclass(frozen=True, slots=True)
class Puppet:
    id: str
    name: str
    description: str
    voice: Voice
    frames: Mapping[str, str]
    stage_directions: tuple[str, ...]
    stock_lines: tuple[str, ...]
    answers: tuple[Choice, ...]  # their goto is filled in by the scene that uses the puppet
    reflection: str
    file: str = "<memory>"

    def frame(self, name: str) -> str:
        return self.frames.get(name) or self.frames["idle"]


@dataclass(frozen=True, slots=True)
class PuppetLibrary:
    puppets: Mapping[str, Puppet] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()


class PuppetBuilder(FieldChecker):
    def build(self) -> Puppet:
        data = self.doc.data
        if not isinstance(data, dict):
            self.error((), "a puppet file should be a mapping of puppet fields")
            raise SceneError(self.problems)
        self.check_keys((), data, PUPPET_KEYS, "the puppet")
        for required in ("id", "name", "voice", "frames", "stock_lines", "answers"):
            if required not in data:
                self.error((), f"the puppet is missing {required!r}")
        puppet = Puppet(
            id=self.identifier(("id",), data.get("id", "puppet"), "the puppet id"),
            name=self.text(("name",), data.get("name"), "the name"),
            description=self.text(("description",), data.get("description"), "the description", required=False),
            voice=self.voice(data.get("voice")),
            frames=self.frames(data.get("frames")),
            stage_directions=self.text_list(("stage_directions",), data.get("stage_directions", []), "a stage direction"),
            stock_lines=self.lines(data.get("stock_lines", [])),
            answers=self.answers(data.get("answers", [])),
            reflection=self.text(("reflection",), data.get("reflection"), "the reflection", required=False),
            file=self.doc.file,
        )
        if any(p.level == "error" for p in self.problems):
            raise SceneError(sorted(self.problems, key=lambda d: (d.line, d.column)))
        return puppet

    def voice(self, raw: Any) -> Voice:
        path: PathKey = ("voice",)
        if raw is None or not self.expect(path, raw, dict, "voice"):
            return Voice("pompous", {})
        style = raw.get("style")
        if not isinstance(style, str) or style not in STYLES:
            self.error(path + ("style",), f"unknown voice style {style!r}; the styles are {', '.join(sorted(STYLES))}")
            return Voice("pompous", {})
        params = {k: v for k, v in raw.items() if k != "style"}
        self.check_keys(path, params, set(PARAMETERS[style]), f"the {style} voice")
        return Voice(style, params)

    def frames(self, raw: Any) -> dict[str, str]:
        path: PathKey = ("frames",)
        if raw is None or not self.expect(path, raw, dict, "frames"):
            return {}
        self.check_keys(path, raw, set(FRAMES_REQUIRED + FRAMES_OPTIONAL), "frames")
        frames: dict[str, str] = {}
        for name in FRAMES_REQUIRED + FRAMES_OPTIONAL:
            if name not in raw:
                if name in FRAMES_REQUIRED:
                    self.error(path, f"frames is missing {name!r}")
                continue
            art = raw[name]
            if not self.expect(path + (name,), art, str, f"the {name} frame"):
                continue
            rows = art.rstrip("\n").split("\n")
            if len(rows) > MAX_FRAME_LINES or max(len(r) for r in rows) > MAX_FRAME_WIDTH:
                self.error(path + (name,), f"the {name} frame should fit in {MAX_FRAME_LINES} lines of {MAX_FRAME_WIDTH} characters")
            frames[name] = art.rstrip("\n")
        return frames

    def lines(self, raw: Any) -> tuple[str, ...]:
        lines = self.text_list(("stock_lines",), raw, "a stock line")
        for index, line in enumerate(lines):
            if len(line) > MAX_LINE:
                self.error(("stock_lines", index), f"a stock line should be at most {MAX_LINE} characters")
        if isinstance(raw, list) and not raw:
            self.error(("stock_lines",), "give at least one stock line")
        return lines

    def answers(self, raw: Any) -> tuple[Choice, ...]:
        path: PathKey = ("answers",)
        if not self.expect(path, raw, list, "answers"):
            return ()
        if not 2 <= len(raw) <= 9:
            self.error(path, "give between 2 and 9 answers")
        answers = []
        for index, item in enumerate(raw):
            if not self.expect(path + (index,), item, dict, "an answer"):
                continue
            self.check_keys(path + (index,), item, ANSWER_KEYS, "an answer")
            key = item.get("id", str(index + 1))
            effect = self.scored_effect(path + (index,), item)
            never = self.catalogue.safety.never_reward_traps.intersection(effect.traps)
            if never and any(v > 0 for v in list(effect.scores.values()) + list(effect.meters.values())):
                self.error(path + (index,), f"an answer with the trap {sorted(never)[0]!r} may not raise "
                                            "any score or meter: Pathways never rewards self-blame")
            answers.append(Choice(
                key=str(key),
                text=self.text(path + (index, "text"), item.get("text"), "the answer text"),
                goto="",
                effect=effect,
                feedback=self.text(path + (index, "feedback"), item.get("feedback"), "feedback", required=False),
                pos=self.doc.where(path + (index,)),
            ))
            self.check_typed_reading(answers[-1])
        return tuple(answers)

    def check_typed_reading(self, answer: Choice) -> None:
        """A player may type a model answer word for word; the rules should read it the same way."""
        rewarded = any(v > 0 for v in answer.effect.scores.values())
        if not answer.text or score_answer(answer.text).credited == rewarded:
            return
        reading = "would give it no credit" if rewarded else "would give it credit"
        self.problems.append(Diagnostic(
            self.doc.file, answer.pos.line, answer.pos.column, "warning",
            f"typed word for word, this answer is read differently: the answer rules {reading}; "
            "reword it so a player typing it is treated the same (see docs/puppets.md)"))


def check_puppet_file(path: Path, catalogue: Catalogue | None = None) -> tuple[Puppet | None, list[Diagnostic]]:
    """Load one puppet file, returning the puppet (None if it has errors) and every message."""
    try:
        doc = read_yaml_file(path)
        builder = PuppetBuilder(doc, catalogue or default_catalogue())
        return builder.build(), builder.problems
    except SceneError as exc:
        return None, exc.diagnostics
    except Exception as exc:  # a fault here must not take the game down
        return None, [internal_error(str(path), exc)]


def load_puppet(path: Path, catalogue: Catalogue | None = None) -> Puppet:
    return PuppetBuilder(read_yaml_file(path), catalogue or default_catalogue()).build()


def load_puppets(folder: Path, catalogue: Catalogue | None = None) -> PuppetLibrary:
    puppets: dict[str, Puppet] = {}
    problems: list[Diagnostic] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        puppet, diagnostics = check_puppet_file(path, catalogue)
        if puppet is None:
            problems.extend(diagnostics)
            continue
        if puppet.id in puppets:
            problems.append(Diagnostic(str(path), 1, 1, "error", f"duplicate puppet id {puppet.id!r}"))
            continue
        puppets[puppet.id] = puppet
    return PuppetLibrary(puppets, tuple(problems))


def puppets_dir() -> Path:
    return assets_dir() / "puppets"


@lru_cache(maxsize=1)
def default_puppets() -> PuppetLibrary:
    return load_puppets(puppets_dir())
