"""The pure step functions: given a scene and a state, what is shown and what comes next."""

from __future__ import annotations

from dataclasses import replace

from game.engine.play.state import SOLO, State, Step
from game.engine.puppets.answer_rules import (
    GENTLE_RESPONSE,
    TYPED_PREFIX,
    effect_of,
    is_self_critical,
    rules_of_key,
)
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.conditions import Value
from game.engine.scene.model import Choice, Line, Node, Scene

MAX_ROUTE_HOPS = 1000
RECENT_CHOICES = 2  # `recent.<meter>` in a condition sums the changes of this many last choices
CONTINUE_KEY = "continue"


class StoryError(RuntimeError):
    """The scene cannot go on from here; a fault in the scene, which `validate` should catch."""


def start(scene: Scene, players: tuple[str, ...] = (SOLO,)) -> State:
    state = State(
        scene_id=scene.id,
        node=scene.start,
        variables=dict(scene.variables),
        meters=dict(scene.meters),
        scores={p: {} for p in players},
        traps={p: () for p in players},
    )
    return _settle(scene, state)


def current_node(scene: Scene, state: State) -> Node:
    return scene.nodes[state.node]


def is_over(scene: Scene, state: State) -> bool:
    return current_node(scene, state).ending is not None


def visible_lines(scene: Scene, state: State) -> tuple[Line, ...]:
    lookup = _lookup(state)
    return tuple(line for line in current_node(scene, state).lines
                 if line.condition is None or line.condition.holds(lookup))


def available_choices(scene: Scene, state: State) -> tuple[Choice, ...]:
    """The choices open to the chooser now. A 'goto' node offers a single 'Continue'; a puppet
    interlude offers the puppet's answers (and also takes typed answers, see ``node_choice``)."""
    node = current_node(scene, state)
    if node.puppet is not None:
        return node.puppet.answers
    if node.goto is not None:
        return (continue_choice(node),)
    lookup = _lookup(state)
    return tuple(
        c for c in node.choices
        if not (c.once and f"{node.id}/{c.key}" in state.taken)
        and (c.condition is None or c.condition.holds(lookup))
    )


def choose(scene: Scene, state: State, choice_key: str, player: str = SOLO,
           catalogue: Catalogue | None = None) -> State:
    """Take the choice with ``choice_key`` at the current node, on behalf of ``player``."""
    catalogue = catalogue or default_catalogue()
    choice = next((c for c in available_choices(scene, state) if c.key == choice_key), None)
    if choice is None and choice_key.startswith(TYPED_PREFIX):
        choice = node_choice(current_node(scene, state), choice_key)
    if choice is None:
        raise StoryError(f"choice {choice_key!r} is not open at node {state.node!r}")
    effect = choice.effect
    variables = dict(state.variables)
    variables.update(effect.set)
    for name, delta in effect.add.items():
        variables[name] = int(variables.get(name, 0)) + delta
    meters = {key: catalogue.meter(key).clamp(value + effect.meters.get(key, 0))
              for key, value in state.meters.items()}
    scores = {p: dict(s) for p, s in state.scores.items()}
    player_scores = scores.setdefault(player, {})
    for key, delta in effect.scores.items():
        player_scores[key] = player_scores.get(key, 0) + delta
    traps = dict(state.traps)
    traps[player] = traps.get(player, ()) + effect.traps
    taken = state.taken | {f"{state.node}/{choice.key}"} if choice.once else state.taken
    moved = replace(state, node=choice.goto, variables=variables, meters=meters, scores=scores,
                    traps=traps, taken=taken, path=state.path + (Step(state.node, choice.key, player),),
                    recent=_recent(scene, state, meters))
    return _settle(scene, moved)


def _recent(scene: Scene, state: State, meters: dict[str, int]) -> tuple[dict[str, int], ...]:
    """The meter changes of the last choices; a "Continue" is not a choice and changes nothing."""
    node = current_node(scene, state)
    if node.goto is not None and node.puppet is None:
        return tuple(state.recent)
    change = {key: value - state.meters[key] for key, value in meters.items() if value != state.meters[key]}
    return (tuple(state.recent) + (change,))[-RECENT_CHOICES:]


def continue_choice(node: Node) -> Choice:
    return Choice(key=CONTINUE_KEY, text="Continue", goto=node.goto or "")


def node_choice(node: Node, choice_key: str) -> Choice | None:
    """The choice ``choice_key`` names at ``node``, whether or not it is open now.

    At a puppet interlude a typed answer is named by the rules it matched ("typed:humour+thanks");
    its effect comes from those rules, so replays never need the typed words."""
    if node.puppet is not None:
        if choice_key.startswith(TYPED_PREFIX):
            rules = rules_of_key(choice_key)
            if rules is None:
                return None
            gentle = GENTLE_RESPONSE if is_self_critical(rules) else ""
            return Choice(key=choice_key, text="(an answer of your own)", goto=node.goto or "",
                          effect=effect_of(list(rules)), feedback=gentle)
        return next((c for c in node.puppet.answers if c.key == choice_key), None)
    return next((c for c in node.choices if c.key == choice_key), None)


def taken_choices(scene: Scene, state: State) -> list[tuple[Node, Choice, str]]:
    """Each step of the path so far as (node, choice, player), for reviews and feedback."""
    result = []
    for step in state.path:
        node = scene.nodes[step.node]
        choice = node_choice(node, step.choice)
        if choice is not None:
            result.append((node, choice, step.player))
    return result


def _settle(scene: Scene, state: State) -> State:
    """Follow route nodes until the state rests on a node the player sees."""
    for _ in range(MAX_ROUTE_HOPS):
        node = scene.nodes.get(state.node)
        if node is None:
            raise StoryError(f"node {state.node!r} does not exist")
        if not node.route:
            return state
        lookup = _lookup(state)
        branch = next((b for b in node.route if b.condition is None or b.condition.holds(lookup)), None)
        if branch is None:
            raise StoryError(f"no route branch holds at node {node.id!r}")
        state = replace(state, node=branch.goto)
    raise StoryError(f"route nodes loop forever from {state.node!r}")


def _lookup(state: State):
    def lookup(name: str) -> Value:
        if name.startswith("score."):
            return state.score(name[6:])
        if name.startswith("trap."):
            return state.traps_of().count(name[5:])
        if name.startswith("recent."):
            return state.recent_change(name[7:])
        if name in state.meters:
            return state.meters[name]
        return state.variables.get(name, False)
    return lookup
