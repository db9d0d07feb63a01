"""Doubly robust (augmented IPW) effect of membership on change from baseline.

Estimand: the average treatment effect, over everyone with a baseline, of being enrolled as a
member (arm at baseline, intention to treat) on follow-up minus baseline. Three working models,
all on baseline data only:

* propensity e(X) = P(member | X), logistic;
* response π_a(X) = P(follow-up seen | X, arm a), logistic within each arm, because follow-up is
  missing at random given baseline data and arm (Bang & Robins 2005 handle missing outcomes the
  same way);
* outcome m_a(X) = E[change | X, arm a], OLS within each arm on those followed up.

The estimate is the mean of the efficient influence function
φ = m1 - m0 + A·R·(Δ - m1)/(e·π1) - (1 - A)·R·(Δ - m0)/((1 - e)·π0),
consistent when either the propensity-and-response models or the outcome models are right; the
standard error is sd(φ)/√n, which treats the fitted nuisance models as known (asymptotically
exact when both are right, otherwise usually a little conservative). Propensities are clipped to
[trim, 1 - trim] and response probabilities to [trim, 1] so that a few people with extreme weights
cannot dominate.

X is the baseline covariates (text ones dummy coded), the baseline values of `baseline`
(by default violence and PHQ-9, as in the SWERV protocol) and the outcome's own baseline.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from .estimate import Estimate
from .panel import AnalysisInputError, covariate_matrix, to_wide

DEFAULT_COVARIATES = ("sector", "migrant")
DEFAULT_BASELINE = ("any_violence", "phq9_total")


@dataclass(frozen=True)
class ChangeData:
    """Per participant: design X (with constant), arm A, response R and change Δ (NaN if R=0)."""

    X: np.ndarray
    a: np.ndarray
    r: np.ndarray
    change: np.ndarray


def aipw_change(
    df: pd.DataFrame,
    outcome: str,
    *,
    arm: str = "arm",
    wave: str = "wave",
    id: str = "participant",
    covariates: Sequence[str] = DEFAULT_COVARIATES,
    baseline: Sequence[str] = DEFAULT_BASELINE,
    treated: Hashable | None = None,
    trim: float = 0.01,
) -> Estimate:
    """AIPW estimate; `n_obs` counts observed changes, `n_clusters` everyone with a baseline."""
    data = change_data(df, outcome, arm, wave, id, covariates, baseline, treated)
    e = np.clip(_logistic(data.X, data.a), trim, 1 - trim)
    pi = np.clip(_response(data), trim, 1.0)
    phi = _influence(data, e, pi, _outcome_predictions(data))
    return _normal_estimate(
        float(phi.mean()),
        float(phi.std(ddof=1) / np.sqrt(len(phi))),
        n_obs=int(data.r.sum()),
        n_clusters=len(phi),
        method="aipw_influence_function",
    )


def naive_change(
    df: pd.DataFrame,
    outcome: str,
    *,
    arm: str = "arm",
    wave: str = "wave",
    id: str = "participant",
    treated: Hashable | None = None,
) -> Estimate:
    """Unadjusted mean change among members minus among others, completers only (Welch SE)."""
    data = change_data(df, outcome, arm, wave, id, (), (), treated)
    groups = [data.change[(data.a == k) & data.r] for k in (1.0, 0.0)]
    diff = float(groups[0].mean() - groups[1].mean())
    se = float(np.sqrt(sum(g.var(ddof=1) / len(g) for g in groups)))
    observed = int(data.r.sum())
    return _normal_estimate(diff, se, n_obs=observed, n_clusters=observed, method="naive_change")


def change_data(
    df: pd.DataFrame,
    outcome: str,
    arm: str,
    wave: str,
    id: str,
    covariates: Sequence[str],
    baseline: Sequence[str],
    treated: Hashable | None,
) -> ChangeData:
    """Participants with complete baseline data, in the shape the three working models need."""
    outcomes = list(dict.fromkeys([outcome, *baseline]))
    wide = to_wide(
        df, outcomes=outcomes, arm=arm, wave=wave, id=id, covariates=covariates, treated=treated
    )
    base = [f"{name}_0" for name in outcomes]
    X = pd.concat([covariate_matrix(wide, covariates), wide[base]], axis=1)
    keep = X.notna().all(axis=1) & wide["treated"].notna()
    X = sm.add_constant(X[keep].to_numpy(float), has_constant="add")
    change = (wide[f"{outcome}_1"] - wide[f"{outcome}_0"])[keep].to_numpy(float)
    data = ChangeData(
        X=X, a=wide["treated"][keep].to_numpy(float), r=~np.isnan(change), change=change
    )
    _check_followed_up(data, arm)
    return data


def _check_followed_up(data: ChangeData, arm: str) -> None:
    for level, name in ((1.0, "treated"), (0.0, "reference")):
        if not (data.r & (data.a == level)).sum() >= 2:
            raise AnalysisInputError(
                f"fewer than two followed-up participants in the {name} level of {arm!r}"
            )


def _logistic(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    if y.min() == y.max():
        return np.full(len(y), float(y[0]))
    return np.asarray(sm.Logit(y, X).fit(disp=0, maxiter=200).predict(X))


def _response(data: ChangeData) -> np.ndarray:
    pi = np.empty(len(data.a))
    for level in (0.0, 1.0):
        rows = data.a == level
        pi[rows] = _logistic(data.X[rows], data.r[rows].astype(float))
    return pi


def _outcome_predictions(data: ChangeData) -> tuple[np.ndarray, np.ndarray]:
    """m0 and m1 for everyone, each fitted on the followed-up members of that arm."""
    predictions = []
    for level in (0.0, 1.0):
        rows = (data.a == level) & data.r
        beta = np.linalg.lstsq(data.X[rows], data.change[rows], rcond=None)[0]
        predictions.append(data.X @ beta)
    return predictions[0], predictions[1]


def _influence(
    data: ChangeData, e: np.ndarray, pi: np.ndarray, m: tuple[np.ndarray, np.ndarray]
) -> np.ndarray:
    m0, m1 = m
    seen = np.where(data.r, data.change, 0.0)
    treated_term = data.a * data.r * (seen - m1) / (e * pi)
    control_term = (1 - data.a) * data.r * (seen - m0) / ((1 - e) * pi)
    return m1 - m0 + treated_term - control_term


def _normal_estimate(
    value: float, se: float, *, n_obs: int, n_clusters: int, method: str
) -> Estimate:
    z = float(stats.norm.ppf(0.975))
    return Estimate(
        estimate=value,
        se=se,
        ci_low=value - z * se,
        ci_high=value + z * se,
        n_obs=n_obs,
        n_clusters=n_clusters,
        p_value=float(2 * stats.norm.sf(abs(value / se))) if se > 0 else float("nan"),
        method=method,
    )
