"""Pure helpers behind the play screen: speech and stage directions, whose voice, routes in words,
and the branch map's path."""

from __future__ import annotations

from game.engine.author.graph import MapNode, branch_map
from game.engine.library import load_scene_text
from game.engine.play.playthrough import Playthrough
from game.engine.play.voice import both_roles_note, voice
from game.engine.scene.conditions import parse_condition
from game.engine.scene.describe import condition_in_words
from game.engine.scene.speech import Part, quotes_speech, split_speech
from game.session import played_edges, visited_and_taken
from tests.conftest import INTERLUDE_SCENE, TWO_ENDINGS_SCENE, TWO_ROLE_SCENE


def test_quoted_words_are_speech_and_the_rest_a_direction() -> None:
    text = '"Oh, whatever you\'ve planned. It\'ll be lovely." Fold your own wish away for now.'
    assert split_speech(text) == (
        Part("speech", '"Oh, whatever you\'ve planned. It\'ll be lovely."'),
        Part("direction", "Fold your own wish away for now."),
    )
    assert split_speech("Smile. “Of course not.” Keep walking.") == (
        Part("direction", "Smile."), Part("speech", "“Of course not.”"), Part("direction", "Keep walking."))


def test_unquoted_choice_is_a_direction_only_in_a_scene_that_quotes_speech() -> None:
    assert split_speech("Say nothing and keep washing up.", quoted_scene=True) == (
        Part("direction", "Say nothing and keep washing up."),)
    assert split_speech("Ask how Kim is.", quoted_scene=False) == (Part("speech", "Ask how Kim is."),)
    assert not quotes_speech(load_scene_text(TWO_ENDINGS_SCENE, "tiny.yaml"))
    quoted = TWO_ENDINGS_SCENE.replace("- text: Ask how Kim is.", "- text: '\"How are you?\"'")
    assert quotes_speech(load_scene_text(quoted, "tiny.yaml"))


def test_route_conditions_in_words() -> None:
    assert condition_in_words(None) == "otherwise"
    cases = {
        "asked and closeness >= 2": "if asked and closeness is at least 2",
        "not opened_up or harmony < 0": "if not opened up or harmony is below 0",
        "shared == true": "if shared",
        "shared == false": "if not shared",
        "score.courage_vulnerability > 0": "if the courage vulnerability score is above 0",
        "trap.complaining == 0": "if the trap complaining is 0",
        "not (a and b)": "if not (a and b)",
    }
    for source, words in cases.items():
        assert condition_in_words(parse_condition(source)) == words
        assert ">=" not in words and "==" not in words


def test_whose_voice_in_a_two_role_scene_and_not_in_a_one_role_scene() -> None:
    duet = load_scene_text(TWO_ROLE_SCENE, "duet.yaml")
    assert voice(duet, duet.nodes["door"]) == "Alex"
    assert voice(duet, duet.nodes["reply"]) == "Sam"
    assert voice(duet, duet.nodes["decide"]) is None  # a route: nobody chooses
    assert both_roles_note(duet) == "You play both Alex and Sam: each choice says whose voice it is."
    tiny = load_scene_text(TWO_ENDINGS_SCENE, "tiny.yaml")
    assert voice(tiny, tiny.nodes["first"]) is None and both_roles_note(tiny) is None


def _find(item: MapNode, node_id: str, found: list) -> list:
    if item.node.id == node_id:
        found.append(item)
    for branch in item.branches:
        _find(branch.child, node_id, found)
    return found


def test_branch_map_unfolds_a_node_where_the_played_path_reached_it() -> None:
    scene = load_scene_text(TWO_ENDINGS_SCENE, "tiny.yaml")
    playthrough = Playthrough(scene)
    playthrough.choose("2")  # "Leave it for today": straight to the route, then the calm ending
    visited, taken = visited_and_taken(playthrough, [])
    played = played_edges(playthrough)
    assert played == [("first", "2", "decide"), ("decide", None, "calm")]
    root = branch_map(scene, taken, visited, played)
    ask, leave = root.branches[0], root.branches[1]
    assert not ask.on_path and leave.on_path
    assert not leave.child.repeat and leave.child.node.id == "decide"  # unfolded on the path
    assert [d.repeat for d in _find(ask.child, "decide", [])] == [True]  # only mentioned elsewhere
    calm = [b for b in leave.child.branches if b.child.node.id == "calm"][0]
    assert calm.on_path and calm.edge.label == "otherwise"
    close = [b for b in leave.child.branches if b.child.node.id == "close"][0]
    assert close.edge.label == "if asked and closeness is at least 2"


def test_a_node_after_a_puppet_interlude_counts_as_visited() -> None:
    scene = load_scene_text(INTERLUDE_SCENE, "interlude.yaml")
    playthrough = Playthrough(scene)
    playthrough.choose(scene.nodes["before"].puppet.answers[0].key)
    visited, _ = visited_and_taken(playthrough, [])
    assert "after" in visited
    assert played_edges(playthrough)[0] == ("before", None, "after")
