"""Every item type renders as a form field and reads back as the answer the model validates."""

from __future__ import annotations

from django.http import QueryDict
from django.template.loader import render_to_string

from redbrolly.research.instruments.model import Choice, Instrument, Item
from redbrolly.research.questionnaires import form_after, page_form, submit_page

LEVELS = (Choice("1", "Never"), Choice("2", "Sometimes"), Choice("3", "Often"))
INSTRUMENT = Instrument.create(
    id="every_type",
    title="Every type",
    items=[
        Item("intro", "note", "Some questions."),
        Item("mood", "scale", "Mood today", required=True, min=0, max=4),
        Item("income", "number", "Income last week", min=0),
        Item("last_date", "date", "Date of the last booking"),
        Item("feelings", "matrix", "How often do you feel", choices=LEVELS,
             rows=(Choice("safe", "safe"), Choice("tired", "tired")), required=True),
        Item("why", "text", "Why?", relevant="${mood} < 2"),
    ],
)  # fmt: skip


def post(**values: object) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in values.items():
        data.setlist(name, value if isinstance(value, list) else [str(value)])
    return data


def test_each_type_renders_with_its_label_and_widget() -> None:
    form = page_form(INSTRUMENT, {})
    html = render_to_string(
        "research/includes/questions.html", {"form": form, "questions": form.questions()}
    )
    assert "Some questions." in html
    assert html.count('type="radio" name="mood"') == 5
    assert 'type="date"' in html and 'inputmode="decimal"' in html
    assert html.count('name="feelings__safe"') == 3 and "<legend>tired</legend>" in html
    assert 'name="why"' not in html  # skipped until mood is low


def test_answers_read_back_and_skip_logic_opens_the_text_question() -> None:
    shown = ["intro", "mood", "income", "last_date", "feelings"]
    data = post(mood=1, income="12.5", last_date="2026-02-30", feelings__safe="3", shown=shown)
    form = page_form(INSTRUMENT, {}, data, shown)
    assert form.is_valid()
    outcome = submit_page(INSTRUMENT, {}, form.shown, form.posted_answers())
    assert outcome.changed and outcome.shown[-1] == "why"
    assert outcome.errors == {"last_date": "Enter a date as YYYY-MM-DD"}
    assert outcome.answers == {"mood": "1", "income": "12.5", "feelings": {"safe": "3"}}
    again = form_after(INSTRUMENT, outcome, data)
    assert again["last_date"].value() == "2026-02-30"
    fixed = post(mood=1, income="12.5", last_date="2026-02-28", feelings__safe="3",
                 feelings__tired="1", why="no sleep", shown=outcome.shown)  # fmt: skip
    form = page_form(INSTRUMENT, outcome.answers, fixed, outcome.shown)
    assert form.is_valid()
    done = submit_page(INSTRUMENT, outcome.answers, form.shown, form.posted_answers())
    assert done.complete and done.answers["why"] == "no sleep"
