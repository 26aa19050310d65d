"""`pathways serve` in a real Chromium, driven by Playwright with the keyboard.

What the player saw is read from the terminal bytes the page received (escape codes removed),
and from the records the session left.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.engine.play.seating import MAX_NAME
from game.records import Records
from tests.conftest import MINIMAL_SCENE
from tests.web.serving import serving

STEP_MS = 15_000
SETTLE_MS = 400
HOSTILE_NAME = "[@click=app.quit]x[/]"
MARKUP_LINE = "[bold]Hi[/bold] [link=https://example.com]there[/link]"

CAPTURE = """
window.__seen = "";
const NativeSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = protocols ? new NativeSocket(url, protocols) : new NativeSocket(url);
  const decoder = new TextDecoder();
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") {
      window.__seen += decoder.decode(event.data, {stream: true});
    }
  });
  return socket;
};
window.WebSocket.prototype = NativeSocket.prototype;
"""
# What was drawn since the last key press, without the escape codes.
PLAIN = r"""() => window.__seen.slice(window.__mark || 0).replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, "")"""
SEEN = "(wanted) => (" + PLAIN + ")().includes(wanted)"


def chromium() -> str:
    """The system Chromium; skipped (saying why) only where there is none and CI is not set."""
    found = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
    try:
        import playwright  # noqa: F401
    except ImportError:
        found = None
    if found is None:
        why = "no Chromium or Playwright here: apt-get install chromium; pip install -e '.[test]'"
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    return found


@pytest.fixture(scope="module")
def browser():
    path = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=path, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def scenes(tmp_path: Path) -> Path:
    folder = tmp_path / "scenes"
    folder.mkdir()
    scene = MINIMAL_SCENE.replace("      - kim: Hello.", f"      - kim: '{MARKUP_LINE}'")
    (folder / "tiny.yaml").write_text(scene)
    return folder


class Player:
    """One browser tab on the game: waits for what should be on screen, then presses keys."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1100, "height": 700})
        self.page.set_default_timeout(STEP_MS)
        self.page.add_init_script(CAPTURE)
        self.page.goto(url)
        self.page.wait_for_selector(".xterm-helper-textarea", state="attached")
        self.page.focus(".xterm-helper-textarea")

    def sees(self, text: str) -> None:
        try:
            self.page.wait_for_function(SEEN, arg=text, timeout=STEP_MS)
        except Exception as error:
            screen = self.page.evaluate(PLAIN)[-3000:]
            self.page.screenshot(path="/tmp/i15-fail.png")
            raise AssertionError(f"{text!r} never appeared; the end of what was shown:\n{screen}") from error

    def settle(self) -> None:
        self.page.wait_for_timeout(SETTLE_MS)

    def press(self, *keys: str) -> None:
        self.settle()  # a screen can be drawn a moment before its keys are bound
        self.page.evaluate("window.__mark = window.__seen.length")
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.evaluate("window.__mark = window.__seen.length")
        self.page.keyboard.type(text)

    def close(self) -> None:
        self.page.close()


def play_tiny_to_the_end(player: Player) -> None:
    player.sees("1 scene ready")
    player.press("p")
    player.sees("Tiny")
    player.press("Enter")


def test_a_scene_played_to_its_ending_in_chromium(browser, scenes: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with serving(scenes, env={"PATHWAYS_DATA_DIR": str(data)}) as url:
        player = Player(browser, url)
        play_tiny_to_the_end(player)
        player.sees("Ask how Kim is.")
        player.sees(MARKUP_LINE)  # scene text stays literal in the browser
        player.press("1")
        player.sees("Asking instead of guessing.")  # the feedback: the choice was taken
        player.press("1")  # Continue
        player.sees("See how it went")
        player.press("1")
        player.sees("Ending: Close")
        player.sees("You reached each other.")
        player.close()
    assert f"Pathways is at {url}" in url.output
    with Records.open(data) as records:
        [attempt] = records.attempts("tiny")
    assert (attempt.status, attempt.ending_title) == ("finished", "Close")


def test_together_with_a_name_made_of_markup_shows_it_literally_and_runs_nothing(
        browser, scenes: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    typed = HOSTILE_NAME[:MAX_NAME]  # the names dialog keeps the first MAX_NAME characters
    with serving(scenes, env={"PATHWAYS_DATA_DIR": str(data)}) as url:
        player = Player(browser, url)
        player.sees("1 scene ready")
        player.press("t")
        player.sees("Playing together")
        player.type(HOSTILE_NAME)
        player.sees(typed)
        player.press("Enter")
        player.settle()  # Enter moves the focus to the second name a moment later
        player.type("Ben")
        player.sees("Ben")
        player.press("Enter")
        player.sees("Tiny")
        player.press("Enter")
        player.sees(f"◆ {typed}")  # literal on the hand-over screen: the markup did not run
        player.press("Enter")
        player.sees("Ask how Kim is.")
        player.press("1")
        player.sees("Asking instead of guessing.")
        player.press("1")  # Continue
        player.sees("See how it went")
        player.press("1")
        player.sees("Ending: Close")  # the app is still there: nothing quit it
        player.close()
    with Records.open(data) as records:
        [attempt] = records.attempts("tiny")
    assert attempt.status == "finished"
    assert attempt.players == (typed, "Ben")


def test_a_missing_browser_fails_under_ci_and_is_skipped_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get install chromium"):
        chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        chromium()
