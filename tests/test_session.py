"""What gets kept and when: saves, finished attempts, abandoned branches."""

from __future__ import annotations

from game.engine.library import load_scene_text
from game.engine.play.playthrough import Playthrough
from game.records import Records
from game.session import Session, resume, states_to, visited_and_taken
from tests.conftest import TWO_ENDINGS_SCENE


def new_session() -> Session:
    return Session(Records.open(), Playthrough(load_scene_text(TWO_ENDINGS_SCENE)))


def test_each_step_saves_and_an_ending_records_a_finished_attempt() -> None:
    session = new_session()
    session.playthrough.choose("3")
    session.after_step()
    assert [(s.node, s.choice) for s in session.records.load_save("tiny").path] == [("first", "3")]
    session.playthrough.choose("2")
    attempt = session.after_step()
    assert attempt is not None and attempt.status == "finished" and attempt.ending == "calm"
    assert session.records.load_save("tiny") is None


def test_abandoned_branch_is_recorded_when_the_player_chooses_differently() -> None:
    session = new_session()
    session.playthrough.choose("3")
    session.after_step()
    session.playthrough.rewind_to(0)
    session.playthrough.choose("2")
    session.after_step()
    statuses = [a.status for a in session.records.attempts("tiny")]
    assert statuses == ["abandoned", "finished"]


def test_start_over_keeps_the_save_as_an_abandoned_attempt() -> None:
    session = new_session()
    session.playthrough.choose("3")
    session.after_step()
    fresh = Session(session.records, Playthrough(session.scene))
    fresh.start_over()
    assert session.records.load_save("tiny") is None
    assert [a.status for a in session.records.attempts("tiny")] == ["abandoned"]


def test_resume_loads_the_save() -> None:
    session = new_session()
    session.playthrough.choose("3")
    session.after_step()
    later = Playthrough(session.scene)
    replay = resume(session.records, later)
    assert replay.complete and later.state == session.playthrough.state


def test_visited_taken_and_states_to_from_past_attempts() -> None:
    session = new_session()
    session.playthrough.choose("1")
    session.playthrough.choose("continue")
    session.after_step()
    attempts = session.records.attempts("tiny")
    now = Playthrough(session.scene)
    visited, taken = visited_and_taken(now, attempts)
    assert {"first", "asked", "decide", "close"} <= visited and "calm" not in visited
    assert taken == {"first/1", "asked/continue"}
    states = states_to(now, attempts, "asked")
    assert states is not None and states[-1].node == "asked"
