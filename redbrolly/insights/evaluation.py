"""The whole evaluation of one cohort export, run once and kept (see `selectors.evaluation`).

Calls the estimators of `research.analysis` (none is reimplemented here) and keeps what the
report shows and what its methods section must say was run: participant flow, Table 1, means
by arm and wave, the effect of membership on each outcome by four methods, the missing-not-at-
random sensitivity analysis and the cost-effectiveness analysis with its bootstrap replicates.

An estimator that cannot run on the data (too few people followed up in an arm, say) leaves
its message in place of the number; the rest of the report still renders.
"""

from __future__ import annotations

import importlib.metadata
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from django.utils import timezone

from redbrolly.insights.table1 import Row, Variable, table1
from redbrolly.research.analysis.did import did
from redbrolly.research.analysis.doubly_robust import DEFAULT_BASELINE, aipw_change
from redbrolly.research.analysis.economics import (
    EconomicEvaluation,
    cea_data,
    evaluate,
)
from redbrolly.research.analysis.estimate import Estimate
from redbrolly.research.analysis.gee import gee_binary
from redbrolly.research.analysis.imputation import (
    DeltaRow,
    Imputations,
    MiResult,
    delta_adjusted,
    mi_did,
    mice,
    tipping_point,
)
from redbrolly.research.analysis.panel import post_indicator, treated_indicator

ARMS = ("member", "non_member")
OUTCOMES = (
    "any_violence",
    "violence_count",
    "phq9_total",
    "gad7_total",
    "eq5d_utility",
    "safety_count",
)
# Methods in the order the outcome table shows them; the first is the headline (see methods).
METHODS = ("aipw", "mi", "complete_case", "did", "gee")
ESTIMATION_ERRORS = (ValueError, ArithmeticError, np.linalg.LinAlgError)
# Labels are the report's business (translated there); these are column names and kinds.
TABLE1_VARIABLES = (
    Variable("age_band", "age_band", "categorical"),
    Variable("sector", "sector", "categorical"),
    Variable("migrant", "migrant", "binary"),
    Variable("any_violence", "any_violence", "binary"),
    Variable("violence_count", "violence_count", "continuous"),
    Variable("phq9_total", "phq9_total", "continuous"),
    Variable("gad7_total", "gad7_total", "continuous"),
    Variable("eq5d_utility", "eq5d_utility", "continuous"),
    Variable("safety_count", "safety_count", "continuous"),
)
# Every column the analysis reads: the cache key is made from these alone.
ANALYSED_COLUMNS = (
    "participant",
    "wave",
    "arm",
    *OUTCOMES,
    "cost",
    "sector",
    "migrant",
    "age_band",
)
SOFTWARE = ("numpy", "pandas", "scipy", "statsmodels", "matplotlib", "Django", "weasyprint")


@dataclass(frozen=True)
class Parameters:
    """What the analysis runs with; all of it is printed in the methods section."""

    m: int = 20
    n_boot: int = 5000
    seed: int = 2024
    covariates: tuple[str, ...] = ("sector", "migrant")
    thresholds: tuple[float, ...] = (20_000.0, 30_000.0)
    wtp_max: float = 50_000.0
    wtp_step: float = 1_000.0
    deltas: tuple[tuple[str, tuple[float, ...]], ...] = (
        ("phq9_total", (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0)),
        ("eq5d_utility", (-0.1, -0.05, -0.025, 0.0, 0.025, 0.05, 0.1)),
    )

    @property
    def wtp_grid(self) -> np.ndarray:
        return np.arange(0.0, self.wtp_max + self.wtp_step / 2, self.wtp_step)


@dataclass(frozen=True)
class Effect:
    """One method's estimate for one outcome, or why there is none (`error`)."""

    outcome: str
    method: str
    estimate: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    n: int | None = None
    ratio: bool = False
    error: str = ""


@dataclass(frozen=True)
class Sensitivity:
    outcome: str
    rows: list[DeltaRow]
    tipping_point: float | None


