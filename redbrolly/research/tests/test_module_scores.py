"""Violence, safety-strategy and service-use scores."""

import pytest

from redbrolly.research.instruments.scoring import SCORERS

NO_VIOLENCE = {
    f"viol_{kind}": "no" for kind in ("physical", "sexual", "robbery", "threats", "online")
}


def test_no_violence_scores_zero() -> None:
    assert SCORERS["violence"](NO_VIOLENCE) == {
        "viol_any": 0,
        "viol_types_count": 0,
        "viol_reported": None,
    }


def test_violence_counts_the_types_reported_and_whether_it_was_reported() -> None:
    answers = NO_VIOLENCE | {"viol_physical": "yes", "viol_online": "yes", "viol_reported": "no"}
    assert SCORERS["violence"](answers) == {
        "viol_any": 1,
        "viol_types_count": 2,
        "viol_reported": 0,
    }


def test_one_yes_settles_any_violence_even_with_other_types_unanswered() -> None:
    answers = {"viol_sexual": "yes", "viol_robbery": "prefer_not"}
    scores = SCORERS["violence"](answers)
    assert (scores["viol_any"], scores["viol_types_count"]) == (1, None)


def test_rather_not_say_leaves_violence_unknown_not_absent() -> None:
    answers = NO_VIOLENCE | {"viol_threats": "prefer_not"}
    assert SCORERS["violence"](answers)["viol_any"] is None


@pytest.mark.parametrize(
    ("strategies", "count"),
    [
        (["screen_clients", "checker", "other"], 3),
        ("tell_someone phone_charged", 2),
        (["none"], 0),
        ([], None),
        (None, None),
    ],
)
def test_safety_counts_the_strategies_used(strategies: object, count: int | None) -> None:
    assert SCORERS["safety"]({"safety_strategies": strategies}) == {
        "safety_strategies_count": count
    }


def test_service_use_counts_the_services_used() -> None:
    answers = {
        "svc_alerts_read": "yes",
        "svc_checker_used": "yes",
        "svc_report_made": "no",
        "svc_casework": "no",
    }
    assert SCORERS["service_use"](answers) == {"svc_count": 2}
    assert SCORERS["service_use"](answers | {"svc_casework": ""}) == {"svc_count": None}
