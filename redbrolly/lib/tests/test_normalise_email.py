import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redbrolly.lib.normalise import (
    IdentifierKind,
    NotAnIdentifier,
    email_canonical,
    normalise_email,
)
from redbrolly.lib.tests.strategies import with_case_flipped

LOCAL_PARTS = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=2, max_size=20)
TAGS = st.text("abcdefghijklmnopqrstuvwxyz0123456789.", max_size=10)


def test_gmail_dots_tags_and_googlemail_collapse_to_one_address() -> None:
    assert normalise_email("J.Smith+x@GMAIL.com").value == "jsmith@gmail.com"
    assert normalise_email("jsmith@googlemail.com").value == "jsmith@gmail.com"


def test_it_returns_an_email_identifier() -> None:
    assert normalise_email("dave@example.com").kind is IdentifierKind.EMAIL


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("John.Smith+ads@Hotmail.co.uk", "john.smith@hotmail.co.uk"),
        ("john.smith+ads@outlook.com", "john.smith@outlook.com"),
        ("dave+x@icloud.com", "dave@icloud.com"),
        ("dave+x@proton.me", "dave@proton.me"),
        ("dave+x@fastmail.com", "dave@fastmail.com"),
        ("dave-bookings@yahoo.co.uk", "dave@yahoo.co.uk"),
        ("dave+bookings@yahoo.com", "dave+bookings@yahoo.com"),
    ],
)
def test_providers_that_ignore_tags_lose_the_tag_but_keep_dots(typed: str, canonical: str) -> None:
    assert normalise_email(typed).value == canonical


def test_other_domains_are_only_lower_cased() -> None:
    assert normalise_email("J.Smith+x@Example.ORG").value == "j.smith+x@example.org"


def test_it_strips_surrounding_space_mailto_and_angle_brackets() -> None:
    assert normalise_email("  mailto:Dave@Example.com ").value == "dave@example.com"
    assert normalise_email("<dave@example.com>").value == "dave@example.com"


@pytest.mark.parametrize(
    "typed",
    [
        "dave",
        "dave@",
        "@example.com",
        "dave@example",
        "dave@example.",
        "dave smith@example.com",
        "dave@@example.com",
        "a@b@example.com",
        "dave@exa mple.com",
        "+tag@gmail.com",
        "...@gmail.com",
    ],
)
def test_it_rejects_what_is_not_an_email_address(typed: str) -> None:
    with pytest.raises(NotAnIdentifier):
        normalise_email(typed)


def test_its_error_message_never_repeats_the_input() -> None:
    with pytest.raises(NotAnIdentifier) as error:
        normalise_email("secret.person@")
    assert "secret" not in str(error.value)


FLIPS = st.integers(0, 2**64)


@settings(max_examples=100, deadline=None)
@given(
    LOCAL_PARTS,
    st.integers(0, 2**20),
    TAGS,
    st.sampled_from(["gmail.com", "googlemail.com"]),
    FLIPS,
)
def test_gmail_ignores_case_dots_and_tags(
    local: str, dots: int, tag: str, domain: str, flips: int
) -> None:
    dotted = "".join(("." if dots >> i & 1 else "") + c for i, c in enumerate(local))
    written = dotted + (f"+{tag}" if tag else "") + "@" + domain
    assert normalise_email(with_case_flipped(written, flips)).value == f"{local}@gmail.com"


@settings(max_examples=50, deadline=None)
@given(LOCAL_PARTS, st.integers(1, 19), FLIPS)
def test_dots_are_significant_on_other_domains(local: str, at: int, flips: int) -> None:
    at = 1 + at % (len(local) - 1)  # inside the local part, never at either end
    dotted = f"{local[:at]}.{local[at:]}"
    typed = with_case_flipped(f"{dotted}@Example.org", flips)
    assert normalise_email(typed).value == f"{dotted}@example.org"
    assert normalise_email(typed).value != normalise_email(f"{local}@example.org").value


@settings(max_examples=50, deadline=None)
@given(LOCAL_PARTS, TAGS, st.sampled_from(["gmail.com", "yahoo.com", "example.org", "live.com"]))
def test_email_canonical_is_idempotent(local: str, tag: str, domain: str) -> None:
    once = email_canonical(f"{local}+{tag}-{tag}@{domain}")
    assert email_canonical(once) == once