@dataclass
class Evaluation:
    parameters: Parameters
    outcomes: list[str]
    covariates: list[str]
    flow: dict[str, dict[str, int]]
    table1: list[Row]
    means: dict[str, dict[str, tuple[tuple[int, float | None], tuple[int, float | None]]]]
    effects: list[Effect]
    fmi: dict[str, float]
    sensitivity: list[Sensitivity]
    economics: EconomicEvaluation | None
    economics_error: str
    programme_cost: float
    cost_in_data: bool
    computed_at: datetime = field(default_factory=timezone.now)
    elapsed_seconds: float = 0.0
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def n_participants(self) -> int:
        return sum(arm["enrolled"] for arm in self.flow.values())

    def with_programme_cost(self, cost: float) -> Evaluation:
        """The result with today's programme cost per member in its economics (see
        `EconomicEvaluation.with_member_cost`); data that hold the cost take none."""
        if self.cost_in_data or cost == self.programme_cost:
            return self
        shift = cost - self.programme_cost
        economics = self.economics.with_member_cost(shift) if self.economics else None
        return replace(self, economics=economics, programme_cost=cost)

    def effect(self, outcome: str, method: str) -> Effect | None:
        return next((e for e in self.effects if e.outcome == outcome and e.method == method), None)


def evaluate_cohort(
    long: pd.DataFrame,
    *,
    programme_cost: float,
    programme_cost_in_data: bool = False,
    parameters: Parameters | None = None,
) -> Evaluation:
    """Everything the report shows, from the long export (one row per participant-wave)."""
    started = time.perf_counter()
    params = parameters or Parameters()
    outcomes = [o for o in OUTCOMES if o in long.columns]
    covariates = [c for c in params.covariates if c in long.columns]
    imputations, mice_error = _impute(long, outcomes, covariates, params)
    pooled = mi_results(imputations, mice_error, outcomes)
    economics, economics_error = _economics(
        imputations, mice_error, 0.0 if programme_cost_in_data else programme_cost, params
    )
    result = Evaluation(
        parameters=params,
        outcomes=outcomes,
        covariates=covariates,
        flow=flow_counts(long, outcomes),
        table1=baseline_table(long),
        means=means_by_arm(long, outcomes),
        effects=_effects(long, outcomes, covariates, pooled),
        fmi={o: float(r.fmi) for o, r in pooled.items() if not isinstance(r, str)},
        sensitivity=_sensitivity(imputations, params),
        economics=economics,
        economics_error=economics_error,
        programme_cost=programme_cost,
        cost_in_data=programme_cost_in_data,
        versions=software_versions(),
    )
    result.elapsed_seconds = time.perf_counter() - started
    return result


