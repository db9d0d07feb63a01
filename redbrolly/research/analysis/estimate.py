"""Result containers shared by the estimators; the management commands serialise them."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Estimate:
    """An effect on the outcome's own scale with a 95% confidence interval.

    `n_clusters` counts participants: every estimator clusters on, or is per, participant.
    """

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    n_obs: int
    n_clusters: int
    p_value: float
    method: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: non-finite numbers become None because JSON has no NaN."""
        return {key: _finite_or_none(value) for key, value in asdict(self).items()}


@dataclass(frozen=True)
class OddsRatio:
    """A ratio effect from a logistic model; `se_log_or` is on the log scale where it is normal."""

    odds_ratio: float
    ci_low: float
    ci_high: float
    log_or: float
    se_log_or: float
    p_value: float
    n_obs: int
    n_clusters: int
    method: str


def _finite_or_none(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
