"""How well typed answers to a puppet are read: `python -m benchmarks.answer_rates`.

Prints, for the evaluation set in tests/engine/answer_samples.py and the model answers in the
shipped puppet files, the share of self-critical answers that earned credit (must be 0) and the
share of kind or playful answers that did (must be at least 85%).

If vaderSentiment is installed (it is not a dependency), the same sets are also read with its
sentiment scores, alone and as an extra guard, so the hand-written rules can be compared with a
well-kept lexicon on the same answers.
"""

from __future__ import annotations

from typing import Callable, Iterable

from game.engine.puppets.answer_rules import score_answer
from game.engine.puppets.cast import default_puppets
from tests.engine.answer_samples import (
    HELD_OUT_KIND,
    HELD_OUT_SELF_CRITICAL,
    KIND,
    PROBE_KIND,
    PROBE_SELF_CRITICAL,
    SELF_CRITICAL,
)

Reader = Callable[[str], bool]  # True when the answer earns positive credit

VADER_THRESHOLD = 0.05  # the threshold its authors recommend for "positive" and "negative"


def self_blame_answers() -> list[str]:
    return [a.text for p in default_puppets().puppets.values() for a in p.answers
            if "self_blame" in a.effect.traps]


def model_answers() -> tuple[list[str], list[str]]:
    """The shipped puppets' answers: those the files reward, and those they never reward."""
    rewarded, unrewarded = [], []
    for puppet in default_puppets().puppets.values():
        for answer in puppet.answers:
            rewarded_here = any(v > 0 for v in answer.effect.scores.values())
            (rewarded if rewarded_here else unrewarded).append(answer.text)
    return rewarded, unrewarded


def rate(reader: Reader, answers: Iterable[str]) -> tuple[int, int]:
    answers = list(answers)
    return sum(1 for a in answers if reader(a)), len(answers)


def by_rules(text: str) -> bool:
    return score_answer(text).credited


def readers() -> dict[str, Reader]:
    found: dict[str, Reader] = {"hand-written rules": by_rules}
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return found
    vader = SentimentIntensityAnalyzer()

    def compound(text: str) -> float:
        return vader.polarity_scores(text)["compound"]

    def by_patterns_with_vader_guard(text: str) -> bool:
        """The pattern rules, with VADER in place of the self-criticism reading."""
        matched = [m.rule for m in score_answer(text).matches if m.rule.patterns]
        credited = any(r.scores for r in matched) and not any(r.cancels_credit for r in matched)
        return credited and compound(text) > -VADER_THRESHOLD

    found["VADER alone (compound >= 0.05)"] = lambda text: compound(text) >= VADER_THRESHOLD
    found["pattern rules, VADER as the guard"] = by_patterns_with_vader_guard
    found["hand-written rules + VADER guard"] = lambda text: by_rules(text) and compound(text) > -VADER_THRESHOLD
    return found


def main() -> None:
    rewarded, unrewarded = model_answers()
    self_blame = self_blame_answers()
    sets = [
        ("self-critical answers credited (want 0%)", SELF_CRITICAL),
        ("kind answers credited (want >= 85%)", KIND),
        ("held-out self-critical credited (want 0%)", HELD_OUT_SELF_CRITICAL),
        ("held-out kind credited", HELD_OUT_KIND),
        ("probe self-critical credited (want 0%)", PROBE_SELF_CRITICAL),
        ("probe kind credited", PROBE_KIND),
        ("model answers the files reward, credited (want 100%)", rewarded),
        ("model answers the files never reward, credited (want 0%)", unrewarded),
    ]
    print("self-critical answers the hand-written rules recognise (a gentle response, no score)")
    for label, answers in [("evaluation set", SELF_CRITICAL), ("held out", HELD_OUT_SELF_CRITICAL),
                           ("probe", PROBE_SELF_CRITICAL), ("model answers with the self-blame trap", self_blame)]:
        hits = sum(score_answer(a).self_critical for a in answers)
        print(f"  {label:<58} {hits:>3}/{len(answers):<3} {100 * hits / len(answers):5.1f}%")
    print()
    for name, reader in readers().items():
        print(name)
        for label, answers in sets:
            hits, total = rate(reader, answers)
            print(f"  {label:<58} {hits:>3}/{total:<3} {100 * hits / total:5.1f}%")
        print()


if __name__ == "__main__":
    main()
