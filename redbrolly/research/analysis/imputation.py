"""Multiple imputation of missing follow-ups, Rubin's rules, complete cases and delta adjustment.

Imputation works on the wide form (one row per participant: arm, baseline covariates, baseline
and follow-up outcomes) with statsmodels `MICEData`: chained equations, OLS conditional models
with main effects of every other column, predictive mean matching (so binary and integer
outcomes keep observed values). Follow-up is assumed missing at random given everything in the
wide form. Draws follow statsmodels' `MICE` defaults: 10 burn-in cycles, then one data set every
`skip + 1` = 4 cycles of a single chain.

Analysis on each completed data set is the change-score regression (follow-up - baseline on
arm), which equals the two-wave DiD on a balanced panel, with an HC1 variance. Results are
pooled with Rubin's rules. `pool_rubin` uses Rubin's (1987) classic degrees of freedom unless
it is given the complete-data degrees of freedom, in which case it uses Barnard & Rubin's (1999)
small-sample version; `mi_did` passes n - 2 and so reports Barnard-Rubin.

Delta adjustment (van Buuren 2018, FIMD 2nd ed. §9.2) shifts the imputed follow-up values of one
arm by δ after imputation, for a grid of δ: "those who left did δ worse than MAR predicts". The
shift is applied after, not inside, the chained equations; with follow-up missing as a block
(a missed wave) the imputed outcome does not feed back into another imputed value's draw in a
way that changes the change-score contrast beyond δ itself.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.imputation.mice import MICEData

from .estimate import Estimate
from .panel import AnalysisInputError, covariate_matrix, to_wide


class Pooled(NamedTuple):
    """Rubin's rules result: pooled estimate, total variance T, degrees of freedom, 95% CI."""

    q_bar: float
    total_var: float
    df: float
    ci: tuple[float, float]


@dataclass(frozen=True)
class Imputations:
    """`observed` is the wide data before imputation; `datasets` are its m completions."""

    observed: pd.DataFrame
    datasets: tuple[pd.DataFrame, ...]

    @property
    def m(self) -> int:
        return len(self.datasets)


@dataclass(frozen=True)
class MiResult:
    """Pooled MI estimate beside the complete-case one; shown together in reports."""

    pooled: Estimate
    complete_case: Estimate
    fmi: float
    estimates: tuple[float, ...]
    variances: tuple[float, ...]


@dataclass(frozen=True)
class DeltaRow:
    delta: float
    estimate: float
    ci_low: float
    ci_high: float
    p_value: float


def pool_rubin(
    estimates: Sequence[float],
    variances: Sequence[float],
    *,
    df_complete: float | None = None,
    level: float = 0.95,
) -> Pooled:
    """Rubin's rules: Q̄, T = Ū + (1 + 1/m)B, df (classic, or Barnard-Rubin given df_complete)."""
    q_bar, u_bar, b, m = rubin_components(estimates, variances)
    total = u_bar + (1 + 1 / m) * b
    df = (
        _rubin_df(u_bar, b, m)
        if df_complete is None
        else _barnard_rubin_df(u_bar, b, m, df_complete)
    )
    half = float(stats.t.ppf(0.5 + level / 2, df)) * np.sqrt(total)
    return Pooled(q_bar=q_bar, total_var=total, df=df, ci=(q_bar - half, q_bar + half))


def rubin_components(
    estimates: Sequence[float], variances: Sequence[float]
) -> tuple[float, float, float, int]:
    """Q̄ (mean estimate), Ū (mean within variance), B (between variance, m - 1 divisor), m."""
    q = np.asarray(estimates, dtype=float)
    u = np.asarray(variances, dtype=float)
    if q.shape != u.shape or q.ndim != 1 or len(q) < 2:
        raise ValueError("need at least two imputations, with one variance per estimate")
    return float(q.mean()), float(u.mean()), float(q.var(ddof=1)), len(q)


def _rubin_df(u_bar: float, b: float, m: int) -> float:
    """Rubin (1987) nu = (m - 1)(1 + Ū / ((1 + 1/m)B))²; infinite when imputations agree."""
    if b == 0:
        return float("inf")
    # Overflow to inf (not an error) when B is negligible next to Ū: the limit is the same.
    with np.errstate(over="ignore"):
        return float((m - 1) * np.square(1 + np.float64(u_bar) / ((1 + 1 / m) * b)))


