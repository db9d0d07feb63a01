"""The study's instrument definitions load, stay stable and never collide."""

import pytest

from redbrolly.research.instruments.library import (
    UnknownInstrument,
    all_instruments,
    instrument_ids,
    load_instrument,
)
from redbrolly.research.instruments.scoring import SCORERS

# A change here means participants would see different questions: update the pin deliberately,
# and tell the study team, since responses are analysed by instrument version.
PINNED_VERSIONS = {
    "demographics": "543b2a3f1c93",
    "eligibility": "3eae0ad750f0",
    "eq5d3l_uk": "95d2e17b7a29",
    "gad7": "c5b92a876e8b",
    "phq9": "fe996385288b",
    "safety": "2371f0511c0d",
    "service_use": "fb0ff0e72650",
    "violence": "51272a7a8610",
}


def test_every_definition_loads_under_its_file_name() -> None:
    assert [instrument.id for instrument in all_instruments()] == instrument_ids()
    assert set(instrument_ids()) == set(PINNED_VERSIONS)


def test_versions_are_stable_until_the_wording_changes() -> None:
    assert {i.id: i.version for i in all_instruments()} == PINNED_VERSIONS


def test_item_names_are_unique_across_all_instruments() -> None:
    names = [item.name for instrument in all_instruments() for item in instrument.items]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("instrument_id", "prefix"),
    [
        ("phq9", "phq9_"),
        ("gad7", "gad7_"),
        ("violence", "viol_"),
        ("safety", "safety_"),
        ("service_use", "svc_"),
        ("demographics", "demo_"),
        ("eligibility", "elig_"),
    ],
)
def test_item_names_carry_their_instruments_prefix(instrument_id: str, prefix: str) -> None:
    assert all(item.name.startswith(prefix) for item in load_instrument(instrument_id).items)


def test_every_scored_instrument_has_a_scorer_and_every_scorer_an_instrument() -> None:
    scored = {i.id for i in all_instruments() if i.scoring}
    assert scored == set(SCORERS)
    assert all(i.scoring == i.id for i in all_instruments() if i.scoring)


def test_phq9_and_gad7_ask_the_standard_items_with_the_standard_choices() -> None:
    phq9, gad7 = load_instrument("phq9"), load_instrument("gad7")
    assert [i.name for i in phq9.items if i.type == "single"] == [f"phq9_{n}" for n in range(1, 10)]
    assert [i.name for i in gad7.items if i.type == "single"] == [f"gad7_{n}" for n in range(1, 8)]
    labels = [choice.label for choice in phq9.item("phq9_1").choices]
    assert labels == ["Not at all", "Several days", "More than half the days", "Nearly every day"]


def test_eq5d_carries_placeholder_wording_until_the_licensed_text_is_loaded() -> None:
    eq5d = load_instrument("eq5d3l_uk")
    assert [item.name for item in eq5d.items] == [
        "mobility",
        "self_care",
        "usual_activities",
        "pain_discomfort",
        "anxiety_depression",
    ]
    assert all("licensed wording to be loaded" in item.label for item in eq5d.items)
    assert all(item.choice_values == ("1", "2", "3") for item in eq5d.items)


def test_violence_follow_up_questions_are_asked_only_after_a_yes() -> None:
    violence = load_instrument("violence")
    assert violence.item("viol_physical_who").relevant == "${viol_physical} = 'yes'"
    assert violence.item("viol_reported_to").relevant == "${viol_reported} = 'yes'"


def test_eligibility_questions_are_all_required_yes_no() -> None:
    items = load_instrument("eligibility").items
    assert all(item.required and item.choice_values == ("yes", "no") for item in items)


def test_an_unknown_instrument_names_the_known_ones() -> None:
    with pytest.raises(UnknownInstrument, match="known instruments: demographics, eligibility"):
        load_instrument("../settings")
