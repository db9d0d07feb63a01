"""Skip logic: the XLSForm `relevant` subset, evaluated without eval."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redbrolly.research.instruments.skiplogic import SkipLogicError, evaluate, parse


def test_a_reference_compares_with_a_string() -> None:
    assert evaluate("${used} = 'yes'", {"used": "yes"})
    assert not evaluate("${used} = 'yes'", {"used": "no"})
    assert evaluate("${used} != 'yes'", {"used": "no"})


def test_numbers_compare_as_numbers_not_text() -> None:
    assert evaluate("${age} >= 18", {"age": "21"})
    assert evaluate("${count} > 9", {"count": "10"})
    assert evaluate("${count} = 3", {"count": 3})
    assert evaluate("${score} < 2.5", {"score": "2"})
    assert evaluate("${delta} > -1", {"delta": 0})


def test_an_unanswered_question_is_empty_and_fails_numeric_comparisons() -> None:
    assert evaluate("${name} = ''", {})
    assert not evaluate("${age} >= 18", {})
    assert not evaluate("${age} < 18", {"age": ""})


def test_and_binds_tighter_than_or() -> None:
    answers = {"a": "yes", "b": "no", "c": "no"}
    assert evaluate("${a} = 'yes' or ${b} = 'yes' and ${c} = 'yes'", answers)
    assert not evaluate("(${a} = 'yes' or ${b} = 'yes') and ${c} = 'yes'", answers)


def test_not_negates_its_argument() -> None:
    assert evaluate("not(${a} = 'yes')", {"a": "no"})
    assert not evaluate("not(${a} = 'yes')", {"a": "yes"})


def test_selected_finds_one_choice_of_a_select_multiple() -> None:
    assert evaluate("selected(${who}, 'police')", {"who": ["client", "police"]})
    assert evaluate("selected(${who}, 'police')", {"who": "client police"})
    assert not evaluate("selected(${who}, 'pol')", {"who": "client police"})
    assert not evaluate("selected(${who}, 'police')", {})


def test_count_selected_counts_the_choices() -> None:
    assert evaluate("count-selected(${who}) >= 2", {"who": "client police"})
    assert evaluate("count-selected(${who}) = 0", {})


def test_double_quoted_strings_are_strings_too() -> None:
    assert evaluate('${a} = "yes"', {"a": "yes"})


@pytest.mark.parametrize(
    ("expression", "position", "message"),
    [
        ("${agee} > 18", 0, "unknown name 'agee'"),
        ("${age} > 18 and ${sectr} = 'street'", 16, "unknown name 'sectr'"),
    ],
)
def test_an_unknown_name_is_refused_where_it_appears(
    expression: str, position: int, message: str
) -> None:
    with pytest.raises(SkipLogicError, match=message) as caught:
        parse(expression, names={"age", "sector"})
    assert caught.value.position == position
    assert str(caught.value).endswith(f"at character {position + 1}")


@pytest.mark.parametrize(
    ("expression", "position"),
    [
        ("${a} = ", 7),
        ("${a} == 'x'", 6),
        ("${a} = 'x", 7),
        ("(${a} = 'x'", 11),
        ("${a} = 'x')", 10),
        ("${a} + 1", 5),
        ("${ a } = 1", 0),
        ("today() > ${a}", 0),
        ("not(${a}, ${a})", 0),
        ("", 0),
    ],
)
def test_a_syntax_error_says_where_it_is(expression: str, position: int) -> None:
    with pytest.raises(SkipLogicError) as caught:
        parse(expression)
    assert caught.value.position == position


def test_python_is_refused_not_run() -> None:
    with pytest.raises(SkipLogicError):
        evaluate("__import__('os').system('true')", {})


def test_deep_nesting_is_a_skip_logic_error_not_a_crash() -> None:
    with pytest.raises(SkipLogicError, match="nested too deeply"):
        parse("(" * 5000 + "1" + ")" * 5000)
    with pytest.raises(SkipLogicError, match="nested too deeply"):
        parse("not(" * 5000 + "1" + ")" * 5000)


def test_a_long_chain_of_conditions_evaluates() -> None:
    expression = " or ".join(["${a} = 'x'"] * 5000)
    assert evaluate(expression, {"a": "x"})


TOKENS = st.sampled_from(
    [
        "${a}",
        "${b}",
        "'x'",
        '"y"',
        "1",
        "-2.5",
        "=",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "and",
        "or",
        "not",
        "selected",
        "count-selected",
        "(",
        ")",
        ",",
        "${",
        "'",
        " ",
        "today",
    ]
)
ANSWERS = st.dictionaries(
    st.sampled_from(["a", "b"]),
    st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.lists(st.text())),
)


@given(st.text())
def test_arbitrary_text_only_ever_raises_skip_logic_error(source: str) -> None:
    try:
        tree = parse(source, names={"a", "b"})
    except SkipLogicError:
        return
    evaluate(tree, {})


@given(st.lists(TOKENS, max_size=30).map(" ".join), ANSWERS)
def test_arbitrary_token_soup_only_ever_raises_skip_logic_error(
    source: str, answers: dict[str, object]
) -> None:
    try:
        tree = parse(source, names={"a", "b"})
    except SkipLogicError:
        return
    assert evaluate(tree, answers) in (True, False)
