"""Summaries of a probabilistic sensitivity analysis in BCEA's layout.

Input: one row per simulation, columns `e.<arm>` (effects, e.g. QALYs) and `c.<arm>` (costs)
for every arm; other columns are ignored. Conventions follow BCEA (Baio, Berardi & Heath 2017):
increments are reference minus comparator, Δe = e_ref - e_comp and Δc = c_ref - c_comp;
ICER = mean Δc / mean Δe; EIB = mean(k·Δe - Δc); CEAC = share of simulations with
k·Δe - Δc > 0; net benefit of arm j is k·e_j - c_j; EVPI = E[max_j NB_j] - max_j E[NB_j].

`summarise_psa` returns exactly the keys the `cea` command prints as JSON: `icer`, `eib`,
`ceac` (each keyed by comparator), `enb` (keyed by every arm) and `evpi`. The ICER is None when
the mean effect increment is exactly zero, since the ratio is then undefined.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd


class PsaError(ValueError):
    """A PSA table the summary cannot use; the message says what is wrong."""


def read_psa(path: str | Path) -> pd.DataFrame:
    """The CSV as a table, with unreadable files reported as PsaError."""
    try:
        return pd.read_csv(path)
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise PsaError(f"cannot read {path}: {exc}") from exc


def psa_arms(df: pd.DataFrame) -> list[str]:
    """Arm names in column order, after checking every arm has both an effect and a cost."""
    effects = [c[2:] for c in map(str, df.columns) if c.startswith("e.")]
    costs = [c[2:] for c in map(str, df.columns) if c.startswith("c.")]
    if not effects and not costs:
        raise PsaError("no 'e.<arm>' or 'c.<arm>' columns: expected BCEA layout, e.g. e.member")
    _check_pairs(effects, costs)
    if len(effects) < 2:
        raise PsaError(f"need at least two arms to compare, found {effects!r}")
    return effects


def _check_pairs(effects: list[str], costs: list[str]) -> None:
    no_cost = [arm for arm in effects if arm not in costs]
    no_effect = [arm for arm in costs if arm not in effects]
    if no_cost or no_effect:
        raise PsaError(
            "arms do not match: "
            + "; ".join(
                part
                for part in (
                    f"no cost column for {', '.join(no_cost)}" if no_cost else "",
                    f"no effect column for {', '.join(no_effect)}" if no_effect else "",
                )
                if part
            )
        )


def psa_matrices(df: pd.DataFrame) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Arms and (simulations x arms) matrices of effects and costs, all numbers and no gaps."""
    arms = psa_arms(df)
    e = np.column_stack([_numbers(df, f"e.{arm}") for arm in arms])
    c = np.column_stack([_numbers(df, f"c.{arm}") for arm in arms])
    if len(e) == 0:
        raise PsaError("the PSA table has no simulations")
    return arms, e, c


def _numbers(df: pd.DataFrame, column: str) -> np.ndarray:
    values = pd.to_numeric(df[column], errors="coerce")
    if values.isna().any():
        row = int(np.flatnonzero(values.isna().to_numpy())[0])
        raise PsaError(f"column {column!r} has a missing or non-numeric value (row {row + 1})")
    return values.to_numpy(dtype=float)


def evpi(net_benefit: np.ndarray) -> float:
    """E[max_j NB_j] - max_j E[NB_j] for a (simulations x options) net benefit matrix."""
    return float(net_benefit.max(axis=1).mean() - net_benefit.mean(axis=0).max())


def incremental(df: pd.DataFrame, reference: str) -> dict[str, tuple[float, float]]:
    """Mean (Δe, Δc) of the reference against each comparator, BCEA sign convention."""
    arms, e, c = psa_matrices(df)
    ref = _reference_index(arms, reference)
    return {
        arm: (float((e[:, ref] - e[:, j]).mean()), float((c[:, ref] - c[:, j]).mean()))
        for j, arm in enumerate(arms)
        if j != ref
    }


def summarise_psa(df: pd.DataFrame, reference: str, wtp: float) -> dict[str, Any]:
    """ICER, EIB and CEAC per comparator, expected net benefit per arm, and EVPI at `wtp`."""
    arms, e, c = psa_matrices(df)
    ref = _reference_index(arms, reference)
    nb = wtp * e - c
    comparators = [j for j in range(len(arms)) if j != ref]
    return {
        "icer": {arms[j]: _icer(e[:, ref] - e[:, j], c[:, ref] - c[:, j]) for j in comparators},
        "eib": {arms[j]: float((nb[:, ref] - nb[:, j]).mean()) for j in comparators},
        "ceac": {arms[j]: float((nb[:, ref] - nb[:, j] > 0).mean()) for j in comparators},
        "evpi": evpi(nb),
        "enb": {arm: float(nb[:, j].mean()) for j, arm in enumerate(arms)},
    }


def _reference_index(arms: list[str], reference: str) -> int:
    if reference not in arms:
        raise PsaError(f"reference {reference!r} is not an arm (arms: {', '.join(arms)})")
    return arms.index(reference)


def _icer(delta_e: np.ndarray, delta_c: np.ndarray) -> float | None:
    mean_e = float(delta_e.mean())
    return None if mean_e == 0 else float(delta_c.mean()) / mean_e