def _coded(long: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    return treated_indicator(long["arm"], "arm"), post_indicator(long["wave"], "wave")


def flow_counts(long: pd.DataFrame, outcomes: list[str]) -> dict[str, dict[str, int]]:
    """Per arm: enrolled, answered at baseline, answered at follow-up, lost in between."""
    treated, post = _coded(long)
    answered = long[outcomes].notna().any(axis=1)
    flow = {}
    for arm, code in zip(ARMS, (1.0, 0.0), strict=True):
        rows = long[treated == code]
        base = set(rows.loc[answered & (post == 0), "participant"])
        followed = set(rows.loc[answered & (post == 1), "participant"]) & base
        flow[arm] = {
            "enrolled": int(rows["participant"].nunique()),
            "baseline": len(base),
            "followed_up": len(followed),
            "lost": len(base - followed),
        }
    return flow


def baseline_table(long: pd.DataFrame) -> list[Row]:
    treated, post = _coded(long)
    baseline = long[post == 0]
    return table1(baseline, treated[post == 0], TABLE1_VARIABLES)


def means_by_arm(
    long: pd.DataFrame, outcomes: list[str]
) -> dict[str, dict[str, tuple[tuple[int, float | None], tuple[int, float | None]]]]:
    """Observed (n, mean) per outcome, arm and wave: the outcome-change chart and its table."""
    treated, post = _coded(long)
    found: dict[str, Any] = {}
    for outcome in outcomes:
        values = pd.to_numeric(long[outcome], errors="coerce")
        found[outcome] = {
            arm: tuple(_cell(values[(treated == code) & (post == wave)]) for wave in (0.0, 1.0))
            for arm, code in zip(ARMS, (1.0, 0.0), strict=True)
        }
    return found


def _cell(values: pd.Series) -> tuple[int, float | None]:
    seen = values.dropna()
    return len(seen), (float(seen.mean()) if len(seen) else None)


def _impute(
    long: pd.DataFrame, outcomes: list[str], covariates: list[str], params: Parameters
) -> tuple[Imputations | None, str]:
    extra = ["cost"] if "cost" in long.columns else []
    try:
        found = mice(
            long, outcomes=[*outcomes, *extra], covariates=covariates, m=params.m, seed=params.seed
        )
    except ESTIMATION_ERRORS as exc:
        return None, str(exc)
    return found, ""


def _effects(
    long: pd.DataFrame,
    outcomes: list[str],
    covariates: list[str],
    pooled: dict[str, MiResult | str],
) -> list[Effect]:
    found = []
    baseline = [b for b in DEFAULT_BASELINE if b in long.columns]
    for outcome in outcomes:
        found.append(
            _attempt(
                outcome,
                "aipw",
                partial(aipw_change, long, outcome, covariates=covariates, baseline=baseline),
            )
        )
        found.extend(_mi_effects(outcome, pooled[outcome]))
        found.append(
            _attempt(
                outcome,
                "did",
                partial(did, long, outcome, "arm", "wave", "participant", covariates),
            )
        )
    if "any_violence" in outcomes:
        found.append(_odds_ratio(long, covariates))
    return found


def _attempt(outcome: str, method: str, run: Callable[[], Estimate]) -> Effect:
    try:
        estimate = run()
    except ESTIMATION_ERRORS as exc:
        return Effect(outcome, method, error=str(exc))
    return _from_estimate(outcome, method, estimate)


def _from_estimate(outcome: str, method: str, estimate: Estimate) -> Effect:
    values = estimate.as_dict()
    return Effect(
        outcome,
        method,
        estimate=values["estimate"],
        ci_low=values["ci_low"],
        ci_high=values["ci_high"],
        p_value=values["p_value"],
        n=estimate.n_clusters,
    )


def mi_results(
    imputations: Imputations | None, mice_error: str, outcomes: list[str]
) -> dict[str, MiResult | str]:
    """Pooled MI result per outcome, or the reason there is none."""
    found: dict[str, MiResult | str] = {}
    for outcome in outcomes:
        if imputations is None:
            found[outcome] = mice_error
            continue
        try:
            found[outcome] = mi_did(imputations, outcome)
        except ESTIMATION_ERRORS as exc:
            found[outcome] = str(exc)
    return found


def _mi_effects(outcome: str, result: MiResult | str) -> list[Effect]:
    if isinstance(result, str):
        return [Effect(outcome, m, error=result) for m in ("mi", "complete_case")]
    return [
        _from_estimate(outcome, "mi", result.pooled),
        _from_estimate(outcome, "complete_case", result.complete_case),
    ]


def _odds_ratio(long: pd.DataFrame, covariates: list[str]) -> Effect:
    try:
        fit = gee_binary(long, "any_violence", "arm", "wave", "participant", covariates)
    except ESTIMATION_ERRORS as exc:
        return Effect("any_violence", "gee", ratio=True, error=str(exc))
    return Effect(
        "any_violence",
        "gee",
        estimate=fit.odds_ratio,
        ci_low=fit.ci_low,
        ci_high=fit.ci_high,
        p_value=fit.p_value,
        n=fit.n_clusters,
        ratio=True,
    )


def _sensitivity(imputations: Imputations | None, params: Parameters) -> list[Sensitivity]:
    if imputations is None:
        return []
    found = []
    for outcome, deltas in params.deltas:
        if f"{outcome}_1" not in imputations.observed.columns:
            continue
        try:
            rows = delta_adjusted(imputations, outcome, deltas)
        except ESTIMATION_ERRORS:
            continue
        found.append(Sensitivity(outcome, rows, tipping_point(rows)))
    return found


def _economics(
    imputations: Imputations | None, mice_error: str, programme_cost: float, params: Parameters
) -> tuple[EconomicEvaluation | None, str]:
    if imputations is None:
        return None, mice_error
    try:
        datasets = [
            cea_data(_with_cost(data), programme_cost=programme_cost)
            for data in imputations.datasets
        ]
        result = evaluate(datasets, n_boot=params.n_boot, seed=params.seed + 1)
    except (*ESTIMATION_ERRORS, KeyError) as exc:
        return None, str(exc)
    return result, ""


def _with_cost(wide: pd.DataFrame) -> pd.DataFrame:
    """Without a service-use cost column the programme cost is the only cost."""
    return wide if "cost_1" in wide.columns else wide.assign(cost_1=0.0)


def software_versions() -> dict[str, str]:
    found = {"Python": platform.python_version()}
    for name in SOFTWARE:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return found
