"""`manage.py cea` summarises a BCEA-layout PSA, and names what is wrong with a bad one."""

import json
from io import StringIO

import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from redbrolly.research.management.commands.cea import Command


@pytest.fixture
def psa(tmp_path):
    path = tmp_path / "psa.csv"
    pd.DataFrame(
        {
            "e.member": [1.0, 1.2, 0.9, 1.1],
            "c.member": [500.0, 700.0, 600.0, 400.0],
            "e.usual": [0.8, 0.9, 1.0, 0.7],
            "c.usual": [100.0, 200.0, 300.0, 200.0],
        }
    ).to_csv(path, index=False)
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_json_object_with_the_five_summary_keys(psa):
    payload = json.loads(
        run("--psa", str(psa), "--reference", "member", "--wtp", "1000", "--format", "json")
    )
    assert set(payload) == {"icer", "eib", "ceac", "evpi", "enb"}
    assert payload["icer"] == {"usual": pytest.approx(1750.0)}
    assert payload["ceac"] == {"usual": 0.25}
    assert payload["evpi"] == pytest.approx(50.0)


def test_it_prints_increments_and_net_benefit_as_text(psa):
    text = run("--psa", str(psa), "--reference", "member", "--wtp", "1000")
    assert "vs usual" in text
    assert "ICER      1750.00" in text
    assert "expected net benefit usual" in text
    assert "EVPI per person 50.00" in text


def test_it_names_a_reference_that_is_not_an_arm(psa):
    with pytest.raises(CommandError, match="reference 'members' is not an arm"):
        run("--psa", str(psa), "--reference", "members")


def test_it_names_the_arm_whose_cost_column_is_missing(psa, tmp_path):
    broken = tmp_path / "broken.csv"
    pd.read_csv(psa).drop(columns=["c.usual"]).to_csv(broken, index=False)
    with pytest.raises(CommandError, match="no cost column for usual"):
        run("--psa", str(broken), "--reference", "member")


def test_it_refuses_a_csv_that_is_not_in_bcea_layout(tmp_path):
    plain = tmp_path / "plain.csv"
    pd.DataFrame({"qaly": [1.0], "cost": [5.0]}).to_csv(plain, index=False)
    with pytest.raises(CommandError, match=r"no 'e\.<arm>' or 'c\.<arm>' columns"):
        run("--psa", str(plain), "--reference", "member")
