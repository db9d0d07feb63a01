"""Logistic GEE for a binary outcome (any violence) across the two waves.

Population-averaged model: logit P(y = 1) = b0 + b1·treated + b2·post + b3·treatedxpost
(+ covariates), exchangeable working correlation within participant, robust (sandwich) standard
errors. exp(b3) is the ratio of the follow-up-to-baseline odds ratios of members and others. It is
a marginal odds ratio, so it sits a little nearer 1 than a participant-level (conditional) one.

GEE is unbiased when dropout is completely at random; when dropout depends on baseline answers
(as in the cohort) read it beside the MI analysis rather than instead of it.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from .did import INTERACTION, did_design
from .estimate import OddsRatio
from .panel import AnalysisInputError


def gee_binary(
    df: pd.DataFrame,
    outcome: str,
    arm: str,
    wave: str,
    id: str,
    covariates: Sequence[str] = (),
    *,
    treated: Hashable | None = None,
) -> OddsRatio:
    """Odds ratio for treatedxpost with a 95% Wald interval from the robust covariance."""
    design = did_design(df, outcome, arm, wave, id, covariates, treated=treated)
    if not np.isin(design.y, (0.0, 1.0)).all():
        raise AnalysisInputError(f"outcome column {outcome!r} must be coded 0/1 for a logistic GEE")
    model = sm.GEE(
        design.y,
        design.X,
        groups=design.groups,
        family=sm.families.Binomial(),
        cov_struct=sm.cov_struct.Exchangeable(),
    )
    fit = model.fit()
    return _odds_ratio(float(fit.params[INTERACTION]), float(fit.bse[INTERACTION]), design.groups)


def _odds_ratio(log_or: float, se: float, groups: np.ndarray) -> OddsRatio:
    z = stats.norm.ppf(0.975)
    return OddsRatio(
        odds_ratio=float(np.exp(log_or)),
        ci_low=float(np.exp(log_or - z * se)),
        ci_high=float(np.exp(log_or + z * se)),
        log_or=log_or,
        se_log_or=se,
        p_value=float(2 * stats.norm.sf(abs(log_or / se))),
        n_obs=len(groups),
        n_clusters=len(np.unique(groups)),
        method="gee_logit_exchangeable",
    )
