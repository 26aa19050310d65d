"""Noticing how an answer speaks about the player: harsh verdicts on yourself, agreeing with the
critic, sarcasm, and kindly setting the record straight ("I'm not useless, I'm tired").

It reads clause by clause. A harsh word counts as a verdict on yourself when "I", "I'm" or "me"
comes shortly before it in the same clause (or just after: "what a mess I am"), with nothing
pointing elsewhere in between ("you're", "they", "allowed to"). A negation in the clause turns
a harsh word into talking back ("I'm not useless"), and a worth word into a verdict ("I'm not
good enough"). Small misspellings of harsh words still count ("stupdi", "idoit").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from game.engine.puppets.answer_text import AnswerText

HARSH = frozenset("""
useless hopeless worthless stupid stoopid stupd dumb dum dumbass idiot idot idiotic moron failure
loser pathetic pitiful disgusting gross garbage trash rubbish mess disaster burden unlovable
unloveable unlikeable ugly hideous repulsive awful terrible horrible worst joke disappointment
letdown let-down embarrassment embarrassing broken weak lazy selfish boring dull annoying needy
clingy fraud fake waste cringe cringey cringy incompetent screwup screw-up fuckup fuck-up coward
nightmare unbearable freak wreck failure problem nothing bad useles uselss worthles hopless
pathethic insufferable unwanted undeserving inadequate defective exhausting draining
""".split())

WORTH = frozenset("""
enough worth worthy lovable loveable likeable likable good smart clever attractive pretty
interesting capable deserving important normal fun cut
""".split())

# Traits anyone has a little of. Owned in part ("I was a bit lazy") they are the article's small
# truth, not a verdict; said whole ("I'm lazy") they still are one.
MILD = frozenset("lazy selfish needy annoying boring dull clingy weak grumpy cringe cringey cringy".split())
IN_PART = frozenset({"bit", "little", "slightly", "somewhat", "tad", "touch", "kind", "sort", "kinda",
                     "sorta", "sometimes"})

NEVER_FUZZED = frozenset({"homeless", "garage", "lover", "boxing", "bored", "brave", "proper"})

SUBJECTS = frozenset({"i'm", "i", "me", "myself", "i've", "i'd", "i'll", "am"})

POINTS_ELSEWHERE = frozenset("""
you you're your ur yours they they're them their he she he's she's him her it it's that's
we we're us allowed okay fine alright permission people everyone everybody someone nobody love
enjoy made make making clean cleaned tidy tidied fix fixed
""".split())

NEGATIONS = frozenset("""
not no never don't isn't aren't wasn't weren't didn't doesn't can't won't hardly nor ain't
neither shouldn't wouldn't couldn't haven't hasn't
""".split())

NOT_NEGATING_AFTER_NO = frozenset({"wonder", "one", "matter", "doubt"})

CLAUSE_BREAKS = frozenset("""
. , ; : ! ? … — – - but and because though although yet while cause coz
""".split())

PEOPLE = frozenset({"person", "partner", "friend", "human", "one", "girlfriend", "boyfriend", "wife",
                    "husband", "parent", "mum", "mom", "dad", "son", "daughter", "sister", "brother"})

MAX_GAP = 4  # words allowed between "I'm" and the harsh word ("I'm such a total ... mess")

_HARSH_PHRASES = tuple(re.compile(p) for p in (
    r"\bi (really |truly |just |totally |honestly )*hate (myself|me|who i'm|everything about me)\b",
    r"\b(nobody|no one|noone|nobody's|no one's) (could |would |will |ever |really )*"
    r"(love|likes?|loves?|wants?|cares? about|bothers? with|stand) me\b",
    r"\b(everyone|everybody|people|they all|they) (all )?(hates?|can't stand|are sick of|is sick of) me\b",
    r"\bno wonder (nobody|no one|they|everyone|people)\b",
    r"\b(better off without me|sorry for existing|waste of (space|air|oxygen))\b",
    r"\bwhy (would|does|do|will) (anyone|anybody|they|someone) (ever )?(want|love|like|stay with|put up with) me\b",
    r"\bwho (would|could) (ever )?(want|love|like) me\b",
    r"\bi should (just )?(stop|give up|quit|disappear|not bother|shut up|go away|leave)\b",
    r"\b(want|wanna|wish i could) (to )?(disappear|die|vanish|not exist|not be here)\b",
    r"\bwhy do i (even )?(try|bother)\b",
    r"\bi give up\b",
    r"\b(nobody|no one|noone) (ever |really |even |actually )*(wants?|wanted|likes?|liked|loves?|loved|cares? about|"
    r"misses|needs?|listens? to|chooses|picks|hears?)( to (hear from|talk to|be with|see|listen to))? me\b",
    r"\beverything i (do|say|touch|try|make) (is|turns|goes|comes out) (wrong|bad|awful|to (dust|ruin|garbage))\b",
    r"\bi (do|get|say) everything wrong\b",
    r"\bof course i (messed|screwed|ruined|wrecked|broke|failed|blew|stuffed)\b",
    r"\b(ruining|wrecking|spoiling|messing up|screwing up) (everything|things|it all|every)\b",
    r"\b(i'm|i) (\w+ ){0,3}(bad|terrible|awful|hopeless|useless|rubbish) at (being|everything|life|love|"
    r"relationships|people|existing)\b",
    r"\bmy (whole )?(brain|head|face|body|life|personality|mind|existence|self) (is|'s|feels) (\w+ ){0,3}("
    + "|".join(sorted(HARSH)) + r")\b",
    r"\bi (really |totally |just |honestly |so )*(suck|stink)\b",
    r"\bi('ll| will) never be (good |smart |pretty |clever )?enough\b",
    r"\b(i )?(can't|can never|never|cannot) (do|get) (anything|everything|it|something) right\b",
    r"\bi (always |just |keep |only )*(ruin|ruins|wreck|spoil|destroy|mess up|screw up|break|ruining|wrecking) "
    r"(everything|things|it all|every\b|all of it|it every|everything up)",
    r"\bi (always )?(mess|screw) (everything|it all|things) up\b",
    r"\b(typical|classic|same old|just like) me\W+(\w+\W+){0,3}(ruin|wreck|mess|screw|fail|spoil|break|stuff|blow|fuck)",
    r"\b(it's|that's|it was|this is|it is) (all |entirely |totally |completely |always )?my (own )?fault\b",
    r"^(all )?my (own )?fault\b",
    r"\bmy (own )?fault for\b",
    r"\b(i blame myself|i'm to blame|shame on me|what's wrong with me)\b",
    r"\bi('m| am) (the )?(problem|reason (everything|it all|things) (goes|go|went) wrong)\b",
    r"\bnot cut out for\b",
    r"\b(fed up|sick|tired) (with|of) me\b",
    r"\bi annoy (everyone|everybody|people|them)\b",
    r"\bhaven't done enough\b",
    r"\bi (don't|do not|never) deserve\b",
    r"\bi (probably |totally |really )?deserve (it|this|that)( [.!?…]|$)",
    r"\bi deserve (to (suffer|be alone|be punished|feel bad|be left|be hated)|nothing|worse|no one|nobody)\b",
    r"\bthey'll (all )?find out\b",
    r"\bi always (say|do|get) (the wrong|it wrong|everything wrong)\b",
    r"\bi('m| am) too (much|needy|clingy|sensitive|difficult|intense|emotional|broken)\b",
    r"\bme \W*(so |just |such |a |an |the |totally )*(useless|hopeless|worthless|pathetic|trash|garbage|"
    r"stupid|dumb|an idiot|a failure|a mess|a loser|a disaster|the worst)\b",
))

_AGREEMENT = re.compile(
    r"\b(you're (so |totally |absolutely |completely |probably |always )?(right|correct)|you got me|"
    r"fair enough|fair point|guilty as charged|so true|that's true|it's true|true true|facts|"
    r"i know,? i know|can't argue with that|no argument (here|from me))\b"
)

_SARCASM = re.compile(
    r"🙄|😒|/s\b|\byeah,? right\b|\boh,? great\b|\bgee,? thanks\b|\bthanks a lot\b|\bthanks for nothing\b|"
    r"\bsure,? because\b|\bas if\b|\bwow,? thanks\b|\bthanks,? i needed (that|a reminder)\b|"
    r"\bthanks for (reminding|the reminder|pointing)"
)

_TALKING_BACK = re.compile(
    r"\b(it's not|that's not|it isn't|that isn't|isn't|wasn't|it was not|it was never|not) "
    r"(all |entirely |totally |completely |only |just )?my (own )?fault\b"
    r"|\b(that's|that is|it's|that isn't|that's just) not true\b|\bthat isn't true\b"
)

_FIRST_PERSON = frozenset({"i", "i'm", "me", "my", "myself", "mine", "i've", "i'd", "i'll"})


@dataclass(frozen=True, slots=True)
class Noticed:
    kind: str   # "harsh", "talking_back", "agreement" or "sarcasm"
    start: int  # characters of AnswerText.read
    end: int


def notice(answer: AnswerText) -> tuple[Noticed, ...]:
    read = answer.read
    found = list(_verdicts(answer))
    found += [Noticed("harsh", m.start(), m.end()) for p in _HARSH_PHRASES for m in p.finditer(read)]
    found += [Noticed("talking_back", m.start(), m.end()) for m in _TALKING_BACK.finditer(read)]
    found += [Noticed("agreement", m.start(), m.end()) for m in _AGREEMENT.finditer(read)]
    sarcasm = [Noticed("sarcasm", m.start(), m.end()) for m in _SARCASM.finditer(read)]
    if sarcasm and _FIRST_PERSON.intersection(w.text for w in answer.words):
        sarcasm = [Noticed("harsh", s.start, s.end) for s in sarcasm]  # sarcasm aimed at yourself
    found += sarcasm
    return tuple(sorted(set(found), key=lambda n: (n.start, n.kind)))


def _verdicts(answer: AnswerText) -> Iterator[Noticed]:
    words = [w.text for w in answer.words]
    offsets = _offsets(words)
    clauses = _clauses(words)
    for number, clause in enumerate(clauses):
        previous = clauses[number - 1] if number else []
        for position, index in enumerate(clause):
            word = _harsh_or_worth(words, index)
            if word is None:
                continue
            subject = _subject_before(words, clause[:position])
            if subject is None:
                subject = _subject_after(words, clause[position + 1:])
            if subject is None and [words[i] for i in previous] == ["me"]:
                subject = previous[0]  # "Me? Useless as always."
            if subject is None:
                continue
            if word in MILD and IN_PART.intersection(words[i] for i in clause if i != index):
                continue  # owned in part: "I was a bit lazy today"
            reach = max(0, clause.index(subject) - 3) if subject in clause else 0
            negated = _negated(words, clause[reach:position])
            if word in HARSH:
                kind = "talking_back" if negated else "harsh"
            elif negated and not _about_a_state(words, clause[clause.index(min(subject, index)):position]):
                kind = "harsh"
            else:
                continue
            first, last = min(subject, index), max(subject, index)
            yield Noticed(kind, offsets[first], offsets[last] + len(words[last]))


def _offsets(words: list[str]) -> list[int]:
    offsets, position = [], 0
    for word in words:
        offsets.append(position)
        position += len(word) + 1
    return offsets


def _clauses(words: list[str]) -> list[list[int]]:
    clauses: list[list[int]] = [[]]
    for index, word in enumerate(words):
        if word in CLAUSE_BREAKS or not (word[0].isalnum() or word[0] == "'"):
            clauses.append([])
        else:
            clauses[-1].append(index)
    return [c for c in clauses if c]


def _harsh_or_worth(words: list[str], index: int) -> str | None:
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    if word in WORTH:
        return None if following == "at" or (word == "cut" and following != "out") else word
    ends_here = not following or not following[0].isalpha()
    if word in ("bad", "nothing", "problem") and not (ends_here or following in PEOPLE):
        return None  # "I'm bad at maths", "I'm nothing like him"
    if word in HARSH:
        return word
    return _near_harsh(word)


def _subject_before(words: list[str], before: list[int]) -> int | None:
    for distance, index in enumerate(reversed(before)):
        if distance > MAX_GAP:
            return None
        if words[index] in SUBJECTS:
            return index
        if words[index] in POINTS_ELSEWHERE:
            return None
    return None


def _subject_after(words: list[str], after: list[int]) -> int | None:
    """"what a mess I am", "how pathetic I am": the verdict comes first."""
    for index in after[:2]:
        if words[index] == "i'm" and index == after[-1]:
            return index
    return None


def _negated(words: list[str], before: list[int]) -> bool:
    for index in before:
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in NEGATIONS and not (word == "no" and following in NOT_NEGATING_AFTER_NO):
            return True
    return False


def _about_a_state(words: list[str], before: list[int]) -> bool:
    """"I'm not feeling good" tells how you are, not what you are worth."""
    return any(words[i] in ("feeling", "feel", "felt", "look", "looking") for i in before)


def _near_harsh(word: str) -> str | None:
    if len(word) < 5 or word in NEVER_FUZZED or not word.isalpha():
        return None
    for harsh in HARSH:
        if len(harsh) >= 5 and abs(len(harsh) - len(word)) <= 1 and _one_slip(word, harsh):
            return harsh
    return None


def _one_slip(typed: str, meant: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped; changes and additions
    only count in longer words, so that "lover" is never read as "loser"."""
    if len(typed) == len(meant):
        diffs = [i for i, (a, b) in enumerate(zip(typed, meant)) if a != b]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
            return typed[diffs[0]] == meant[diffs[1]] and typed[diffs[1]] == meant[diffs[0]]
        return len(diffs) == 1 and len(meant) >= 6
    if min(len(typed), len(meant)) < 6:
        return False
    short, long = sorted((typed, meant), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
