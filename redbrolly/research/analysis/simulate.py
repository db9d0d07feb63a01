"""A synthetic two-wave cohort with a known membership effect, for tests, the bench and demos.

The long format matches the cohort export: one row per participant-wave with `participant`,
`wave` (0/1), `arm` (as enrolled), `arm_now` (membership at that wave), the outcomes, `cost`
(service use over the previous six months plus, at follow-up, the programme's cost for members)
and baseline covariates `sector`, `migrant`, `age_band`.

What the data carry, so tests know what an estimator should find:

* **Effect**: applied at follow-up to whoever is a member *then* (`arm_now`), additively for
  PHQ-9, GAD-7, EQ-5D utility and the expected safety count; as a log odds ratio for
  `any_violence` (conditional on a participant frailty) and as a log rate ratio on incidents
  beyond the first for `violence_count`.
* **Contamination**: a fraction `contamination` of non-members join by follow-up. An
  intention-to-treat contrast by `arm` therefore targets `expected_itt(...)`, not the effect.
* **Confounding** (scaled by `confounding`, 0 switches it off): people join when distressed or
  recently hurt, so membership depends on baseline PHQ-9 and violence, including their transient
  part; members' scores then fall back at follow-up whatever membership does (regression to the
  mean), and street-based workers' scores drift up. Naive change contrasts and the plain DiD are
  biased; adjusting for the baseline covariates removes it. With `confounding=0` membership
  depends only on time-fixed traits, trends are parallel and the DiD is unbiased. Members differ
  at baseline either way (more street-based and migrant workers).
* **Attrition**: about `attrition` of participants miss follow-up, missing at random given
  arm, sector, migration, baseline violence and baseline PHQ-9. They keep a follow-up row whose
  outcomes and cost are empty, as the export writes a due-but-uncompleted wave.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import brentq
from scipy.special import expit

SECTORS = ("street", "indoor", "online", "mixed")
AGE_BANDS = ("18-24", "25-34", "35-44", "45+")
OUTCOMES = (
    "any_violence",
    "violence_count",
    "phq9_total",
    "gad7_total",
    "eq5d_utility",
    "safety_count",
)
SAFETY_ITEMS = 12
PROGRAMME_COST = 300.0


@dataclass(frozen=True)
class Effect:
    """True effect of being a member at follow-up; scales are in the module docstring."""

    any_violence: float = -0.7
    violence_count: float = -0.3
    phq9_total: float = -2.0
    gad7_total: float = -1.5
    eq5d_utility: float = 0.05
    safety_count: float = 1.0


def expected_itt(effect: float, contamination: float) -> float:
    """ITT target by enrolled arm for an additive outcome once some non-members have joined."""
    return effect * (1.0 - contamination)


def simulate_cohort(
    n: int = 1000,
    effect: Effect | None = None,
    seed: int = 0,
    *,
    attrition: float = 0.4,
    contamination: float = 0.05,
    confounding: float = 1.0,
) -> pd.DataFrame:
    """The long export for `n` participants (2n rows, lost follow-ups as empty rows)."""
    rng = np.random.default_rng(seed)
    effect = effect or Effect()
    people = _people(n, rng)
    base = _wave_outcomes(people, rng, post=False, member=np.zeros(n), effect=effect, conf=0.0)
    people["member"] = _join(people, base, rng, confounding)
    member_now = _contaminate(people["member"], rng, contamination)
    follow = _wave_outcomes(
        people, rng, post=True, member=member_now, effect=effect, conf=confounding
    )
    follow["cost"] += member_now * rng.gamma(4.0, PROGRAMME_COST / 4.0, n)
    lost = ~_retained(people, base, rng, 1.0 - attrition)
    follow.loc[lost, list(follow.columns)] = np.nan
    return _long(people, base, follow, member_now)


def _people(n: int, rng: np.random.Generator) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "participant": [f"P{token:08x}" for token in rng.choice(16**8, n, replace=False)],
            "sector": rng.choice(SECTORS, n, p=[0.25, 0.35, 0.25, 0.15]),
            "migrant": rng.binomial(1, 0.35, n),
            "age_band": rng.choice(AGE_BANDS, n, p=[0.2, 0.4, 0.25, 0.15]),
            # Stable traits: distress and exposure to violence that persist across waves.
            "distress": rng.normal(0.0, 1.0, n),
            "frailty": rng.normal(0.0, 0.7, n),
        }
    )


def _wave_outcomes(
    people: pd.DataFrame,
    rng: np.random.Generator,
    *,
    post: bool,
    member: np.ndarray,
    effect: Effect,
    conf: float,
) -> pd.DataFrame:
    n = len(people)
    street = (people["sector"] == "street").to_numpy(float)
    migrant = people["migrant"].to_numpy(float)
    drift = conf * street if post else 0.0
    noise = rng.normal(0.0, 1.0, (n, 3))
    mood = noise[:, 0]
    phq = 9 + 1.5 * street + migrant + 3.0 * people["distress"] + 2.5 * mood
    gad = 7 + 1.2 * street + 0.8 * migrant + 2.5 * people["distress"]
    gad = gad + 2.0 * (0.6 * mood + 0.8 * noise[:, 1])
    eq5d = 0.78 - 0.05 * street - 0.03 * migrant - 0.05 * people["distress"]
    eq5d = eq5d - 0.04 * mood + 0.06 * noise[:, 2]
    frame = pd.DataFrame(
        {
            "phq9_total": _bounded(phq + drift + member * effect.phq9_total, 0, 27),
            "gad7_total": _bounded(gad + drift + member * effect.gad7_total, 0, 21),
            "eq5d_utility": np.round(
                np.clip(eq5d - 0.03 * drift + member * effect.eq5d_utility, -0.285, 1.0), 3
            ),
        }
    )
    frame = pd.concat([frame, _violence(people, rng, post, member, effect, conf)], axis=1)
    frame["safety_count"] = _safety(people, rng, member, effect)
    frame["cost"] = _service_cost(frame, rng)
    return frame


def _bounded(values: pd.Series, low: int, high: int) -> np.ndarray:
    """Questionnaire totals are integers in a fixed range."""
    return np.clip(np.round(np.asarray(values, dtype=float)), low, high)


def _violence(
    people: pd.DataFrame,
    rng: np.random.Generator,
    post: bool,
    member: np.ndarray,
    effect: Effect,
    conf: float,
) -> pd.DataFrame:
    n = len(people)
    street = (people["sector"] == "street").to_numpy(float)
    logit = -0.8 + 1.0 * street + 0.4 * people["migrant"] + people["frailty"]
    logit = logit + (0.3 * conf * street - 0.2 if post else 0.0) + member * effect.any_violence
    any_violence = rng.binomial(1, expit(logit.to_numpy(float)))
    extra = rng.poisson(1.2 * np.exp(0.4 * street + member * effect.violence_count), n)
    return pd.DataFrame(
        {"any_violence": any_violence.astype(float), "violence_count": any_violence * (1 + extra)}
    )


def _safety(
    people: pd.DataFrame, rng: np.random.Generator, member: np.ndarray, effect: Effect
) -> np.ndarray:
    indoor = (people["sector"] == "indoor").to_numpy(float)
    p = 0.35 + 0.1 * indoor + member * effect.safety_count / SAFETY_ITEMS
    return rng.binomial(SAFETY_ITEMS, np.clip(p, 0.0, 1.0)).astype(float)


def _service_cost(frame: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Six-month NHS and support costs, right-skewed like real cost data."""
    base = 60.0 + 180.0 * frame["violence_count"] + 8.0 * frame["phq9_total"]
    return np.round(base.to_numpy(float) + rng.gamma(2.0, 30.0, len(frame)), 2)


