"""`manage.py evaluate` prints the DiD, and turns bad exports into one-line errors."""

import json
from io import StringIO

import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from redbrolly.research.analysis.simulate import simulate_cohort
from redbrolly.research.management.commands.evaluate import Command

ARGS = ["--outcome", "score", "--arm", "group", "--wave", "visit", "--id", "who"]


@pytest.fixture
def export(tmp_path):
    cohort = simulate_cohort(200, seed=4).rename(
        columns={"participant": "who", "wave": "visit", "arm": "group", "phq9_total": "score"}
    )
    path = tmp_path / "long.csv"
    cohort.to_csv(path, index=False)
    return path


def run(*args: str) -> str:
    out = StringIO()
    # The command instance, not its name, so these run with or without Django settings.
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_estimate_as_json_with_the_documented_keys(export):
    payload = json.loads(run("--data", str(export), *ARGS, "--format", "json"))
    assert list(payload) == [
        "outcome",
        "estimate",
        "se",
        "ci_low",
        "ci_high",
        "n_obs",
        "n_participants",
        "p_value",
        "method",
    ]
    assert payload["outcome"] == "score"
    assert payload["method"] == "did_cluster_robust"
    assert payload["n_participants"] == 200
    assert payload["ci_low"] < payload["estimate"] < payload["ci_high"]


def test_it_prints_aligned_text_lines_by_default(export):
    text = run("--data", str(export), *ARGS, "--covariates", "sector, migrant")
    rows = {line[:16].strip(): line[16:] for line in text.splitlines() if line}
    assert rows["outcome"] == "score"
    assert rows["participants"] == "200"
    assert " to " in rows["95% CI"]
    assert {"estimate", "standard error", "p value", "observations", "method"} <= set(rows)
    assert all(not value.startswith(" ") for value in rows.values())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--outcome", "phq9"], "column 'phq9' not found"),
        (["--outcome", "sector"], "column 'sector' is not numeric"),
        (["--covariates", "sector,income"], "column 'income' not found"),
    ],
)
def test_it_names_the_column_when_the_export_cannot_be_used(export, change, message):
    args = ARGS.copy()
    for flag, value in zip(change[::2], change[1::2], strict=True):
        if flag in args:
            args[args.index(flag) + 1] = value
        else:
            args += [flag, value]
    with pytest.raises(CommandError, match=message):
        run("--data", str(export), *args)


def test_it_refuses_an_export_with_one_arm_or_three_waves(export, tmp_path):
    frame = pd.read_csv(export)
    one_arm = tmp_path / "one_arm.csv"
    frame.assign(group="member").to_csv(one_arm, index=False)
    with pytest.raises(CommandError, match="arm column 'group' needs exactly two levels"):
        run("--data", str(one_arm), *ARGS)
    three_waves = tmp_path / "three_waves.csv"
    frame.assign(visit=frame.index % 3).to_csv(three_waves, index=False)
    with pytest.raises(CommandError, match="wave column 'visit' needs exactly two waves"):
        run("--data", str(three_waves), *ARGS)


def test_it_reports_a_file_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("--data", str(tmp_path / "absent.csv"), *ARGS)