def _barnard_rubin_df(u_bar: float, b: float, m: int, df_complete: float) -> float:
    """Barnard & Rubin (1999): nu = nu_m·nu_obs / (nu_m + nu_obs), never above complete-data df."""
    lam = (1 + 1 / m) * b / (u_bar + (1 + 1 / m) * b)
    df_obs = (df_complete + 1) / (df_complete + 3) * df_complete * (1 - lam)
    df_m = _rubin_df(u_bar, b, m)
    return df_obs if np.isinf(df_m) else df_m * df_obs / (df_m + df_obs)


def mice(
    df: pd.DataFrame,
    *,
    outcomes: Sequence[str],
    arm: str = "arm",
    wave: str = "wave",
    id: str = "participant",
    covariates: Sequence[str] = ("sector", "migrant"),
    auxiliary: Sequence[str] = (),
    treated: Hashable | None = None,
    m: int = 20,
    seed: int = 0,
    burn_in: int = 10,
    skip: int = 3,
) -> Imputations:
    """m completed wide data sets. `auxiliary` outcomes help impute but are imputed too."""
    names = list(dict.fromkeys([*outcomes, *auxiliary]))
    wide = to_wide(
        df, outcomes=names, arm=arm, wave=wave, id=id, covariates=covariates, treated=treated
    )
    numeric = pd.concat(
        [wide[["treated"]], covariate_matrix(wide, covariates), wide.filter(regex=r"_[01]$")],
        axis=1,
    )
    _check_imputable(numeric)
    completed = _draw(numeric, m=m, seed=seed, burn_in=burn_in, skip=skip)
    return Imputations(observed=numeric.assign(**{id: wide[id]}), datasets=completed)


def _check_imputable(numeric: pd.DataFrame) -> None:
    empty = [c for c in numeric.columns if numeric[c].isna().all()]
    if empty:
        raise AnalysisInputError(f"column {empty[0]!r} has no observed values to impute from")


def _draw(
    numeric: pd.DataFrame, *, m: int, seed: int, burn_in: int, skip: int
) -> tuple[pd.DataFrame, ...]:
    # MICEData builds formulas from column names, so give it plain ones.
    safe = numeric.set_axis([f"v{i}" for i in range(numeric.shape[1])], axis=1)
    chain = MainEffectsMICEData(safe.reset_index(drop=True), rng=seed)
    chain.update_all(burn_in)
    draws = []
    for _ in range(m):
        chain.update_all(skip + 1)
        draws.append(chain.data.set_axis(numeric.columns, axis=1).set_index(numeric.index))
    return tuple(draws)


class MainEffectsMICEData(MICEData):
    """MICEData with its default conditional models, computed faster.

    statsmodels rebuilds every conditional design through patsy on every update (over 90% of the
    run time: 45 s for 20 imputations of a 1,000-row cohort), and its OLS solves by SVD, which
    threaded BLAS makes slow on small matrices. The default formula is "main effects of all
    other columns", exactly [1, other columns], so this class builds that matrix with numpy and
    fits it by normal equations (`LeastSquares`); `test_mice_attrition` checks both against
    statsmodels. Custom formulas and predict keywords are not supported here.
    """

    def __init__(self, data: pd.DataFrame, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        for name in self.data.columns:
            self.model_class[name] = LeastSquares

    def _design(self, vname: str) -> tuple[np.ndarray, np.ndarray]:
        values = self.data.to_numpy(dtype=float)
        column = self.data.columns.get_loc(vname)
        others = np.delete(values, column, axis=1)
        return values[:, column], np.column_stack([np.ones(len(values)), others])

    def get_fitting_data(
        self, vname: str
    ) -> tuple[np.ndarray, np.ndarray, dict[str, Any], dict[str, Any]]:
        endog, exog = self._design(vname)
        rows = self.ix_obs[vname]
        return endog[rows], exog[rows], {}, {}

    def get_split_data(
        self, vname: str
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, Any], dict[str, Any]]:
        endog, exog = self._design(vname)
        seen, missing = self.ix_obs[vname], self.ix_miss[vname]
        return endog[seen], exog[seen], exog[missing], {}, {}


class LeastSquares:
    """The slice of statsmodels' OLS that MICEData uses: fit, params, cov_params, predict.

    A pseudo-inverse of X'X keeps it defined when a dummy is constant among observed rows.
    """

    def __init__(self, endog: np.ndarray, exog: np.ndarray) -> None:
        self.endog = endog
        self.exog = exog

    def fit(self) -> LeastSquaresFit:
        xtx_inv = np.linalg.pinv(self.exog.T @ self.exog, hermitian=True)
        params = xtx_inv @ (self.exog.T @ self.endog)
        resid = self.endog - self.exog @ params
        dof = max(len(resid) - np.linalg.matrix_rank(xtx_inv, hermitian=True), 1)
        return LeastSquaresFit(params, xtx_inv * float(resid @ resid) / dof)

    def predict(self, params: np.ndarray, exog: np.ndarray) -> np.ndarray:
        return exog @ params


