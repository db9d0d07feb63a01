"""Reading the cohort's long export: validating columns, coding arm and wave, reshaping.

Every estimator goes through here so that the management commands can pass arbitrary column
names and get one kind of error, `AnalysisInputError`, whose message names the column.

Coding rules (documented for analysts, relied on by the commands):

* **Arm**: the treated level is `treated` when given; otherwise the level that reads as
  "member", 1 or True (case-insensitive for strings: "member", "1", "1.0", "true", "yes").
  The other level is the reference. A column with two levels, neither of which reads as
  treated, is refused rather than guessed.
* **Wave**: 0/1, or "baseline"/"followup" (also "follow-up", "follow_up", "before"/"after",
  "pre"/"post"; case-insensitive).
  Any other pair of numbers is ordered, the lower being baseline (e.g. 1992/1993).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

TREATED_WORDS = frozenset({"member", "1", "1.0", "true", "yes"})
WAVE_WORDS = {
    **dict.fromkeys(("baseline", "before", "pre"), 0),
    **dict.fromkeys(("followup", "follow-up", "follow_up", "after", "post"), 1),
}


class AnalysisInputError(ValueError):
    """Raised for data an estimator cannot use; the message names the offending column."""


def require_columns(df: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        available = ", ".join(map(str, df.columns))
        raise AnalysisInputError(f"column {missing[0]!r} not found (columns: {available})")


def numeric_column(df: pd.DataFrame, column: str) -> pd.Series:
    """The column as floats; text that is not a number is an error, empty cells stay NaN."""
    values = df[column]
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return values.astype(float)
    converted = pd.to_numeric(values, errors="coerce")
    bad = values[converted.isna() & values.notna()]
    if len(bad):
        raise AnalysisInputError(
            f"column {column!r} is not numeric (e.g. value {str(bad.iloc[0])!r})"
        )
    return converted.astype(float)


def treated_indicator(values: pd.Series, column: str, treated: Hashable | None = None) -> pd.Series:
    """1.0 for the treated arm, 0.0 for the reference, NaN where the arm is missing."""
    levels = list(pd.unique(values.dropna()))
    if len(levels) != 2:
        shown = ", ".join(map(repr, levels)) or "none"
        raise AnalysisInputError(
            f"arm column {column!r} needs exactly two levels, found {len(levels)} ({shown})"
        )
    level = _treated_level(levels, column, treated)
    return values.map(lambda v: np.nan if pd.isna(v) else float(v == level)).astype(float)


def _treated_level(levels: list[Hashable], column: str, treated: Hashable | None) -> Hashable:
    if treated is not None:
        matches = [lv for lv in levels if lv == treated or str(lv) == str(treated)]
    else:
        matches = [lv for lv in levels if _reads_as_treated(lv)]
    if len(matches) != 1:
        raise AnalysisInputError(
            f"arm column {column!r}: cannot tell which of {levels!r} is the treated arm; "
            "code it 'member'/1 or name it with treated="
        )
    return matches[0]


def _reads_as_treated(level: Hashable) -> bool:
    return level is True or str(level).strip().lower() in TREATED_WORDS


def post_indicator(values: pd.Series, column: str) -> pd.Series:
    """0.0 at baseline, 1.0 at follow-up, NaN where the wave is missing."""
    levels = list(pd.unique(values.dropna()))
    if len(levels) != 2:
        shown = ", ".join(map(repr, levels)) or "none"
        raise AnalysisInputError(
            f"wave column {column!r} needs exactly two waves, found {len(levels)} ({shown})"
        )
    mapping = _wave_mapping(levels, column)
    return values.map(lambda v: np.nan if pd.isna(v) else mapping[v]).astype(float)


def _wave_mapping(levels: list[Hashable], column: str) -> dict[Hashable, float]:
    words = {lv: WAVE_WORDS.get(str(lv).strip().lower()) for lv in levels}
    if all(code is not None for code in words.values()) and len(set(words.values())) == 2:
        return {lv: float(code) for lv, code in words.items() if code is not None}
    try:
        high = max(float(lv) for lv in levels)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise AnalysisInputError(
            f"wave column {column!r}: use 0/1 or baseline/followup, found {levels!r}"
        ) from None
    return {lv: float(float(lv) == high) for lv in levels}  # type: ignore[arg-type]


def covariate_matrix(df: pd.DataFrame, covariates: Sequence[str]) -> pd.DataFrame:
    """Numeric covariates as they are; text ones as dummies, first level (sorted) as reference."""
    frames = [_covariate_columns(df, name) for name in covariates]
    if not frames:
        return pd.DataFrame(index=df.index)
    return pd.concat(frames, axis=1)


def _covariate_columns(df: pd.DataFrame, name: str) -> pd.DataFrame:
    values = df[name]
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return values.astype(float).to_frame(name)
    levels = sorted(values.dropna().astype(str).unique())
    dummies = {
        f"{name}[{lv}]": (values.astype(str) == lv).astype(float).where(values.notna())
        for lv in levels[1:]
    }
    return pd.DataFrame(dummies, index=df.index)


def to_wide(
    df: pd.DataFrame,
    *,
    outcomes: Sequence[str],
    arm: str = "arm",
    wave: str = "wave",
    id: str = "participant",
    covariates: Sequence[str] = (),
    treated: Hashable | None = None,
) -> pd.DataFrame:
    """One row per participant: `treated`, baseline covariates, `<outcome>_0` and `<outcome>_1`.

    The arm is the one recorded at baseline (intention to treat); a participant with no
    follow-up row, or a follow-up row with an empty outcome, gets NaN in `<outcome>_1`.
    """
    require_columns(df, [id, arm, wave, *outcomes, *covariates])
    long = df.assign(_post=post_indicator(df[wave], wave))
    long["_treated"] = treated_indicator(df[arm], arm, treated)
    for outcome in outcomes:
        long[outcome] = numeric_column(df, outcome)
    base = long[long["_post"] == 0].drop_duplicates(id).set_index(id)
    follow = long[long["_post"] == 1].drop_duplicates(id).set_index(id)
    wide = base[["_treated", *covariates]].rename(columns={"_treated": "treated"})
    for outcome in outcomes:
        wide[f"{outcome}_0"] = base[outcome]
        wide[f"{outcome}_1"] = follow[outcome].reindex(wide.index)
    return wide.rename_axis(id).reset_index()