def _join(
    people: pd.DataFrame, base: pd.DataFrame, rng: np.random.Generator, conf: float
) -> np.ndarray:
    street = (people["sector"] == "street").to_numpy(float)
    drive = 0.8 * street + 0.4 * people["migrant"].to_numpy(float)
    drive = drive + conf * (0.25 * (base["phq9_total"] - 10) + 0.6 * base["any_violence"])
    return rng.binomial(1, _calibrated(drive.to_numpy(float), 0.45)).astype(float)


def _contaminate(member: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    outsiders = np.flatnonzero(member == 0)
    joined = rng.choice(outsiders, round(share * len(outsiders)), replace=False)
    member_now = member.copy()
    member_now[joined] = 1.0
    return member_now


def _retained(
    people: pd.DataFrame, base: pd.DataFrame, rng: np.random.Generator, target: float
) -> np.ndarray:
    street = (people["sector"] == "street").to_numpy(float)
    drive = 0.5 * people["member"] - 0.6 * street - 0.4 * people["migrant"]
    drive = drive - 0.3 * base["any_violence"] - 0.05 * (base["phq9_total"] - 10)
    return rng.random(len(people)) < _calibrated(drive.to_numpy(float), target)


def _calibrated(drive: np.ndarray, target: float) -> np.ndarray:
    """Probabilities whose average is `target`, found by shifting the intercept."""
    if target <= 0.0 or target >= 1.0:
        return np.full(len(drive), float(target >= 1.0))
    shift = brentq(lambda a: float(expit(a + drive).mean()) - target, -20.0, 20.0)
    return np.asarray(expit(shift + drive))


def _long(
    people: pd.DataFrame, base: pd.DataFrame, follow: pd.DataFrame, member_now: np.ndarray
) -> pd.DataFrame:
    labels = np.where(people["member"] == 1, "member", "non_member")
    keys = people[["participant", "sector", "migrant", "age_band"]].assign(arm=labels)
    waves = [
        keys.assign(wave=0, arm_now=labels, **base),
        keys.assign(wave=1, arm_now=np.where(member_now == 1, "member", "non_member"), **follow),
    ]
    ordered = ["participant", "wave", "arm", "arm_now", *OUTCOMES, "cost", "sector"]
    frame = pd.concat(waves, ignore_index=True)[[*ordered, "migrant", "age_band"]]
    return frame.sort_values(["participant", "wave"], kind="stable").reset_index(drop=True)
