"""The play screen's list of choices, on its own: moving, choosing, the mouse, wrapping and height.

It replaced Textual's OptionList on the play screen (issue 14: it draws a new set of choices for
far less), so these tests hold it to what the OptionList did for the player.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets.option_list import Option

from game.ui.widgets.choice_list import ChoiceList

LONG = "A long answer that wraps onto more than one line in a narrow list, as long answers do."


def options(*texts: str) -> list[Option]:
    return [Option(Content(f"{n}. {text}"), id=f"c{n}") for n, text in enumerate(texts, start=1)]


class ListApp(App[None]):
    CSS = "ChoiceList { max-height: 8; }"

    def __init__(self, shown: list[Option]) -> None:
        super().__init__()
        self.shown = shown
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield ChoiceList(id="choices")

    def on_mount(self) -> None:
        self.query_one(ChoiceList).show_choices(self.shown)
        self.query_one(ChoiceList).focus()

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        self.chosen.append(event.option.id or "")


def painted(app: App) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_keys_move_the_highlight_round_and_enter_chooses() -> None:
    app = ListApp(options("One.", "Two.", "Three."))
    async with app.run_test(size=(40, 10)) as pilot:
        choices = app.query_one(ChoiceList)
        assert choices.highlighted == 0
        await pilot.press("down", "down")
        assert choices.highlighted == 2
        await pilot.press("down")  # round to the first, as OptionList does
        assert choices.highlighted == 0
        await pilot.press("up")
        assert choices.highlighted == 2
        await pilot.press("home")
        assert choices.highlighted == 0
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.chosen == ["c3"]


async def test_a_click_chooses_the_option_under_it_even_on_its_second_line() -> None:
    app = ListApp(options(LONG, "Short."))
    async with app.run_test(size=(40, 12)) as pilot:
        choices = app.query_one(ChoiceList)
        first_height = len(choices._wrapped[0])
        assert first_height >= 2
        # the border is row 0 and the padding column 0 of the region; the long option's 2nd line:
        await pilot.click(choices, offset=(4, 2))
        await pilot.pause()
        assert app.chosen == ["c1"]
        await pilot.click(choices, offset=(4, 1 + first_height))
        await pilot.pause()
        assert app.chosen == ["c1", "c2"]


async def test_every_option_is_shown_wrapped_and_literally() -> None:
    app = ListApp(options(LONG, "[bold]not markup[/bold]"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        shown = painted(app)
        assert "1. A long answer that wraps" in shown
        assert "as long answers do." in shown
        assert "2. [bold]not markup[/bold]" in shown


async def test_the_height_grows_to_the_tallest_set_and_keeps_it() -> None:
    app = ListApp(options(LONG, LONG))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        choices = app.query_one(ChoiceList)
        tall = choices.region.height
        choices.show_choices(options("Short."))
        await pilot.pause()
        assert choices.region.height == tall  # no layout for a shorter set
        assert "1. Short." in painted(app) and "answer" not in painted(app)
        choices.show_choices(options(LONG, LONG, LONG))
        await pilot.pause()
        assert choices.region.height > tall or choices.region.height == 8  # grows, up to max-height


async def test_past_its_max_height_it_scrolls_to_the_highlight() -> None:
    app = ListApp(options(*[f"Option {n}." for n in range(1, 13)]))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        shown = painted(app)
        assert "12. Option 12." in shown and "1. Option 1." not in shown
        await pilot.press("pageup", "pageup", "pageup")
        await pilot.pause()
        assert app.query_one(ChoiceList).highlighted == 0
        assert "1. Option 1." in painted(app)


async def test_a_new_set_starts_at_the_top_with_the_first_highlighted() -> None:
    app = ListApp(options(*[f"Option {n}." for n in range(1, 13)]))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.press("end")
        choices = app.query_one(ChoiceList)
        choices.show_choices(options("Fresh.", "Again."))
        await pilot.pause()
        assert choices.highlighted == 0 and choices.scroll_y == 0
        assert "1. Fresh." in painted(app)
        assert choices.option_count == 2 and choices.get_option_at_index(1).id == "c2"


async def test_the_mouse_over_an_option_marks_it_until_it_leaves() -> None:
    app = ListApp(options("One.", "Two."))
    async with app.run_test(size=(40, 10)) as pilot:
        choices = app.query_one(ChoiceList)
        await pilot.hover(choices, offset=(4, 2))
        await pilot.pause()
        assert choices._hover == 1
        hovered = choices.render_line(1)
        assert hovered.text.strip().startswith("2. Two.")
        await pilot.hover(choices, offset=(4, 8))  # below the list
        await pilot.pause()
        assert choices._hover is None
        plain = choices.render_line(1)
        assert plain.text == hovered.text and list(plain) != list(hovered)  # the same words, marked


async def test_an_empty_list_takes_every_key_without_harm() -> None:
    """A dead end in a scene under repair shows no choices; moving or choosing does nothing."""
    app = ListApp([])
    async with app.run_test(size=(40, 10)) as pilot:
        choices = app.query_one(ChoiceList)
        await pilot.press("end", "enter", "home", "down", "up", "pagedown", "pageup", "enter")
        await pilot.pause()
        assert choices.highlighted is None and app.chosen == []


async def test_any_width_however_narrow_draws_without_failing() -> None:
    for width in range(3, 12):
        app = ListApp(options(LONG, "Short."))
        async with app.run_test(size=(width, 10)) as pilot:
            await pilot.pause()
            assert app.query_one(ChoiceList).option_count == 2
            painted(app)


async def test_the_margins_and_the_gutter_choose_nothing() -> None:
    app = ListApp(options("One.", "Two."))
    async with app.run_test(size=(40, 10)) as pilot:
        choices = app.query_one(ChoiceList)
        await pilot.click(choices, offset=(1, 1))  # the margin left of "1. One."
        await pilot.click(choices, offset=(choices.region.width - 2, 1))  # the gutter
        await pilot.pause()
        assert app.chosen == []
        await pilot.click(choices, offset=(2, 1))
        await pilot.pause()
        assert app.chosen == ["c1"]
