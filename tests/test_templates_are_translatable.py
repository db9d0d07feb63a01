"""Every word a person reads in a template goes through gettext ({% translate %} or
{% blocktranslate %}), including the alt, title, placeholder and aria-label attributes.

The scan removes template tags, variables, comments, scripts and markup; what is left is
text that would reach the page untranslated. Product names and file names in `ALLOWED`
are the same in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "redbrolly"

# Not prose: names of programs and the files an export offers.
ALLOWED = re.compile(r"^(Stata:|SPSS:|(long|wide)\.(dta|sav))$")
READ_ATTRIBUTES = re.compile(r'\b(alt|title|placeholder|aria-label)="([^"]*)"')
WORD = re.compile(r"[A-Za-z]{2,}")

REMOVED = [
    r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}",
    r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}",
    # A CSS class a page passes to the layout, not text.
    r"{%\s*block\s+main_class\s*%}.*?{%\s*endblock\s*%}",
    r"{#.*?#}",
    r"{%.*?%}",
    r"{{.*?}}",
    r"<(script|style)\b.*?</\1>",
    r"<!--.*?-->",
]


def untranslated(source: str) -> list[str]:
    for pattern in REMOVED:
        source = re.sub(pattern, " ", source, flags=re.S)
    found = [
        f'{name}="{value}"' for name, value in READ_ATTRIBUTES.findall(source) if WORD.search(value)
    ]
    text = re.sub(r"<[^>]*>", "\n", source)
    for chunk in re.split(r"\n|\s{2,}|·", text):
        chunk = chunk.strip()
        if WORD.search(chunk) and not ALLOWED.match(chunk):
            found.append(chunk)
    return found


def test_no_template_shows_text_that_skips_translation() -> None:
    templates = sorted(ROOT.glob("**/templates/**/*.html"))
    assert len(templates) > 100  # the scan really reads the project's templates
    problems = {
        str(path.relative_to(ROOT)): found
        for path in templates
        if (found := untranslated(path.read_text()))
    }
    assert problems == {}


def test_the_scan_finds_bare_text_and_attributes() -> None:
    page = (
        '{% load i18n %}<h1>{% translate "Hello" %}</h1><p>Call us</p>'
        '<img alt="A red umbrella" src="x.svg"><input placeholder="{% translate "Name" %}">'
        "{% blocktranslate %}Fine {{ name }}{% endblocktranslate %}"
    )
    assert untranslated(page) == ['alt="A red umbrella"', "Call us"]
