"""A typed answer made ready for reading: lower case, one kind of apostrophe, common spellings
joined ("im" -> "i'm", "i am" -> "i'm", "dont" -> "don't"), with every word remembering where
it was typed so the game can show back the player's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.engine.scene.text import strip_control

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})

_TOKEN = re.compile(
    r"[:;=][-']?[)(DPp3/|*]"      # emoticons such as :) ;P :/
    r"|<3"
    r"|[\w']+(?:-[\w']+)*"         # words, hyphenated words and contractions
    r"|([^\w\s])\1*"               # a punctuation mark or emoji, repeated ("!!!")
)
_LONG_RUN = re.compile(r"([a-z])\1{2,}")  # "sooooo" -> "so"

SPELLINGS = {
    "im": "i'm", "ive": "i've", "dont": "don't", "cant": "can't", "cannot": "can't",
    "wont": "won't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't",
    "didnt": "didn't", "doesnt": "doesn't", "shouldnt": "shouldn't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "havent": "haven't", "hasnt": "hasn't", "youre": "you're",
    "youve": "you've", "theyre": "they're", "thats": "that's", "whats": "what's", "its": "it's",
    "shes": "she's", "hes": "he's", "u": "you", "ya": "you", "r": "are", "ok": "okay",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "nobodys": "nobody's",
    "noones": "no one's", "everyones": "everyone's", "id": "i'd", "itll": "it'll",
}

JOINED = {
    ("i", "am"): "i'm", ("it", "is"): "it's", ("you", "are"): "you're", ("do", "not"): "don't",
    ("is", "not"): "isn't", ("can", "not"): "can't", ("i", "will"): "i'll", ("i", "would"): "i'd",
    ("are", "not"): "aren't", ("was", "not"): "wasn't", ("did", "not"): "didn't",
    ("does", "not"): "doesn't", ("that", "is"): "that's", ("they", "are"): "they're",
    ("it", "was"): "it was", ("ur", "right"): "you're right",
}


@dataclass(frozen=True, slots=True)
class Word:
    text: str   # the word as read ("i'm")
    start: int  # where it was typed in the original answer
    end: int


@dataclass(frozen=True, slots=True)
class AnswerText:
    typed: str
    words: tuple[Word, ...]

    @property
    def read(self) -> str:
        """The answer as the rules read it: the words joined by single spaces."""
        return " ".join(w.text for w in self.words)

    def typed_between(self, start: int, end: int) -> str:
        """The typed words behind the characters ``start:end`` of ``read``."""
        covered, position = [], 0
        for word in self.words:
            if position < end and position + len(word.text) > start:
                covered.append(word)
            position += len(word.text) + 1
        if not covered:
            return ""
        return self.typed[covered[0].start:covered[-1].end]


def read_answer(typed: str, limit: int) -> AnswerText:
    typed = " ".join(strip_control(typed).split())[:limit]
    words: list[Word] = []
    for match in _TOKEN.finditer(typed.translate(APOSTROPHES)):
        text = _spelling(match.group(0))
        if text:
            words.append(Word(text, match.start(), match.end()))
    return AnswerText(typed, tuple(_joined(words)))


def _spelling(token: str) -> str:
    word = token.lower()
    if word[0].isalpha() or word[0] == "'":
        word = _LONG_RUN.sub(r"\1", word.strip("'"))
    return SPELLINGS.get(word, word)


def _joined(words: list[Word]) -> list[Word]:
    joined: list[Word] = []
    for word in words:
        if joined and (joined[-1].text, word.text) in JOINED:
            first = joined.pop()
            word = Word(JOINED[(first.text, word.text)], first.start, word.end)
        joined.append(word)
    return joined
