"""EQ-5D-3L utilities from the UK TTO value set.

Source: Dolan P. Modeling valuations for EuroQol health states. Med Care 1997;35(11):1095-1108.
The N3 model: 1 - 0.081 (any problem) - 0.269 (any dimension at level 3) - per-dimension
decrements (mobility 0.069/0.314, self-care 0.104/0.214, usual activities 0.036/0.094,
pain/discomfort 0.123/0.386, anxiety/depression 0.071/0.236). Each expected value below was
worked out by hand from those coefficients; 11111, 11112, 22222 and 33333 are also the values
commonly quoted from the published tariff.
"""

import pytest

from redbrolly.research.instruments.scoring import (
    EQ5D_DIMENSIONS,
    eq5d_utility,
    load_value_set,
    score_eq5d3l_uk,
    value_set_from_dict,
)


def answers(profile: str) -> dict[str, object]:
    return dict(zip(EQ5D_DIMENSIONS, profile, strict=True))


@pytest.mark.parametrize(
    ("profile", "utility"),
    [
        ("11111", 1.000),
        ("11112", 0.848),  # 1 - 0.081 - 0.071
        ("11121", 0.796),  # 1 - 0.081 - 0.123
        ("12111", 0.815),  # 1 - 0.081 - 0.104
        ("21111", 0.850),  # 1 - 0.081 - 0.069
        ("11211", 0.883),  # 1 - 0.081 - 0.036
        ("11221", 0.760),  # 1 - 0.081 - 0.036 - 0.123
        ("22222", 0.516),  # 1 - 0.081 - 0.069 - 0.104 - 0.036 - 0.123 - 0.071
        ("11113", 0.414),  # 1 - 0.081 - 0.269 - 0.236
        ("32211", 0.196),  # 1 - 0.081 - 0.269 - 0.314 - 0.104 - 0.036
        ("33333", -0.594),  # 1 - 0.081 - 0.269 - 0.314 - 0.214 - 0.094 - 0.386 - 0.236
    ],
)
def test_a_health_state_gets_its_dolan_1997_value(profile: str, utility: float) -> None:
    assert score_eq5d3l_uk(answers(profile)) == {"eq5d_profile": profile, "eq5d_utility": utility}


def test_csv_strings_and_numbers_score_alike() -> None:
    from_csv = {name: str(level) for name, level in answers("21111").items()}
    assert score_eq5d3l_uk(from_csv)["eq5d_utility"] == 0.850


def test_a_missing_dimension_leaves_the_utility_missing() -> None:
    partial = answers("11111") | {"anxiety_depression": ""}
    assert score_eq5d3l_uk(partial) == {"eq5d_profile": None, "eq5d_utility": None}


def test_a_level_outside_1_to_3_is_refused() -> None:
    with pytest.raises(ValueError, match="mobility"):
        score_eq5d3l_uk(answers("41111"))


def test_another_value_set_is_data_not_code() -> None:
    crosswalk = value_set_from_dict(
        {
            "name": "toy_5l_lookup",
            "model": "lookup",
            "dimensions": list(EQ5D_DIMENSIONS),
            "levels": 5,
            "table": {"11111": 1.0, "55555": -0.285},
        }
    )
    assert eq5d_utility([5, 5, 5, 5, 5], crosswalk) == -0.285
    with pytest.raises(ValueError, match="not a health state"):
        eq5d_utility([6, 1, 1, 1, 1], crosswalk)


def test_the_uk_value_set_file_holds_the_published_coefficients() -> None:
    value_set = load_value_set("eq5d3l_uk_dolan1997")
    assert (value_set.constant, value_set.n3) == (0.081, 0.269)
    assert value_set.decrements["pain_discomfort"] == {2: 0.123, 3: 0.386}


def test_an_additive_value_set_must_cover_every_dimension() -> None:
    with pytest.raises(ValueError, match="every dimension"):
        value_set_from_dict(
            {"name": "broken", "model": "additive", "dimensions": ["mobility"], "levels": 3}
        )
