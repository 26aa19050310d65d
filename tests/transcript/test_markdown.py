"""The Markdown transcript: complete, and inert whatever a scene or a name says."""

from __future__ import annotations

import html
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from game.engine.library import load_scene_text
from game.engine.play.playthrough import Playthrough
from game.engine.play.seating import Seating
from game.transcript.markdown import escape, transcript_markdown
from game.transcript.words import meter_sentence, spoken
from tests.conftest import MINIMAL_SCENE, TWO_ROLE_SCENE

COMMONMARK = MarkdownIt("commonmark")  # raw HTML on, as most Markdown viewers have it
INJECTION = "[x](javascript:alert(1)) <script>alert(1)</script> ![i](http://x/y.png) <b onclick=z>"


def rendered_text(markdown: str) -> str:
    """The text a viewer shows for one escaped paragraph: only <p> and <br> allowed as tags."""
    page = COMMONMARK.render(markdown)
    tags = set(re.findall(r"</?([a-z0-9]+)", page))
    assert tags <= {"p", "br"}, page
    return html.unescape(re.sub(r"</?p>|<br />", "", page)).strip()


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
               max_size=80))
def test_any_line_of_text_comes_out_exactly_as_written(text: str) -> None:
    words = " ".join(text.split())
    if words:
        assert rendered_text(escape(words)) == words


def test_links_html_and_images_are_inert() -> None:
    assert rendered_text(escape(INJECTION)) == INJECTION


def test_block_syntax_at_a_line_start_stays_text() -> None:
    for line in ("# heading", "> quote", "- item", "+ item", "1. item", "12) item", "===", "---", "    code"):
        assert rendered_text(escape(line)) == line.strip()


def test_lines_of_a_text_stay_lines() -> None:
    assert rendered_text(escape("first\n# second")).splitlines() == ["first", "# second"]


def played(scene_text: str, keys: list[str], seating: Seating | None = None) -> tuple[Playthrough, Seating]:
    scene = load_scene_text(scene_text, "scene.yaml")
    seating = seating or Seating.alone()
    playthrough = Playthrough(scene, players=seating.players)
    for key in keys:
        playthrough.choose(key, seating.player_for(scene, playthrough.state))
    return playthrough, seating


def test_a_finished_scene_has_lines_choices_feedback_meters_scores_and_reflection() -> None:
    scene_text = MINIMAL_SCENE.replace("      - kim: Hello.", f"      - kim: '{INJECTION}'")
    playthrough, seating = played(scene_text, ["1", "continue"])
    markdown = transcript_markdown(playthrough, seating, date(2026, 1, 2))
    assert markdown.startswith("# Tiny\n\n*Played on 2026-01-02.*\n\n## What happened\n\nA room.\n\n**Kim:** ")
    assert "> **You chose:** Ask how Kim is.\n>\n> Showed: Direct communication and conflict skills plus 2.\n>\n" \
           "> Asking instead of guessing." in markdown
    assert "## Ending: Close\n\nYou reached each other." in markdown
    assert "## Meters\n\n- Closeness plus 2 out of 10\n- Harmony 0 out of 10" in markdown
    assert "- Direct communication and conflict skills plus 2\n" in markdown
    assert "No traps this time." in markdown
    page = COMMONMARK.render(markdown)
    assert "<script" not in page and "href" not in page and "<img" not in page and "<b " not in page


def test_together_names_say_who_chose_and_cannot_inject() -> None:
    scene = load_scene_text(TWO_ROLE_SCENE, "duet.yaml")
    seating = Seating.together(scene, ("<i>Ana</i>", "[Ben](x:y)"))
    playthrough, _ = played(TWO_ROLE_SCENE, ["1", "1"], seating)
    markdown = transcript_markdown(playthrough, seating, date(2026, 1, 2))
    assert "**\\<i\\>Ana\\</i\\> chose:** Say you missed Sam today." in markdown
    assert "**\\[Ben\\](x:y) chose:** Ask what today was like." in markdown
    page = COMMONMARK.render(markdown)
    assert "<i>" not in page and "href" not in page


def test_numbers_are_spoken_words() -> None:
    assert [spoken(v) for v in (3, 0, -2)] == ["plus 3", "0", "minus 2"]
    playthrough, _ = played(MINIMAL_SCENE, ["1"])
    closeness = next(m for m, _ in playthrough.summary().meters if m.key == "closeness")
    assert meter_sentence(closeness, 7) == "Closeness plus 7 out of 10"
