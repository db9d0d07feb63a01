"""The evaluation report as the page and the PDF show it: tables as text, charts as SVG.

Everything here formats what `selectors.report_for` computed; nothing is estimated. Counts of
people pass through `suppression` on the way out, and charts are drawn from the same
suppressed figures their data tables show.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np
from django.core.cache import cache
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from redbrolly.core.models import Organisation
from redbrolly.insights.costs import CostTable, plain, rate_rows
from redbrolly.insights.evaluation import ARMS, Effect, Evaluation
from redbrolly.insights.labels import (
    ARM_LABELS,
    DIGITS,
    LEVEL_LABELS,
    METHOD_LABELS,
    OUTCOME_LABELS,
    SECTIONS,
    SHORT_LABELS,
    VARIABLE_LABELS,
    interval,
    money,
    money_interval,
    number,
)
from redbrolly.insights.methods import cheers_items, methods_paragraphs, summary_points
from redbrolly.insights.selectors import CACHE_SECONDS, EvaluationReport
from redbrolly.insights.suppression import HIDDEN, is_suppressed, percentage, suppress
from redbrolly.insights.table1 import Row
from redbrolly.lib import charts
from redbrolly.research.analysis.economics import EconomicEvaluation

CAPTIONS = {
    "figure_flow": gettext_lazy("Figure 1. Participant flow by arm"),
    "data_flow": gettext_lazy("Data for figure 1: participants at each stage"),
    "table_baseline": gettext_lazy("Table 1. Baseline characteristics by arm"),
    "figure_outcomes": gettext_lazy("Figure 2. Mean outcomes by arm at baseline and six months"),
    "table_means": gettext_lazy("Table 2. Mean outcomes by arm at baseline and six months"),
    "table_effects": gettext_lazy("Table 3. Effect of membership on change from baseline"),
    "table_sensitivity": gettext_lazy("Table 4. Effect if those lost to follow-up did worse"),
    "table_rates": gettext_lazy("Table 5. Hourly cost of staff by role"),
    "table_costs": gettext_lazy("Table 6. Cost of running the service"),
    "table_economics": gettext_lazy("Table 7. Cost-effectiveness of membership"),
    "figure_plane": gettext_lazy("Figure 3. Cost-effectiveness plane"),
    "data_plane": gettext_lazy("Data for figure 3: bootstrap replicates by quadrant"),
    "figure_ceac": gettext_lazy("Figure 4. Cost-effectiveness acceptability curve"),
    "table_ceac": gettext_lazy("Table 8. Probability cost-effective and value of information"),
}
SMD_FLAG = 0.1
CEAC_STEPS = 5_000.0


# --- participants -----------------------------------------------------------------------------


def flow_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    stages = [
        ("enrolled", _("Enrolled")),
        ("baseline", _("Answered the baseline questionnaire")),
        ("followed_up", _("Answered at six months")),
        ("lost", _("Lost to follow-up")),
    ]
    return [
        {"label": label, "cells": [suppress(evaluation.flow[arm][key]) for arm in ARMS]}
        for key, label in stages
    ]


def arm_headings(evaluation: Evaluation) -> list[str]:
    return [
        _("%(arm)s (n = %(n)s)")
        % {"arm": ARM_LABELS[arm], "n": suppress(evaluation.flow[arm]["baseline"])}
        for arm in ARMS
    ]


def baseline_rows(rows: Sequence[Row]) -> list[dict[str, Any]]:
    return [_baseline_row(row) for row in rows]


def _baseline_row(row: Row) -> dict[str, Any]:
    label = str(VARIABLE_LABELS.get(row.label, row.label))
    if row.level is not None:
        label = str(LEVEL_LABELS.get(row.level, row.level))
    cells = [_baseline_cell(row, summary) for summary in (row.treated, row.control)]
    missing = row.treated.missing + row.control.missing
    return {
        "label": label,
        "level": row.level is not None,
        "cells": cells,
        "smd": number(row.smd, 2) if row.smd is not None else HIDDEN,
        "imbalanced": row.smd is not None and abs(row.smd) > SMD_FLAG,
        "missing": missing and row.level is None,
        "missing_cells": [suppress(row.treated.missing), suppress(row.control.missing)],
    }


def _baseline_cell(row: Row, summary: Any) -> str:
    if row.kind == "categorical" and row.level is None:
        return ""
    if row.kind == "continuous":
        if is_suppressed(summary.n):
            return HIDDEN
        digits = DIGITS.get(row.label, 1) if row.label != "violence_count" else 2
        return f"{number(summary.mean, digits)} ({number(summary.sd, digits)})"
    return f"{suppress(summary.count)} ({percentage(summary.count, summary.n)})"


# --- outcomes ---------------------------------------------------------------------------------


def means_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    return [
        {
            "outcome": OUTCOME_LABELS[outcome],
            "arm": ARM_LABELS[arm],
            "first": arm == ARMS[0],
            "cells": _means_cells(*evaluation.means[outcome][arm], DIGITS.get(outcome, 2)),
        }
        for outcome in evaluation.outcomes
        for arm in ARMS
    ]


def _means_cells(
    baseline: tuple[int, float | None], follow_up: tuple[int, float | None], digits: int
) -> list[str]:
    """n and mean at each wave, and the change; a mean of fewer than five people is hidden."""
    means = [None if is_suppressed(n) else mean for n, mean in (baseline, follow_up)]
    change = None if None in means else means[1] - means[0]  # type: ignore[operator]
    return [
        suppress(baseline[0]),
        number(means[0], digits),
        suppress(follow_up[0]),
        number(means[1], digits),
        number(change, digits),
    ]


def effect_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    rows = []
    for outcome in evaluation.outcomes:
        digits = DIGITS.get(outcome, 2)
        cells = [_effect_cell(evaluation.effect(outcome, m), digits) for m in METHOD_LABELS]
        rows.append({"outcome": OUTCOME_LABELS[outcome], "cells": cells})
    return rows


def _effect_cell(effect: Effect | None, digits: int) -> dict[str, str]:
    if effect is None or effect.error or effect.estimate is None:
        reason = effect.error if effect is not None else ""
        return {"value": _("not estimable"), "detail": reason}
    return {
        "value": number(effect.estimate, digits),
        "detail": interval(effect.ci_low, effect.ci_high, digits),
    }


def odds_ratio_text(evaluation: Evaluation) -> str:
    effect = evaluation.effect("any_violence", "gee")
    if effect is None or effect.error or effect.estimate is None:
        return ""
    return _(
        "Odds ratio for any violence at six months against baseline, members against "
        "non-members (logistic GEE): %(or)s (95%% CI %(ci)s)."
    ) % {"or": number(effect.estimate, 2), "ci": interval(effect.ci_low, effect.ci_high, 2)}


def sensitivity_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    rows = []
    for found in evaluation.sensitivity:
        digits = DIGITS.get(found.outcome, 2)
        for row in found.rows:
            rows.append(
                {
                    "outcome": OUTCOME_LABELS[found.outcome],
                    "first": row is found.rows[0],
                    "delta": number(row.delta, digits),
                    "estimate": number(row.estimate, digits),
                    "ci": interval(row.ci_low, row.ci_high, digits),
                    "primary": row.delta == 0,
                }
            )
    return rows


def tipping_points(evaluation: Evaluation) -> list[str]:
    texts = []
    for found in evaluation.sensitivity:
        label = OUTCOME_LABELS[found.outcome]
        if found.tipping_point is None:
            texts.append(
                _("%(outcome)s: no shift in the range tried changes the conclusion.")
                % {"outcome": label}
            )
        else:
            texts.append(
                _("%(outcome)s: the conclusion changes at a shift of %(delta)s.")
                % {"outcome": label, "delta": number(found.tipping_point, 3)}
            )
    return texts


# --- economics --------------------------------------------------------------------------------


def inmb_interval(economics: EconomicEvaluation, wtp: float) -> tuple[float, float]:
    values = wtp * economics.replicates[:, 1] - economics.replicates[:, 0]
    low, high = np.quantile(values, [0.025, 0.975])
    return float(low), float(high)


def verdict(economics: EconomicEvaluation) -> str:
    cost, qaly = economics.delta_cost, economics.delta_qaly
    if qaly > 0 and cost <= 0:
        return _("Membership dominates: it costs less and gains more QALYs.")
    if qaly <= 0 and cost >= 0:
        return _("Membership is dominated: it costs more and gains no QALYs.")
    if qaly < 0:
        return _("%(icer)s saved per QALY lost") % {"icer": money(economics.icer)}
    return _("%(icer)s per QALY gained") % {"icer": money(economics.icer)}


def economics_rows(
    economics: EconomicEvaluation, thresholds: Sequence[float]
) -> list[dict[str, str]]:
    rows = [
        _row(
            _("Incremental cost per person"),
            money(economics.delta_cost),
            money_interval(*economics.interval("delta_cost")),
        ),
        _row(
            _("Incremental QALYs per person"),
            number(economics.delta_qaly, 4),
            interval(*economics.interval("delta_qaly"), 4),
        ),
        _row(
            _("Violent incidents averted per person"),
            number(economics.incidents_averted, 2),
            interval(*economics.interval("incidents_averted"), 2),
        ),
        _row(_("Incremental cost-effectiveness ratio (ICER)"), verdict(economics), ""),
        _row(_("Incremental cost per violent incident averted"), per_incident(economics), ""),
    ]
    curve = economics.ceac(list(thresholds)).set_index("wtp")
    for wtp in thresholds:
        rows.extend(_threshold_rows(economics, wtp, curve))
    return rows


def _row(label: str, value: str, ci: str) -> dict[str, str]:
    return {"label": label, "value": value, "ci": ci}


def per_incident(economics: EconomicEvaluation) -> str:
    if economics.incidents_averted <= 0:
        return _("not applicable: no incidents averted on average")
    return money(economics.delta_cost / economics.incidents_averted)


def _threshold_rows(economics: EconomicEvaluation, wtp: float, curve: Any) -> list[dict[str, str]]:
    at = {"threshold": money(wtp)}
    return [
        _row(
            _("Net monetary benefit at %(threshold)s per QALY") % at,
            money(economics.inmb(wtp)),
            money_interval(*inmb_interval(economics, wtp)),
        ),
        _row(
            _("Probability cost-effective at %(threshold)s per QALY") % at,
            f"{100 * curve.loc[wtp, 'p_cost_effective']:.1f}%",
            "",
        ),
        _row(
            _("Expected value of perfect information per person at %(threshold)s") % at,
            money(curve.loc[wtp, "evpi"], 2),
            "",
        ),
    ]


def quadrant_rows(economics: EconomicEvaluation) -> list[dict[str, str]]:
    cost, qaly = economics.replicates[:, 0], economics.replicates[:, 1]
    quadrants = [
        (_("Costs more, more effective"), (cost >= 0) & (qaly > 0)),
        (_("Costs less, more effective"), (cost < 0) & (qaly > 0)),
        (_("Costs more, not more effective"), (cost >= 0) & (qaly <= 0)),
        (_("Costs less, not more effective"), (cost < 0) & (qaly <= 0)),
    ]
    return [
        {"label": label, "share": f"{100 * float(hits.mean()):.1f}%"} for label, hits in quadrants
    ]


def ceac_rows(economics: EconomicEvaluation, extra: float | None, top: float) -> list[Any]:
    grid = sorted({*np.arange(0.0, top + 1.0, CEAC_STEPS).tolist(), *([extra] if extra else [])})
    curve = economics.ceac(grid)
    return [
        {
            "wtp": money(row.wtp),
            "probability": f"{100 * row.p_cost_effective:.1f}%",
            "evpi": money(row.evpi, 2),
            "chosen": extra is not None and row.wtp == extra,
        }
        for row in curve.itertuples()
    ]


# --- costs ----------------------------------------------------------------------------------


def unit_money(value: Decimal) -> str:
    """£0.04, £0.001, £24.24: at least pence, more places only where the price has them."""
    text = f"{value.normalize():f}"
    whole, _dot, places = text.partition(".")
    return f"£{int(whole):,}.{places.ljust(2, '0')}"


def quantity(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


def cost_sections(table: CostTable) -> list[dict[str, Any]]:
    return [
        {
            "title": section.title,
            "subtotal": money(section.subtotal, 2),
            "lines": [
                {
                    "label": line.label,
                    "quantity": money(line.quantity, 2)
                    if line.is_rate
                    else quantity(line.quantity),
                    "unit": line.unit,
                    "unit_cost": f"{plain(line.unit_cost * 100)}%"
                    if line.is_rate
                    else unit_money(line.unit_cost),
                    "total": money(line.total, 2),
                    "basis": line.basis,
                }
                for line in section.lines
            ],
        }
        for section in table.sections
    ]


def cost_totals(table: CostTable) -> dict[str, str]:
    return {
        "cost_total": money(table.total, 2),
        "cost_members": f"{table.counts.members:,}",
        "cost_per_member": money(table.per_member, 2),
        "cost_per_member_month": money(table.per_member_month, 2),
        "cost_per_member_horizon": money(table.per_member_horizon, 2),
    }


def cost_rate_rows(table: CostTable) -> list[dict[str, str]]:
    return [
        {
            "label": row["label"],
            "salary": money(row["salary"]),
            "on_costs": f"{row['on_costs']}%",
            "hours": f"{row['hours']:,}",
            "hourly": unit_money(row["hourly"]),
        }
        for row in rate_rows(table.inputs)
    ]


# --- charts -----------------------------------------------------------------------------------


def chart_uris(report: EvaluationReport) -> dict[str, str]:
    """The four charts as data URIs, kept with the result (per language, for the labels)."""
    key = f"{report.cache_key}:charts:{get_language()}"
    found = cache.get(key)
    if found is None:
        found = draw_charts(report.evaluation)
        cache.set(key, found, CACHE_SECONDS)
    return dict(found)


def draw_charts(evaluation: Evaluation) -> dict[str, str]:
    svgs = {"flow": charts.flow_diagram(flow_figures(evaluation))}
    svgs["outcomes"] = charts.outcome_change(outcome_figures(evaluation))
    economics = evaluation.economics
    if economics is not None:
        thresholds = evaluation.parameters.thresholds
        svgs["plane"] = charts.ce_plane(
            economics.replicates[:, [1, 0]],
            thresholds,
            point=(economics.delta_qaly, economics.delta_cost),
        )
        svgs["ceac"] = charts.ceac(
            economics.ceac(evaluation.parameters.wtp_grid), thresholds=thresholds
        )
    return {name: charts.data_uri(svg) for name, svg in svgs.items()}


def flow_figures(evaluation: Evaluation) -> dict[str, dict[str, str]]:
    return {
        str(ARM_LABELS[arm]): {stage: suppress(n) for stage, n in evaluation.flow[arm].items()}
        for arm in ARMS
    }


def outcome_figures(
    evaluation: Evaluation,
) -> dict[str, dict[str, tuple[float | None, float | None]]]:
    return {
        str(SHORT_LABELS[outcome]): {
            str(ARM_LABELS[arm]): tuple(  # type: ignore[misc]
                None if is_suppressed(n) else mean for n, mean in evaluation.means[outcome][arm]
            )
            for arm in ARMS
        }
        for outcome in evaluation.outcomes
    }


def pdf_cache_key(context: dict[str, Any]) -> str:
    """The PDF depends on the result, today's cost counts, the study, language and threshold."""
    report = context["report"]
    parts = (report.cache_key, report.costs, report.source, context["extra_wtp"])
    named = (get_language(), Organisation.current().name)
    digest = hashlib.sha256(repr((parts, named)).encode()).hexdigest()[:32]
    return f"{report.cache_key}:pdf:{digest}"


