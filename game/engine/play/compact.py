"""The runner's rules on compact states, for exploring every state of a scene quickly.

Exploring forgets scores, traps and the path (see explore.py), so what is left of a State is its
node, its variables, its meters, the once-only choices taken and the meter changes of the last
choices. Here that is a pair ``(node, rest)``: ``rest`` numbers the distinct (variables, meters,
taken, recent) seen so far, each kept
once as tuples in a fixed order. Pairs hash and compare fast and take little memory, and a
choice's effect on a given ``rest`` is worked out once, however many nodes share them.
``step`` does exactly what ``runner.choose`` followed by forgetting the scores does;
tests/engine/test_compact.py and tests/engine/test_check_pinned.py hold the two to the same answers.
"""

from __future__ import annotations

from typing import Callable, Iterator

from game.engine.play import runner
from game.engine.play.state import SOLO, State
from game.engine.scene.catalogue import Catalogue, default_catalogue
from game.engine.scene.conditions import Condition, Value
from game.engine.scene.model import Choice, Effect, Node, Scene

Key = tuple[str, int]  # (node, rest)
Recent = tuple[tuple[tuple[str, int], ...], ...]  # the meter changes of the last choices
Tallies = tuple[tuple, ...]  # per player: the tracked scores as sorted (key, total), or tracked traps
# (variables, meters, taken, recent, tracked scores, tracked traps)
Rest = tuple[tuple, tuple[int, ...], frozenset, Recent, Tallies, Tallies]

_ABSENT = object()  # a variable some choice sets, though the first state did not have it


