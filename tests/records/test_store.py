"""The Records API: attempts, saves, settings, stats and export, on a real file."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from game.engine.library import load_scene_text
from game.engine.play import runner
from game.engine.play.state import Step
from game.records import Attempt, Records, Save, SceneStats
from tests.conftest import MINIMAL_SCENE

PATH = (Step("first", "1", "p1"), Step("asked", "continue", "p1"))


def attempt(scene_id: str = "tiny", status: str = "finished", ending: str | None = "close",
            closeness: int = 2, finished_at: str = "") -> Attempt:
    return Attempt(
        scene_id=scene_id, status=status, path=PATH, ending=ending,
        ending_title=ending.title() if ending else None,
        scores={"p1": {"direct_communication": 2}}, traps={"p1": ("complaining",)},
        meters={"closeness": closeness, "harmony": 0}, players=("Ana",), finished_at=finished_at,
    )


@pytest.fixture
def records(tmp_path: Path):
    with Records.open(tmp_path / "data") as opened:
        yield opened


def test_attempts_round_trip_in_order(records: Records) -> None:
    first = records.add_attempt(attempt(finished_at="2024-01-01T10:00:00+00:00"))
    second = records.add_attempt(attempt(scene_id="other", status="abandoned", ending=None))
    assert first and second and first != second
    stored = records.attempts()
    assert [a.id for a in stored] == [first, second]
    assert stored[0] == replace(attempt(finished_at="2024-01-01T10:00:00+00:00"), id=first)
    assert stored[1].finished_at.endswith("+00:00")  # filled in, in UTC
    assert [a.scene_id for a in records.attempts("other")] == ["other"]
    assert records.notice is None


def test_records_survive_closing_and_reopening(tmp_path: Path) -> None:
    with Records.open(tmp_path) as records:
        records.add_attempt(attempt())
        records.save_progress("tiny", PATH, ("Ana", "Ben"))
        records.set_setting("feedback", {"when": "end", "sound": False})
    with Records.open(tmp_path) as records:
        assert records.attempts()[0].path == PATH
        save = records.load_save("tiny")
        assert save is not None and save.path == PATH and save.players == ("Ana", "Ben")
        assert records.get_setting("feedback") == {"when": "end", "sound": False}
        assert records.get_setting("missing", "fallback") == "fallback"


def test_attempt_from_a_played_scene() -> None:
    scene = load_scene_text(MINIMAL_SCENE, "tiny.yaml")
    state = runner.start(scene)
    state = runner.choose(scene, state, "2")  # complain, once
    state = runner.choose(scene, state, "1")
    state = runner.choose(scene, state, "continue")
    finished = Attempt.from_state(scene, state, "finished", players=("Ana",))
    assert (finished.scene_id, finished.ending, finished.ending_title) == ("tiny", "close", "Close")
    assert finished.path == state.path and len(finished.path) == 3
    assert finished.scores == {"p1": {"direct_communication": 2}}
    assert finished.traps == {"p1": ("complaining",)}
    assert finished.meters == {"closeness": 2, "harmony": -1}
    assert finished.players == ("Ana",) and finished.finished_at == "" and finished.id is None

    abandoned = Attempt.from_state(scene, runner.start(scene), "abandoned")
    assert abandoned.ending is None and abandoned.ending_title is None
    assert abandoned.players == ("You",)


def test_played_attempt_round_trips(records: Records) -> None:
    scene = load_scene_text(MINIMAL_SCENE, "tiny.yaml")
    state = runner.choose(scene, runner.choose(scene, runner.start(scene), "1"), "continue")
    played = Attempt.from_state(scene, state, "finished")
    records.add_attempt(played)
    [stored] = records.attempts()
    assert (stored.path, stored.scores, stored.traps, stored.meters, stored.ending) == (
        played.path, played.scores, played.traps, played.meters, played.ending)


def test_scene_stats(records: Records) -> None:
    assert records.scene_stats("tiny") == SceneStats(0, frozenset(), None)
    records.add_attempt(attempt(ending="close", closeness=3))
    records.add_attempt(attempt(ending="calm", closeness=1))
    records.add_attempt(attempt(status="abandoned", ending=None, closeness=9))
    records.add_attempt(attempt(scene_id="other", ending="elsewhere", closeness=7))
    assert records.scene_stats("tiny") == SceneStats(3, frozenset({"close", "calm"}), 3)


def test_one_save_per_scene_newest_first(records: Records) -> None:
    records.save_progress("a", PATH[:1])
    records.save_progress("b", PATH)
    records.save_progress("a", PATH, ("Ana",))  # replaces the first save of "a"
    saves = records.saves()
    assert [s.scene_id for s in saves] == ["a", "b"]
    assert saves[0].path == PATH and saves[0].players == ("Ana",)
    assert isinstance(saves[0], Save) and saves[0].saved_at.endswith("+00:00")
    records.delete_save("a")
    assert records.load_save("a") is None
    assert [s.scene_id for s in records.saves()] == ["b"]


def test_settings_replace_and_hold_any_json(records: Records) -> None:
    records.set_setting("volume", 3)
    records.set_setting("volume", [1, "two", None])
    assert records.get_setting("volume") == [1, "two", None]
    with pytest.raises(TypeError):
        records.set_setting("bad", object())


def test_export_is_plain_json(records: Records) -> None:
    records.add_attempt(attempt(finished_at="2024-01-01T10:00:00+00:00"))
    records.save_progress("tiny", PATH)
    records.set_setting("feedback", "end")
    exported = json.loads(json.dumps(records.export_all()))
    assert exported["format"] == "pathways-records" and exported["version"] == 3
    assert exported["exported_at"].endswith("+00:00")
    assert exported["attempts"] == [{
        "id": 1, "scene_id": "tiny", "status": "finished", "players": ["Ana"],
        "path": [["first", "1", "p1"], ["asked", "continue", "p1"]],
        "ending": "close", "ending_title": "Close",
        "scores": {"p1": {"direct_communication": 2}}, "traps": {"p1": ["complaining"]},
        "meters": {"closeness": 2, "harmony": 0}, "finished_at": "2024-01-01T10:00:00+00:00",
    }]
    assert exported["saves"][0]["path"] == [["first", "1", "p1"], ["asked", "continue", "p1"]]
    assert exported["saves"][0]["players"] == ["You"]
    assert exported["settings"] == {"feedback": "end"}


def test_malformed_rows_are_skipped(records: Records, tmp_path: Path) -> None:
    records.add_attempt(attempt())
    records.save_progress("tiny", PATH)
    records.set_setting("ok", 1)
    with sqlite3.connect(records.path) as raw:
        raw.execute("INSERT INTO attempts (scene_id, status, path_json, scores_json, traps_json,"
                    " meters_json, finished_at) VALUES ('tiny', 'finished', '{not json', '{}',"
                    " '{}', '{}', 'x')")
        raw.execute("INSERT INTO attempts (scene_id, status, path_json, scores_json, traps_json,"
                    " meters_json, finished_at) VALUES ('tiny', 'finished', '[[1, 2]]', '{}',"
                    " '{}', '{}', 'y')")
        raw.execute("INSERT INTO saves (scene_id, path_json, saved_at, players_json)"
                    " VALUES ('bad', '[]', 'z', 'nope')")
        raw.execute("INSERT INTO settings VALUES ('broken', '{')")
    assert len(records.attempts()) == 1
    assert records.scene_stats("tiny").attempts == 1
    assert [s.scene_id for s in records.saves()] == ["tiny"]
    assert records.load_save("bad") is None
    assert records.get_setting("broken", "default") == "default"
    exported = records.export_all()
    assert len(exported["attempts"]) == 1 and exported["settings"] == {"ok": 1}


def test_delete_all_erases_every_row(records: Records) -> None:
    records.add_attempt(attempt())
    records.save_progress("tiny", PATH)
    records.set_setting("feedback", "end")
    records.delete_all()
    assert records.attempts() == [] and records.saves() == [] and records.settings() == {}
    assert records.path is not None and b"direct_communication" not in records.path.read_bytes()


def test_a_failing_disk_becomes_a_notice_not_a_crash(records: Records) -> None:
    records._connection.execute("PRAGMA query_only = ON")  # every write now fails like a read-only disk
    assert records.add_attempt(attempt()) == 0
    assert records.notice is not None and records.notice.startswith("This attempt could not be written")
    records.save_progress("tiny", PATH)
    assert records.notice.startswith("Your progress could not be saved")
    assert [a.scene_id for a in records.attempts()] == ["tiny"]  # kept in memory, still listed
