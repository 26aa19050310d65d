"""How typed answers are read: self-criticism first and never rewarded, kind answers credited,
the evaluation set's rates, the shipped model answers, and old records that name rule ids."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.library import load_scene_text
from game.engine.play import runner
from game.engine.play.replay import replay_path
from game.engine.play.state import Step
from game.engine.puppets.answer_rules import (
    default_rule_book,
    effect_of_key,
    rules_of_key,
    score_answer,
)
from game.engine.puppets.answer_text import read_answer
from game.engine.puppets.cast import default_puppets
from game.records import PuppetRound
from game.records.store import Attempt, Records
from tests.conftest import INTERLUDE_SCENE
from tests.engine.answer_samples import (
    HELD_OUT_KIND,
    HELD_OUT_SELF_CRITICAL,
    KIND,
    PROBE_KIND,
    PROBE_SELF_CRITICAL,
    SELF_CRITICAL,
)

# Every rule id the game knew before answers were read for self-criticism first.
RULE_IDS_BEFORE = ("exaggeration", "humour", "naming", "thanks", "self_compassion", "loving_tease",
                   "agreement", "grim_fight", "absolutes")


def credited(text: str) -> bool:
    return score_answer(text).credited


def test_the_evaluation_set_is_big_enough_and_varied() -> None:
    assert len(set(SELF_CRITICAL)) >= 60 and len(set(KIND)) >= 60
    for answers in (SELF_CRITICAL, KIND):
        assert any(a.islower() for a in answers)                   # typed in a hurry
        assert any("’" in a for a in answers)                      # typographic apostrophes
        assert any(not a.isascii() and "’" not in a for a in answers)  # emoji
        assert any(len(a) > 60 for a in answers) and any(len(a) < 20 for a in answers)


def test_no_self_critical_answer_is_credited() -> None:
    wrongly_credited = [a for a in SELF_CRITICAL + HELD_OUT_SELF_CRITICAL + PROBE_SELF_CRITICAL if credited(a)]
    assert wrongly_credited == []


def test_every_self_critical_answer_is_recognised_and_gets_the_gentle_response() -> None:
    """Stricter than earning nothing: an unrecognised self-insult would be credited beside a kind line."""
    missed = [a for a in SELF_CRITICAL + HELD_OUT_SELF_CRITICAL + PROBE_SELF_CRITICAL
              if not score_answer(a).self_critical]
    assert missed == []


def test_at_least_85_percent_of_kind_answers_are_credited() -> None:
    rate = sum(credited(a) for a in KIND) / len(KIND)
    assert rate >= 0.85, f"{rate:.0%} of kind answers credited"
    held_out_rate = sum(credited(a) for a in HELD_OUT_KIND) / len(HELD_OUT_KIND)
    assert held_out_rate >= 0.85, f"{held_out_rate:.0%} of held-out kind answers credited"


def model_answers():
    for puppet in default_puppets().puppets.values():
        for answer in puppet.answers:
            yield pytest.param(answer, id=f"{puppet.id}/{answer.key}")


@pytest.mark.parametrize("answer", list(model_answers()))
def test_every_model_answer_typed_is_read_as_its_file_scores_it(answer) -> None:
    rewarded = any(v > 0 for v in answer.effect.scores.values())
    scored = score_answer(answer.text)
    assert scored.credited == rewarded
    if "self_blame" in answer.effect.traps:
        assert scored.self_critical


@pytest.mark.parametrize("text", [
    "I'm human garbage.", "Look at me. I'm disgusting.", "I deserve it.",
    "I’m such a failure 😂", "typical me, ruining everything haha", "thanks for reminding me what a mess I am",
    "I'm not worth it.", "I don't think I'm good enough", "You're right, I'm hopeless. Thank you!",
    "I'm sooooo stupid lol", "Im a complete idoit", "I want to disappear",
    "I'm a bit useless. It's okay.", "I'm lazy and selfish, it's fine",
])
def test_self_criticism_wins_over_everything_else(text: str) -> None:
    scored = score_answer(text)
    assert scored.self_critical and not scored.credited


@pytest.mark.parametrize("text, rule", [
    ("I deserve this nap. Thank you for worrying.", "self_compassion"),
    ("You're right, I was a bit awkward. It's okay to be awkward sometimes.", "small_truth"),
    ("I’m allowed to rest.", "self_compassion"),
    ("I'm allowed to rest.", "self_compassion"),
    ("im doing my best", "self_compassion"),
    ("I am doing my best", "self_compassion"),
    ("Me? Sulking? Never…", "loving_tease"),
    ("I'm not useless", "talking_back"),
    ("it's not my fault", "talking_back"),
    ("its not all my fault", "talking_back"),
    ("I don't think I'm stupid, just tired", "talking_back"),
    ("I'm going to ask them instead of guessing", "asking"),
    ("I'll tell them I felt left out", "asking"),
    ("dont worry, im gonna ask her", "asking"),
    ("You’re right, I was a bit lazy today. It’s okay to rest, Sergeant Scrimp", "small_truth"),
])
def test_kind_answers_the_old_rules_missed(text: str, rule: str) -> None:
    scored = score_answer(text)
    assert rule in [m.rule.id for m in scored.matches]
    assert scored.credited and not scored.self_critical


def test_negation_turns_a_harsh_word_into_talking_back_and_a_worth_word_into_a_verdict() -> None:
    assert [m.rule.id for m in score_answer("I'm not a failure").matches] == ["talking_back"]
    assert score_answer("I'm not a good enough partner").self_critical
    assert score_answer("no wonder I'm such a mess").self_critical  # "no wonder" negates nothing
    assert not score_answer("you're useless, critic").self_critical  # aimed at the puppet


def test_sarcasm_earns_nothing_and_is_gentle_when_aimed_at_yourself() -> None:
    at_puppet = score_answer("Oh great, thanks a lot, Your Honour")
    assert not at_puppet.credited and not at_puppet.self_critical
    assert score_answer("Yeah, I'm SO amazing 🙄").self_critical


def test_the_answer_screen_can_show_the_words_each_rule_noticed_as_typed() -> None:
    scored = score_answer("Thank you Lord Wiggles, I’m allowed to rest haha, hahaha")
    noticed = {m.rule.id: m.words for m in scored.matches}
    assert noticed["thanks"] == ("Thank you",)
    assert noticed["naming"] == ("Lord Wiggles",)
    assert noticed["self_compassion"] == ("I’m allowed",)
    assert noticed["humour"] == ("haha", "hahaha")


def test_reading_normalises_apostrophes_and_common_spellings() -> None:
    assert read_answer("I’m ok, dont   worry, I am fine", 200).read == "i'm okay , don't worry , i'm fine"
    answer = read_answer("im sooo tired", 200)
    assert answer.read == "i'm so tired" and answer.typed_between(0, 3) == "im"


ALL_SELF_CRITICAL = SELF_CRITICAL + HELD_OUT_SELF_CRITICAL + PROBE_SELF_CRITICAL
ALL_KIND = KIND + HELD_OUT_KIND + PROBE_KIND


@settings(max_examples=200, deadline=None)
@given(harsh=st.sampled_from(ALL_SELF_CRITICAL), kind=st.sampled_from(ALL_KIND),
       joint=st.sampled_from([" ", ", ", ". ", " and "]), harsh_first=st.booleans())
def test_a_self_insult_next_to_any_kind_answer_is_never_credited(harsh: str, kind: str, joint: str,
                                                                  harsh_first: bool) -> None:
    text = f"{harsh}{joint}{kind}" if harsh_first else f"{kind}{joint}{harsh}"
    scored = score_answer(text)
    assert scored.self_critical and not scored.credited
    assert effect_of_key(scored.choice_key) == scored.effect


def test_the_rule_book_explains_every_rule_with_examples() -> None:
    for rule in default_rule_book().rules:
        assert rule.name and rule.about and 1 <= len(rule.examples) <= 3
        assert rule.patterns or rule.found_by == "self_talk"


def test_rule_ids_from_before_the_change_still_mean_something() -> None:
    for rule_id in RULE_IDS_BEFORE:
        assert rules_of_key(f"typed:{rule_id}") is not None
    assert not any(v > 0 for v in effect_of_key("typed:humour+agreement").scores.values())
    assert effect_of_key("typed:self_compassion+loving_tease").scores["self_awareness"] == 1


def test_old_records_naming_old_rule_ids_still_load_and_replay(tmp_path) -> None:
    scene = load_scene_text(INTERLUDE_SCENE)
    old_paths = {"typed:exaggeration+naming": "lighter", "typed:humour+agreement": "heavier",
                 "typed:absolutes": "heavier", "typed:thanks+self_compassion+loving_tease+grim_fight": "heavier"}
    with Records.open(tmp_path) as records:
        for key in old_paths:
            state = runner.choose(scene, runner.start(scene), key)
            records.add_attempt(Attempt.from_state(scene, state, "finished"))
        records.save_round(PuppetRound("inner-critic", "You always get it wrong.", "You're right haha",
                                       ("humour", "agreement"), {}, ("self_blame",)))
    with Records.open(tmp_path) as records:
        attempts, [kept] = records.attempts(), records.rounds()
    assert len(attempts) == len(old_paths)
    for attempt in attempts:
        key = attempt.path[0].choice
        replay = replay_path(scene, attempt.path)
        assert replay.complete and replay.states[-1].node == old_paths[key]
        [(_, choice, _)] = runner.taken_choices(scene, replay.states[-1])
        assert choice.text == "(an answer of your own)"
    assert [r.name for r in rules_of_key("typed:" + "+".join(kept.rules))] == ["Humour", "Agreeing with it"]


def test_a_made_up_rule_id_is_refused_in_a_path() -> None:
    scene = load_scene_text(INTERLUDE_SCENE)
    with pytest.raises(Exception):
        runner.choose(scene, runner.start(scene), "typed:made_up")
    assert replay_path(scene, (Step("before", "typed:made_up", "you"),)).complete is False


def test_a_typed_self_insult_in_a_scene_is_reviewed_with_the_gentle_response() -> None:
    scene = load_scene_text(INTERLUDE_SCENE)
    key = score_answer("ugh, typical me, ruining everything").choice_key
    state = runner.choose(scene, runner.start(scene), key)
    [(_, choice, _)] = runner.taken_choices(scene, state)
    assert "That sounds like the puppet talking" in choice.feedback
    assert state.node == "heavier" and "self_blame" in state.traps_of(None)
    kind = runner.choose(scene, runner.start(scene), score_answer("Thanks, Your Honour").choice_key)
    assert runner.taken_choices(scene, kind)[0][1].feedback == ""