# --- everything for the template ---------------------------------------------------------------


def context(report: EvaluationReport, extra_wtp: float | None = None) -> dict[str, Any]:
    evaluation = report.evaluation
    economics = evaluation.economics
    thresholds = list(evaluation.parameters.thresholds)
    if extra_wtp is not None and extra_wtp not in thresholds:
        thresholds.append(extra_wtp)
    return {
        "report": report,
        "source": report.source,
        "evaluation": evaluation,
        "sections": SECTIONS,
        "captions": CAPTIONS,
        "arm_labels": [ARM_LABELS[arm] for arm in ARMS],
        "arm_headings": arm_headings(evaluation),
        "flow_rows": flow_rows(evaluation),
        "not_yet_due": suppress(report.source.not_yet_due) if report.source.not_yet_due else "",
        "baseline_rows": baseline_rows(evaluation.table1),
        "means_rows": means_rows(evaluation),
        "effect_headings": list(METHOD_LABELS.values()),
        "effect_rows": effect_rows(evaluation),
        "odds_ratio": odds_ratio_text(evaluation),
        "sensitivity_rows": sensitivity_rows(evaluation),
        "tipping_points": tipping_points(evaluation),
        "costs": report.costs,
        "rate_rows": cost_rate_rows(report.costs),
        "cost_sections": cost_sections(report.costs),
        **cost_totals(report.costs),
        "economics": economics,
        "economics_rows": economics_rows(economics, thresholds) if economics else [],
        "quadrant_rows": quadrant_rows(economics) if economics else [],
        "ceac_rows": ceac_rows(economics, extra_wtp, evaluation.parameters.wtp_max)
        if economics
        else [],
        "charts": chart_uris(report),
        "summary": summary_points(report),
        "methods": methods_paragraphs(report),
        "cheers": cheers_items(),
        "extra_wtp": extra_wtp,
    }