class CompactScene:
    """One scene, ready for stepping compact states. Build one per exploration."""

    def __init__(self, scene: Scene, first: State, catalogue: Catalogue | None = None,
                 tracked: frozenset[str] = frozenset()) -> None:
        """``tracked``: the score.X and trap.X names the scene's flow reads (explore.flow_names);
        those scores and traps are kept in a state, as explore.identity_for keeps them."""
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
        self.routes = frozenset(n.id for n in scene.nodes.values() if n.route)
        self.continues = frozenset(n.id for n in scene.nodes.values()
                                   if n.goto is not None and n.puppet is None)
        read = {name.name for c in _conditions(scene) for name in c.names()}
        # Names a condition can read that a state does not hold: scores and traps, which count 0
        # once forgotten; and the recent change of a meter, which the state does hold.
        self.tallies = frozenset(name for name in read if name.startswith(("score.", "trap."))
                                 and name not in tracked)
        self.tracked = tuple(sorted(tracked))
        self.tracked_scores = frozenset(name[6:] for name in tracked if name.startswith("score."))
        self.tracked_traps = frozenset(name[5:] for name in tracked if name.startswith("trap."))
        self.recent_names = tuple(name for name in read if name.startswith("recent."))
        self.fixed_choices = {n.id: fixed for n in scene.nodes.values()
                              if (fixed := _fixed_choices(n)) is not None}
        self.duplicate_keys = frozenset(n.id for n in scene.nodes.values() if _has_duplicate_keys(n))
        self.rests: list[Rest] = []
        self._rest_ids: dict[Rest, int] = {}
        self._values: dict[int, dict[str, Value]] = {}
        self._changes: dict[tuple, int] = {}  # a change of variables and meters -> its number
        self._changes_of: dict[int, int] = {}  # id(effect) -> the number of its change
        self._applied: dict[tuple[int, int], int] = {}  # (change, rest) -> rest
        self._settled_tallies: dict[int, dict[str, int]] = {}
        self._keep_alive = effects  # ids of these effects are used as keys

    # -- between State and Key -----------------------------------------------------------------

    def key(self, state: State) -> Key:
        variables = tuple(state.variables.get(name, _ABSENT) for name in self.variable_names)
        meters = tuple(state.meters[name] for name in self.meter_names)
        recent = tuple(tuple(sorted(change.items())) for change in state.recent)
        scores = tuple(tuple(sorted((k, v) for k, v in state.scores.get(p, {}).items() if k in self.tracked_scores))
                       for p in self.players)
        traps = tuple(tuple(sorted(t for t in state.traps.get(p, ()) if t in self.tracked_traps))
                      for p in self.players)
        return (state.node, self._rest_id((variables, meters, frozenset(state.taken), recent, scores, traps)))

    def state(self, key: Key) -> State:
        variables, meters, taken, recent, scores, traps = self.rests[key[1]]
        return State(
            scene_id=self.first.scene_id, node=key[0],
            variables={n: v for n, v in zip(self.variable_names, variables) if v is not _ABSENT},
            meters=dict(zip(self.meter_names, meters)),
            scores={p: dict(s) for p, s in zip(self.players, scores)},
            traps={p: tuple(t) for p, t in zip(self.players, traps)}, taken=taken,
            recent=tuple(dict(change) for change in recent))

    def meters(self, key: Key) -> dict[str, int]:
        return dict(zip(self.meter_names, self.rests[key[1]][1]))

    def _rest_id(self, rest: Rest) -> int:
        found = self._rest_ids.get(rest)
        if found is None:
            found = self._rest_ids[rest] = len(self.rests)
            self.rests.append(rest)
        return found

    # -- the rules -----------------------------------------------------------------------------

    def is_over(self, key: Key) -> bool:
        return key[0] in self.endings

    def values(self, rest: int) -> dict[str, Value]:
        """What a condition reads at this state, as ``runner`` would look it up."""
        found = self._values.get(rest)
        if found is None:
            variables, meters, _, recent, scores, traps = self.rests[rest]
            found = dict.fromkeys(self.tallies, 0)
            for name in self.tracked:
                group, _, key = name.partition(".")
                found[name] = (sum(dict(s).get(key, 0) for s in scores) if group == "score"
                               else sum(t.count(key) for t in traps))
            found.update((n, v) for n, v in zip(self.variable_names, variables) if v is not _ABSENT)
            found.update(zip(self.meter_names, meters))
            for name in self.recent_names:
                meter = name[7:]
                found[name] = sum(value for change in recent for key, value in change if key == meter)
            self._values[rest] = found
        return found

    def available_choices(self, key: Key) -> tuple[Choice, ...]:
        fixed = self.fixed_choices.get(key[0])
        if fixed is not None:
            return fixed
        node = self.nodes[key[0]]
        get = self.values(key[1]).get
        lookup: Callable[[str], Value] = lambda name: get(name, False)  # noqa: E731
        taken = self.rests[key[1]][2]
        return tuple(
            c for c in node.choices
            if not (c.once and f"{node.id}/{c.key}" in taken)
            and (c.condition is None or c.condition.holds(lookup))
        )

    def step(self, key: Key, choice: Choice) -> Key:
        """The state after ``choice``, its scores forgotten. Raises runner.StoryError."""
        effect = choice.effect
        rest = key[1]
        if key[0] not in self.continues:  # "Continue" changes nothing, not even the recent changes
            change = self._changes_of.get(id(effect))
            if change is None:
                change = self._change_number(effect)
            applied = self._applied.get((change, rest))
            if applied is None:
                applied = self._applied[(change, rest)] = self._apply(effect, rest)
            rest = applied
        if choice.once:
            variables, meters, taken, recent, scores, traps = self.rests[rest]
            rest = self._rest_id((variables, meters, taken | {f"{key[0]}/{choice.key}"}, recent, scores, traps))
        goto = choice.goto
        if goto in self.routes or goto not in self.nodes:
            return self._settle((goto, rest), effect)
        return (goto, rest)

    def _change_number(self, effect: Effect) -> int:
        """Effects that change variables and meters alike share a number."""
        meters = tuple(effect.meters.get(name, 0) for name in self.meter_names)
        change = (tuple(effect.set.items()), tuple(effect.add.items()), meters,
                  tuple((k, v) for k, v in effect.scores.items() if k in self.tracked_scores),
                  tuple(t for t in effect.traps if t in self.tracked_traps))
        number = self._changes_of[id(effect)] = self._changes.setdefault(change, len(self._changes))
        return number

    def _apply(self, effect: Effect, rest: int) -> int:
        variables, meters, taken, recent, scores, traps = self.rests[rest]
        before = meters
        if self.tracked:  # the chooser's tracked scores and traps, as runner.choose adds them
            at = self.players.index(SOLO)
            mine = dict(scores[at])
            for name, delta in effect.scores.items():
                if name in self.tracked_scores:
                    mine[name] = mine.get(name, 0) + delta
            scores = (*scores[:at], tuple(sorted(mine.items())), *scores[at + 1:])
            added = tuple(t for t in effect.traps if t in self.tracked_traps)
            traps = (*traps[:at], tuple(sorted(traps[at] + added)), *traps[at + 1:])
        if effect.set or effect.add:
            values = list(variables)
            for name, value in effect.set.items():
                values[self.variable_names.index(name)] = value
            for name, delta in effect.add.items():
                at = self.variable_names.index(name)
                values[at] = int(0 if values[at] is _ABSENT else values[at]) + delta
            variables = tuple(values)
        meters = tuple(
            max(low, min(high, value + effect.meters.get(name, 0)))
            for name, value, (low, high) in zip(self.meter_names, meters, self.meter_bounds))
        change = tuple(sorted((name, new - old) for name, old, new in zip(self.meter_names, before, meters)
                              if new != old))
        recent = (*recent, change)[-runner.RECENT_CHOICES:]
        return self._rest_id((variables, meters, taken, recent, scores, traps))

    def _settle(self, key: Key, effect: Effect) -> Key:
        """Follow route nodes, as ``runner._settle`` does just after a choice: a route condition
        sees the scores and traps of that one choice, since the ones before were forgotten."""
        values: dict[str, Value] | None = None
        for _ in range(runner.MAX_ROUTE_HOPS):
            node = self.nodes.get(key[0])
            if node is None:
                raise runner.StoryError(f"node {key[0]!r} does not exist")
            if not node.route:
                return key
            if values is None:
                values = self.values(key[1]) | self._tallies_after(effect)  # untracked: this choice's
            get = values.get
            lookup: Callable[[str], Value] = lambda name: get(name, False)  # noqa: E731
            branch = next((b for b in node.route if b.condition is None or b.condition.holds(lookup)), None)
            if branch is None:
                raise runner.StoryError(f"no route branch holds at node {node.id!r}")
            key = (branch.goto, key[1])
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


def _fixed_choices(node: Node) -> tuple[Choice, ...] | None:
    """The choices of a node that offers the same ones at every state, as the runner gives them."""
    if node.puppet is not None:
        return node.puppet.answers
    if node.goto is not None:
        return (runner.continue_choice(node),)
    if any(c.once or c.condition is not None for c in node.choices):
        return None
    return node.choices


def _has_duplicate_keys(node: Node) -> bool:
    keys = [c.key for c in _choices_of(node)]
    return len(set(keys)) != len(keys)


def _choices_of(node: Node) -> tuple[Choice, ...]:
    return node.puppet.answers if node.puppet is not None else node.choices


def _conditions(scene: Scene) -> Iterator[Condition]:
    for node in scene.nodes.values():
        for item in (*node.lines, *node.choices, *node.route):
            if item.condition is not None:
                yield item.condition
