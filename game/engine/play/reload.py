"""Carrying a playthrough over to a new version of its scene file (for `play --watch`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from game.engine.play import runner
from game.engine.play.playthrough import Playthrough
from game.engine.play.replay import replay_path
from game.engine.scene.model import Scene

Outcome = Literal["same path", "same node", "back to start"]


def carry_over(playthrough: Playthrough, scene: Scene) -> Outcome:
    """Move ``playthrough`` onto ``scene``: replay its path if it still fits, else stay at the
    current node if it still exists (history restarts there), else go back to the start."""
    state = playthrough.state
    replay = replay_path(scene, state.path, playthrough.players)
    playthrough.scene = scene
    if replay.complete and replay.states and replay.states[-1].node == state.node:
        playthrough.states[:] = list(replay.states)
        return "same path"
    if state.node in scene.nodes and not scene.nodes[state.node].route:
        playthrough.states[:] = [replace(state, scene_id=scene.id, path=())]
        return "same node"
    playthrough.states[:] = [runner.start(scene, playthrough.players)]
    return "back to start"
