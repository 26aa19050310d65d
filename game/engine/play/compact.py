"""The runner's rules on compact states, for exploring every state of a scene quickly.

Exploring forgets scores, traps and the path (see explore.py), so what is left of a State is
its node, its variables, its meters and the once-only choices taken. Here that is one tuple,
``(node, variables, meters, taken)``, with the variables and meters as tuples in a fixed order:
it hashes fast, compares fast and takes little memory. ``step`` does exactly what
``runner.choose`` followed by forgetting the scores does; tests/engine/test_check_pinned.py and
tests/engine/test_compact.py hold the two to the same answers.
"""

from __future__ import annotations

from typing import Callable, Iterator

from game.engine.play import runner
from game.engine.play.state import SOLO, State
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.conditions import Condition, Value
from game.engine.scene.model import Choice, Effect, Node, Scene

Key = tuple[str, tuple, tuple, frozenset]

_ABSENT = object()  # a variable some choice sets, though the first state did not have it


class CompactScene:
    """One scene, ready for stepping compact states. Build one per exploration."""

    def __init__(self, scene: Scene, first: State, catalogue: Catalogue | None = None) -> None:
        catalogue = catalogue or default_catalogue()
        self.scene = scene
        self.first = first
        self.nodes = scene.nodes
        self.players = tuple(first.scores) or (SOLO,)
        effects = [c.effect for node in scene.nodes.values() for c in _choices_of(node)]
        extra = [name for e in effects for name in (*e.set, *e.add) if name not in first.variables]
        self.variable_names: tuple[str, ...] = tuple(dict.fromkeys([*first.variables, *extra]))
        self.all_present = not extra
        self.meter_names: tuple[str, ...] = tuple(first.meters)
        self.meter_bounds = tuple((m.minimum, m.maximum) for m in map(catalogue.meter, self.meter_names))
        self.endings = frozenset(n.id for n in scene.nodes.values() if n.ending is not None)
        # Names a condition can read that the state does not hold: scores and traps count 0 on
        # a state whose scores were forgotten.
        self.tallies = frozenset(name.name for c in _conditions(scene) for name in c.names()
                                 if name.name.startswith(("score.", "trap.")))
        self._interned: dict[tuple, tuple] = {}
        self._settled_tallies: dict[int, dict[str, int]] = {}

    # -- between State and Key -----------------------------------------------------------------

    def key(self, state: State) -> Key:
        variables = tuple(state.variables.get(name, _ABSENT) for name in self.variable_names)
        meters = tuple(state.meters[name] for name in self.meter_names)
        return self._intern(state.node, variables, meters, frozenset(state.taken))

    def state(self, key: Key) -> State:
        node, variables, meters, taken = key
        return State(
            scene_id=self.first.scene_id, node=node,
            variables={n: v for n, v in zip(self.variable_names, variables) if v is not _ABSENT},
            meters=dict(zip(self.meter_names, meters)),
            scores={p: {} for p in self.players}, traps={p: () for p in self.players}, taken=taken)

    def _intern(self, node: str, variables: tuple, meters: tuple, taken: frozenset) -> Key:
        rest = (variables, meters, taken)
        rest = self._interned.setdefault(rest, rest)  # states at many nodes share the rest
        return (node, *rest)  # type: ignore[return-value]

    # -- the rules -----------------------------------------------------------------------------

    def is_over(self, key: Key) -> bool:
        return key[0] in self.endings

    def values(self, key: Key) -> dict[str, Value]:
        """What a condition reads at this state, as ``runner`` would look it up."""
        values: dict[str, Value] = dict.fromkeys(self.tallies, 0)
        if self.all_present:
            values.update(zip(self.variable_names, key[1]))
        else:
            values.update((n, v) for n, v in zip(self.variable_names, key[1]) if v is not _ABSENT)
        values.update(zip(self.meter_names, key[2]))
        return values

    def available_choices(self, key: Key) -> tuple[Choice, ...]:
        node = self.nodes[key[0]]
        if node.puppet is not None:
            return node.puppet.answers
        if node.goto is not None:
            return (runner.continue_choice(node),)
        get = self.values(key).get
        lookup: Callable[[str], Value] = lambda name: get(name, False)  # noqa: E731
        taken = key[3]
        return tuple(
            c for c in node.choices
            if not (c.once and f"{node.id}/{c.key}" in taken)
            and (c.condition is None or c.condition.holds(lookup))
        )

    def step(self, key: Key, choice: Choice) -> Key:
        """The state after ``choice``, its scores forgotten. Raises runner.StoryError."""
        node, variables, meters, taken = key
        effect = choice.effect
        if effect.set or effect.add:
            variables = self._changed_variables(variables, effect)
        if effect.meters:
            meters = tuple(
                min(max(value + effect.meters.get(name, 0), low), high)
                for name, value, (low, high) in zip(self.meter_names, meters, self.meter_bounds))
        if choice.once:
            taken = taken | {f"{node}/{choice.key}"}
        return self._settle(self._intern(choice.goto, variables, meters, taken), effect)

    def _changed_variables(self, variables: tuple, effect: Effect) -> tuple:
        values = list(variables)
        for name, value in effect.set.items():
            values[self.variable_names.index(name)] = value
        for name, delta in effect.add.items():
            at = self.variable_names.index(name)
            values[at] = int(0 if values[at] is _ABSENT else values[at]) + delta
        return tuple(values)

    def _settle(self, key: Key, effect: Effect) -> Key:
        """Follow route nodes, as ``runner._settle`` does just after a choice: a route condition
        sees the scores and traps of that one choice, since the ones before were forgotten."""
        node = self.nodes.get(key[0])
        if node is not None and not node.route:
            return key
        values: dict[str, Value] | None = None
        for _ in range(runner.MAX_ROUTE_HOPS):
            node = self.nodes.get(key[0])
            if node is None:
                raise runner.StoryError(f"node {key[0]!r} does not exist")
            if not node.route:
                return key
            if values is None:
                values = self.values(key) | self._tallies_after(effect)
            get = values.get
            lookup: Callable[[str], Value] = lambda name: get(name, False)  # noqa: E731
            branch = next((b for b in node.route if b.condition is None or b.condition.holds(lookup)), None)
            if branch is None:
                raise runner.StoryError(f"no route branch holds at node {node.id!r}")
            key = (branch.goto, *key[1:])  # type: ignore[assignment]
        raise runner.StoryError(f"route nodes loop forever from {key[0]!r}")

    def _tallies_after(self, effect: Effect) -> dict[str, int]:
        found = self._settled_tallies.get(id(effect))
        if found is None:
            found = {}
            for name in self.tallies:
                group, _, key = name.partition(".")
                found[name] = effect.scores.get(key, 0) if group == "score" else effect.traps.count(key)
            self._settled_tallies[id(effect)] = found
        return found


def _choices_of(node: Node) -> tuple[Choice, ...]:
    return node.puppet.answers if node.puppet is not None else node.choices


def _conditions(scene: Scene) -> Iterator[Condition]:
    for node in scene.nodes.values():
        for item in (*node.lines, *node.choices, *node.route):
            if item.condition is not None:
                yield item.condition


def meters_of(compact: CompactScene, key: Key) -> dict[str, int]:
    return dict(zip(compact.meter_names, key[2]))
