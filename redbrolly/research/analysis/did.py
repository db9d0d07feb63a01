"""Difference-in-differences on the long export with participant-clustered standard errors.

Model: outcome = b0 + b1·treated + b2·post + b3·treatedxpost (+ covariates) + error, fitted by
OLS on every observed participant-wave; b3 is the DiD. Standard errors are cluster-robust by
participant (statsmodels `cov_type="cluster"`) with t(G - 1) reference distribution, G the number
of participants, because a cohort of a few hundred clusters is where the normal approximation
starts to flatter. Arm and wave coding rules are in `panel`.

Attrition: the pooled OLS uses the baseline rows of people lost to follow-up, so when dropping
out depends on stable traits (distress, say) the follow-up means describe a different group from
the baseline means. `balanced=True` keeps only participants seen at both waves, which makes b3
the change-score contrast; under attrition that is missing at random given baseline data, the MI
analysis in `imputation` is the primary one and this is the complete-case check.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

from .estimate import Estimate
from .panel import (
    AnalysisInputError,
    covariate_matrix,
    numeric_column,
    post_indicator,
    require_columns,
    treated_indicator,
)

INTERACTION = "treated:post"


@dataclass(frozen=True)
class DidDesign:
    """The DiD regression inputs; `gee` reuses it with a binary outcome."""

    y: np.ndarray
    X: pd.DataFrame
    groups: np.ndarray


def did(
    df: pd.DataFrame,
    outcome: str,
    arm: str,
    wave: str,
    id: str,
    covariates: Sequence[str] = (),
    *,
    treated: Hashable | None = None,
    balanced: bool = False,
) -> Estimate:
    """The treatedxpost coefficient: the change among members minus the change among others."""
    design = did_design(df, outcome, arm, wave, id, covariates, treated=treated, balanced=balanced)
    model = sm.OLS(design.y, design.X)
    fit = model.fit(cov_type="cluster", cov_kwds={"groups": design.groups}, use_t=True)
    low, high = fit.conf_int(alpha=0.05).loc[INTERACTION]
    return Estimate(
        estimate=float(fit.params[INTERACTION]),
        se=float(fit.bse[INTERACTION]),
        ci_low=float(low),
        ci_high=float(high),
        n_obs=len(design.y),
        n_clusters=len(np.unique(design.groups)),
        p_value=float(fit.pvalues[INTERACTION]),
        method="did_cluster_robust",
    )


def did_design(
    df: pd.DataFrame,
    outcome: str,
    arm: str,
    wave: str,
    id: str,
    covariates: Sequence[str] = (),
    *,
    treated: Hashable | None = None,
    balanced: bool = False,
) -> DidDesign:
    """Validated design; rows missing the outcome, arm, wave, id or a covariate are dropped."""
    require_columns(df, [outcome, arm, wave, id, *covariates])
    y = numeric_column(df, outcome)
    t = treated_indicator(df[arm], arm, treated)
    post = post_indicator(df[wave], wave)
    X = pd.DataFrame({"const": 1.0, "treated": t, "post": post, INTERACTION: t * post})
    X = pd.concat([X, covariate_matrix(df, covariates)], axis=1)
    keep = y.notna() & X.notna().all(axis=1) & df[id].notna()
    if balanced:
        keep &= df[id].map(df.loc[keep].groupby(id)[wave].nunique()).eq(2)
    _check_cells(t[keep], post[keep], arm, wave)
    return DidDesign(y=y[keep].to_numpy(), X=X[keep], groups=_codes(df.loc[keep, id]))


def _check_cells(t: pd.Series, post: pd.Series, arm: str, wave: str) -> None:
    """A DiD needs all four arm x wave cells; say which one is empty after dropping gaps."""
    for arm_code in (0.0, 1.0):
        for wave_code in (0.0, 1.0):
            if not ((t == arm_code) & (post == wave_code)).any():
                which = "treated" if arm_code else "reference"
                when = "follow-up" if wave_code else "baseline"
                raise AnalysisInputError(
                    f"no usable rows for the {which} level of {arm!r} at {when} of {wave!r}"
                )


def _codes(ids: pd.Series) -> np.ndarray:
    return pd.factorize(ids)[0]