@dataclass(frozen=True)
class LeastSquaresFit:
    params: np.ndarray
    covariance: np.ndarray

    def cov_params(self) -> np.ndarray:
        return self.covariance


def change_regression(wide: pd.DataFrame, outcome: str) -> tuple[float, float, int]:
    """Arm coefficient of (follow-up - baseline) on arm, its HC1 variance and n used."""
    change = (wide[f"{outcome}_1"] - wide[f"{outcome}_0"]).to_numpy(float)
    treated = wide["treated"].to_numpy(float)
    keep = ~np.isnan(change) & ~np.isnan(treated)
    X = np.column_stack([np.ones(keep.sum()), treated[keep]])
    beta, variance = _ols_hc1(X, change[keep])
    return float(beta[1]), float(variance[1, 1]), int(keep.sum())


def _ols_hc1(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n, k = X.shape
    bread = np.linalg.inv(X.T @ X)
    beta = bread @ (X.T @ y)
    resid = y - X @ beta
    meat = (X * resid[:, None] ** 2).T @ X
    return beta, bread @ meat @ bread * n / (n - k)


def mi_did(imputations: Imputations, outcome: str) -> MiResult:
    """Change-score DiD on each completed data set, pooled; complete cases alongside."""
    fits = [change_regression(data, outcome) for data in imputations.datasets]
    estimates = tuple(f[0] for f in fits)
    variances = tuple(f[1] for f in fits)
    n = fits[0][2]
    pooled = pool_rubin(estimates, variances, df_complete=n - 2)
    _, _, b, m = rubin_components(estimates, variances)
    return MiResult(
        pooled=_t_estimate(pooled.q_bar, pooled.total_var, pooled.df, n, "mi_rubin_change_score"),
        complete_case=complete_case(imputations.observed, outcome),
        fmi=(1 + 1 / m) * b / pooled.total_var,
        estimates=estimates,
        variances=variances,
    )


def complete_case(observed: pd.DataFrame, outcome: str) -> Estimate:
    """The same change-score regression on participants seen at both waves."""
    value, variance, n = change_regression(observed, outcome)
    return _t_estimate(value, variance, n - 2, n, "complete_case_change_score")


def _t_estimate(value: float, variance: float, df: float, n: int, method: str) -> Estimate:
    se = float(np.sqrt(variance))
    half = float(stats.t.ppf(0.975, df)) * se
    return Estimate(
        estimate=value,
        se=se,
        ci_low=value - half,
        ci_high=value + half,
        n_obs=n,
        n_clusters=n,
        p_value=float(2 * stats.t.sf(abs(value / se), df)),
        method=method,
    )


def delta_adjusted(
    imputations: Imputations,
    outcome: str,
    deltas: Sequence[float],
    *,
    arm_level: float = 1.0,
) -> list[DeltaRow]:
    """Pooled estimate when imputed follow-ups in arm `arm_level` (1 = treated) move by δ."""
    column = f"{outcome}_1"
    shifted = imputations.observed[column].isna() & (imputations.observed["treated"] == arm_level)
    return [_delta_row(imputations, outcome, column, shifted, d) for d in deltas]


def _delta_row(
    imputations: Imputations, outcome: str, column: str, shifted: pd.Series, delta: float
) -> DeltaRow:
    moved = [
        data.assign(**{column: data[column] + delta * shifted}) for data in imputations.datasets
    ]
    result = mi_did(Imputations(observed=imputations.observed, datasets=tuple(moved)), outcome)
    pooled = result.pooled
    return DeltaRow(delta, pooled.estimate, pooled.ci_low, pooled.ci_high, pooled.p_value)


def tipping_point(rows: Sequence[DeltaRow]) -> float | None:
    """Smallest |δ| at which the 95% CI's verdict on "no effect" differs from δ = 0's."""
    by_delta = {row.delta: row for row in rows}
    if 0.0 not in by_delta:
        raise ValueError("the delta grid must include 0 (the MAR analysis)")
    primary = _excludes_zero(by_delta[0.0])
    flipped = [row.delta for row in rows if _excludes_zero(row) != primary]
    return min(flipped, key=abs) if flipped else None


def _excludes_zero(row: DeltaRow) -> bool:
    return row.ci_low > 0 or row.ci_high < 0
