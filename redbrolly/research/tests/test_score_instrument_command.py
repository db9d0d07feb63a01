"""`manage.py score_instrument`: a CSV in, the same CSV with scores out, or a clear refusal."""

import csv
import importlib.util
import io
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("redbrolly.settings") is None,
    reason="needs the Django settings module, which is written separately",
)


@pytest.fixture(autouse=True)
def django_ready() -> None:
    # pytest-django sets Django up when it is active; the pure suite runs with it switched off.
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redbrolly.settings")
    django.setup()


def run(*args: str) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("score_instrument", *args, stdout=out)
    return out.getvalue()


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return path


PHQ9_HEADER = ["participant"] + [f"phq9_{n}" for n in range(1, 10)]


def test_it_writes_the_rows_with_their_scores(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "phq9.csv", [PHQ9_HEADER, ["P001"] + ["2"] * 9, ["P002"] + ["0"] * 9]
    )
    rows = list(csv.DictReader(io.StringIO(run("phq9", str(path)))))
    assert [(r["participant"], r["phq9_total"], r["phq9_band"]) for r in rows] == [
        ("P001", "18", "moderately_severe"),
        ("P002", "0", "minimal"),
    ]


def test_eq5d_utilities_are_written_to_three_decimals(tmp_path: Path) -> None:
    header = ["mobility", "self_care", "usual_activities", "pain_discomfort", "anxiety_depression"]
    path = write_csv(tmp_path / "eq5d.csv", [header, list("33333"), list("11112")])
    rows = list(csv.DictReader(io.StringIO(run("eq5d3l_uk", str(path)))))
    assert [r["eq5d_utility"] for r in rows] == ["-0.594", "0.848"]


def test_a_bad_row_is_named_and_nothing_is_printed(tmp_path: Path) -> None:
    from django.core.management import CommandError, call_command

    rows = [
        PHQ9_HEADER,
        ["P001"] + ["1"] * 9,
        ["P002"] + ["1"] * 9,
        ["P003", "1", "1", "7"] + ["1"] * 6,
    ]
    path = write_csv(tmp_path / "phq9.csv", rows)
    out = io.StringIO()
    with pytest.raises(
        CommandError, match="row 4, column phq9_3: '7' is not one of 0, 1, 2, 3"
    ) as caught:
        call_command("score_instrument", "phq9", str(path), stdout=out)
    assert caught.value.returncode == 1
    assert out.getvalue() == ""


def test_an_unknown_instrument_lists_the_known_ones(tmp_path: Path) -> None:
    from django.core.management import CommandError

    path = write_csv(tmp_path / "x.csv", [["a"], ["1"]])
    with pytest.raises(
        CommandError, match="unknown instrument 'phq8'; known instruments: eq5d3l_uk"
    ):
        run("phq8", str(path))


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="cannot read"):
        run("phq9", str(tmp_path / "absent.csv"))
