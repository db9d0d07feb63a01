"""Table 1: baseline characteristics by arm with standardised differences.

Standardised differences (members minus non-members; |d| > 0.1 is the usual sign of imbalance)
follow Austin (2009, Stat Med 28:3083-107) for one variable and Yang & Dalton (2012, SAS Global
Forum paper 335) for a categorical variable with several levels:

* continuous: d = (x̄₁ - x̄₀) / √((s₁² + s₀²)/2), sample variances;
* binary: d = (p₁ - p₀) / √((p₁(1-p₁) + p₀(1-p₀))/2);
* categorical with levels 1..k: T and C are the proportions of levels 2..k, S the average of
  the two arms' multinomial covariance matrices (p_i(1-p_i) on the diagonal, -p_i·p_j off it),
  d = √((T-C)ᵀ S⁻¹ (T-C)); it does not depend on which level is left out, and equals |d| of
  the binary formula when k = 2. Each level's own row carries the binary d.

Summaries use the participants with a value; missing values are counted per arm. Pure pandas:
the report formats the numbers and suppresses small counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

Kind = Literal["continuous", "binary", "categorical"]


@dataclass(frozen=True)
class Variable:
    column: str
    label: str
    kind: Kind


@dataclass(frozen=True)
class ArmSummary:
    """One arm's figures for a row: `n` participants with a value; count or mean and SD."""

    n: int
    count: int | None = None
    mean: float | None = None
    sd: float | None = None
    missing: int = 0


@dataclass(frozen=True)
class Row:
    label: str
    kind: Kind
    level: str | None
    treated: ArmSummary
    control: ArmSummary
    smd: float | None


def smd_continuous(treated: np.ndarray, control: np.ndarray) -> float | None:
    if len(treated) < 2 or len(control) < 2:
        return None
    pooled = np.sqrt((np.var(treated, ddof=1) + np.var(control, ddof=1)) / 2)
    return None if pooled == 0 else float((np.mean(treated) - np.mean(control)) / pooled)


def smd_binary(p_treated: float, p_control: float) -> float | None:
    pooled = np.sqrt((p_treated * (1 - p_treated) + p_control * (1 - p_control)) / 2)
    return None if pooled == 0 else float((p_treated - p_control) / pooled)


def smd_categorical(p_treated: Sequence[float], p_control: Sequence[float]) -> float | None:
    """Yang & Dalton's multivariate d from each arm's level proportions (same level order)."""
    t = np.asarray(p_treated, dtype=float)[1:]
    c = np.asarray(p_control, dtype=float)[1:]
    s = (_multinomial_covariance(t) + _multinomial_covariance(c)) / 2
    gap = t - c
    if not gap.any():
        return 0.0
    try:
        return float(np.sqrt(gap @ np.linalg.solve(s, gap)))
    except np.linalg.LinAlgError:
        return None


def _multinomial_covariance(p: np.ndarray) -> np.ndarray:
    return np.diag(p) - np.outer(p, p)


def table1(baseline: pd.DataFrame, treated: pd.Series, variables: Sequence[Variable]) -> list[Row]:
    """Rows for every variable present in `baseline`; `treated` is 1/0 on the same index."""
    arms = (baseline[treated == 1], baseline[treated == 0])
    rows: list[Row] = []
    for variable in variables:
        if variable.column in baseline.columns:
            rows.extend(_rows(variable, *arms))
    return rows


def _rows(variable: Variable, treated: pd.DataFrame, control: pd.DataFrame) -> list[Row]:
    values = (treated[variable.column], control[variable.column])
    if variable.kind == "continuous":
        return [_continuous_row(variable, *values)]
    if variable.kind == "binary":
        return [_binary_row(variable, *values)]
    return _categorical_rows(variable, *values)


def _continuous_row(variable: Variable, treated: pd.Series, control: pd.Series) -> Row:
    t = pd.to_numeric(treated, errors="coerce").dropna().to_numpy(float)
    c = pd.to_numeric(control, errors="coerce").dropna().to_numpy(float)
    return Row(
        variable.label,
        "continuous",
        None,
        _mean_summary(t, len(treated)),
        _mean_summary(c, len(control)),
        smd_continuous(t, c),
    )


def _mean_summary(values: np.ndarray, total: int) -> ArmSummary:
    return ArmSummary(
        n=len(values),
        mean=float(values.mean()) if len(values) else None,
        sd=float(values.std(ddof=1)) if len(values) > 1 else None,
        missing=total - len(values),
    )


def _binary_row(variable: Variable, treated: pd.Series, control: pd.Series) -> Row:
    t, c = _yes_summary(treated), _yes_summary(control)
    return Row(variable.label, "binary", None, t, c, _binary_smd(t, c))


def _yes_summary(values: pd.Series) -> ArmSummary:
    seen = pd.to_numeric(values, errors="coerce").dropna()
    return ArmSummary(n=len(seen), count=int((seen == 1).sum()), missing=len(values) - len(seen))


def _level_summary(values: pd.Series, level: str) -> ArmSummary:
    seen = values.dropna().astype(str)
    hits = int((seen == level).sum())
    return ArmSummary(n=len(seen), count=hits, missing=len(values) - len(seen))


def _binary_smd(t: ArmSummary, c: ArmSummary) -> float | None:
    if not t.n or not c.n or t.count is None or c.count is None:
        return None
    return smd_binary(t.count / t.n, c.count / c.n)


def _categorical_rows(variable: Variable, treated: pd.Series, control: pd.Series) -> list[Row]:
    levels = sorted(pd.concat([treated, control]).dropna().astype(str).unique())
    t_levels = [_level_summary(treated, level) for level in levels]
    c_levels = [_level_summary(control, level) for level in levels]
    overall = _categorical_smd(t_levels, c_levels)
    header = Row(
        variable.label,
        "categorical",
        None,
        ArmSummary(n=t_levels[0].n if levels else 0, missing=int(treated.isna().sum())),
        ArmSummary(n=c_levels[0].n if levels else 0, missing=int(control.isna().sum())),
        overall,
    )
    return [
        header,
        *(
            Row(variable.label, "categorical", level, t, c, _binary_smd(t, c))
            for level, t, c in zip(levels, t_levels, c_levels, strict=True)
        ),
    ]


def _categorical_smd(t: list[ArmSummary], c: list[ArmSummary]) -> float | None:
    if not t or not t[0].n or not c[0].n:
        return None
    return smd_categorical(
        [s.count / s.n for s in t if s.count is not None],
        [s.count / s.n for s in c if s.count is not None],
    )
