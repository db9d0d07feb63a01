"""The report's words: summary, methods written from what was run, and the CHEERS checklist.

Every figure in the methods comes from the run itself (sizes, imputations, replicates, seeds,
thresholds, covariates, software versions), so the text cannot drift from the analysis.
"""

from __future__ import annotations

from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from redbrolly.core.models import Organisation
from redbrolly.insights.evaluation import ARMS, Evaluation
from redbrolly.insights.labels import (
    DIGITS,
    OUTCOME_LABELS,
    SECTIONS,
    VARIABLE_LABELS,
    interval,
    money,
    number,
)
from redbrolly.insights.selectors import DEMO_SEED
from redbrolly.insights.suppression import percentage, suppress

CITATIONS = {
    "austin": "Austin PC. Stat Med 2009;28:3083-107.",
    "yang": "Yang D, Dalton JE. SAS Global Forum 2012, paper 335.",
    "manca": "Manca A, Hawkins N, Sculpher MJ. Health Econ 2005;14:487-96.",
    "schomaker": "Schomaker M, Heumann C. Stat Med 2018;37:2252-66.",
    "barnard": "Barnard J, Rubin DB. Biometrika 1999;86:948-55.",
    "bang": "Bang H, Robins JM. Biometrics 2005;61:962-73.",
    "cheers": "Husereau D, et al. BMJ 2022;376:e067975.",
}


def _listing(names: list[str]) -> str:
    labels = [str(VARIABLE_LABELS.get(name, name)).lower() for name in names]
    return ", ".join(labels) if labels else _("nothing")


def summary_points(report: Any) -> list[str]:
    evaluation: Evaluation = report.evaluation
    points = []
    if report.source.simulated:
        points.append(
            _(
                "These figures come from simulated data (%(reason)s). They show how the report "
                "reads and say nothing about the service."
            )
            % {"reason": report.source.reason}
        )
    points.append(_participants_point(evaluation))
    points.extend(_outcome_points(evaluation))
    points.append(_cost_point(report))
    if evaluation.economics is not None:
        points.append(_economics_point(evaluation))
    return points


def _participants_point(evaluation: Evaluation) -> str:
    followed = sum(evaluation.flow[arm]["followed_up"] for arm in ARMS)
    baseline = sum(evaluation.flow[arm]["baseline"] for arm in ARMS)
    return _(
        "%(n)s people took part (%(members)s members, %(others)s non-members); %(followed)s "
        "(%(share)s) answered again at six months."
    ) % {
        "n": suppress(evaluation.n_participants),
        "members": suppress(evaluation.flow["member"]["enrolled"]),
        "others": suppress(evaluation.flow["non_member"]["enrolled"]),
        "followed": suppress(followed),
        "share": percentage(followed, baseline),
    }


def _outcome_points(evaluation: Evaluation) -> list[str]:
    points = []
    for outcome in evaluation.outcomes:
        effect = evaluation.effect(outcome, "aipw")
        if effect is None or effect.estimate is None:
            continue
        digits = DIGITS.get(outcome, 2)
        points.append(
            _(
                "%(outcome)s: change among members minus change among non-members "
                "%(estimate)s (95%% CI %(ci)s)."
            )
            % {
                "outcome": OUTCOME_LABELS[outcome],
                "estimate": number(effect.estimate, digits),
                "ci": interval(effect.ci_low, effect.ci_high, digits),
            }
        )
    return points


def _cost_point(report: Any) -> str:
    costs = report.costs
    return _(
        "Running the service cost %(total)s over the study period: %(per_member)s per member, "
        "%(horizon)s per member over six months."
    ) % {
        "total": money(costs.total),
        "per_member": money(costs.per_member, 2),
        "horizon": money(costs.per_member_horizon, 2),
    }


def _economics_point(evaluation: Evaluation) -> str:
    economics = evaluation.economics
    assert economics is not None
    curve = economics.ceac(list(evaluation.parameters.thresholds))
    chances = ", ".join(
        _("%(p)s at %(wtp)s") % {"p": f"{100 * row.p_cost_effective:.0f}%", "wtp": money(row.wtp)}
        for row in curve.itertuples()
    )
    return _(
        "Per person, membership cost %(cost)s more and gained %(qaly)s QALYs; the chance it is "
        "cost-effective is %(chances)s per QALY."
    ) % {
        "cost": money(economics.delta_cost),
        "qaly": number(economics.delta_qaly, 4),
        "chances": chances,
    }


# --- methods ----------------------------------------------------------------------------------


def methods_paragraphs(report: Any) -> list[dict[str, str]]:
    return [
        {"title": _("Data"), "text": _data_text(report)},
        {"title": _("Comparison at baseline"), "text": _baseline_text()},
        {"title": _("Outcomes"), "text": _outcomes_text(report.evaluation)},
        {"title": _("Missing follow-up"), "text": _missing_text(report.evaluation)},
        {"title": _("Costs"), "text": _costs_text(report)},
        {"title": _("Economic evaluation"), "text": _economics_text(report)},
        {"title": _("Small numbers"), "text": _small_numbers_text()},
        {"title": _("Limitations"), "text": _limitations_text()},
        {"title": _("Software and reproducibility"), "text": _software_text(report.evaluation)},
    ]


def _period(report: Any) -> str:
    return _("%(start)s to %(end)s") % {
        "start": date_format(report.source.start, "j F Y"),
        "end": date_format(report.source.end, "j F Y"),
    }


def _data_text(report: Any) -> str:
    evaluation = report.evaluation
    text = _(
        "Study: %(title)s, %(period)s. The cohort export holds %(n)s participants: "
        "%(members)s enrolled as members of %(org)s and %(others)s who were not members, "
        "each asked at baseline and six months later."
    ) % {
        "title": report.source.title,
        "period": _period(report),
        "n": suppress(evaluation.n_participants),
        "members": suppress(evaluation.flow["member"]["enrolled"]),
        "others": suppress(evaluation.flow["non_member"]["enrolled"]),
        "org": Organisation.current().name,
    }
    if report.source.simulated:
        text += " " + _(
            "No cohort export could be used (%(reason)s), so the analysis ran on a simulated "
            "cohort of the same shape (research.analysis.simulate, seed %(seed)s)."
        ) % {"reason": report.source.reason, "seed": DEMO_SEED}
    return str(text)


def _baseline_text() -> str:
    return _(
        "Table 1 describes the arms at baseline. Standardised differences (members minus "
        "non-members) use the pooled standard deviation for numbers and proportions (%(austin)s) "
        "and the multivariate form for variables with several categories (%(yang)s); an "
        "absolute difference above 0.1 is marked as an imbalance."
    ) % {"austin": CITATIONS["austin"], "yang": CITATIONS["yang"]}


def _outcomes_text(evaluation: Evaluation) -> str:
    params = evaluation.parameters
    return _(
        "Each outcome's change from baseline to six months was compared between arms as "
        "enrolled (intention to treat) in four ways. Headline: a doubly robust estimate "
        "(augmented inverse probability weighting, %(bang)s) with models for membership, for "
        "answering at six months and for the change, each using %(covariates)s and the "
        "baseline values of any violence, depression and the outcome itself; it stays "
        "consistent if either the membership-and-response models or the outcome model is "
        "right, and it adjusts for people joining when distressed or recently hurt, which the "
        "other methods do not. Alongside: the change-score regression on %(m)s data sets "
        "completed by multiple imputation by chained equations (predictive mean matching), "
        "pooled by Rubin's rules with Barnard-Rubin degrees of freedom (%(barnard)s); the same "
        "regression on complete cases; and the difference-in-differences regression adjusted "
        "for %(covariates)s with standard errors clustered by participant. For any violence a "
        "logistic GEE (exchangeable correlation, robust standard errors) gives an odds ratio."
    ) % {
        "bang": CITATIONS["bang"],
        "covariates": _listing(evaluation.covariates),
        "m": params.m,
        "barnard": CITATIONS["barnard"],
    }


def _missing_text(evaluation: Evaluation) -> str:
    lost = sum(evaluation.flow[arm]["lost"] for arm in ARMS)
    baseline = sum(evaluation.flow[arm]["baseline"] for arm in ARMS)
    fmi = ", ".join(
        f"{OUTCOME_LABELS[o]} {value:.2f}"
        for o, value in evaluation.fmi.items()
        if o in OUTCOME_LABELS
    )
    return _(
        "%(lost)s of %(baseline)s participants (%(share)s) did not answer at six months. The "
        "imputation assumes their answers are missing at random given arm, %(covariates)s and "
        "every baseline answer. Fraction of missing information: %(fmi)s. Table 4 shifts the "
        "imputed six-month values of members lost to follow-up by a fixed amount (delta "
        "adjustment) to show how far they would have to differ before the conclusion changes."
    ) % {
        "lost": suppress(lost),
        "baseline": suppress(baseline),
        "share": percentage(lost, baseline),
        "covariates": _listing(evaluation.covariates),
        "fmi": fmi or "-",
    }


def _costs_text(report: Any) -> str:
    costs = report.costs
    counts = costs.counts
    text = _(
        "Costs are the organisation's own, counted from its records for %(period)s "
        "(%(days)s days): casework time from the caseworkers' time log, reports moderated and "
        "alerts sent, text messages and emails sent, priced with the cost assumptions the "
        "organisation keeps (salaries with on-costs per role, minutes per report and per "
        "alert, overheads, message and platform prices; Tables 5 and 6). The total is divided "
        "by the %(members)s approved members and scaled to the six months between the "
        "questionnaires: %(horizon)s per member. Prices are in pounds sterling at the "
        "assumptions' current values; nothing is converted or inflated."
    ) % {
        "period": _period(report),
        "days": counts.days,
        "members": f"{counts.members:,}",
        "horizon": money(costs.per_member_horizon, 2),
    }
    if not counts.casework_logged:
        text += " " + _("The casework time log was not available, so casework time is missing.")
    return str(text)


def _economics_text(report: Any) -> str:
    evaluation = report.evaluation
    params = evaluation.parameters
    text = _(
        "A cost-utility and cost-effectiveness analysis within the cohort, members against "
        "non-members, over six months (so nothing is discounted), from the perspective of the "
        "organisation and the services participants reported using. QALYs are the area under "
        "the EQ-5D utility curve between the two questionnaires; the QALY difference is adjusted "
        "for baseline utility (%(manca)s) and violent incidents averted for baseline incidents. "
        "Uncertainty: %(boot)s bootstrap replicates, resampling participants within arm with "
        "their costs and outcomes together, spread over the %(m)s imputed data sets and pooled "
        "(%(schomaker)s); intervals are 2.5th to 97.5th percentiles. Net monetary benefit and "
        "the probability of being cost-effective are reported at %(thresholds)s per QALY, the "
        "acceptability curve from %(low)s to %(high)s in steps of %(step)s, and the expected "
        "value of perfect information per person."
    ) % {
        "manca": CITATIONS["manca"],
        "boot": f"{params.n_boot:,}",
        "m": params.m,
        "schomaker": CITATIONS["schomaker"],
        "thresholds": _(" and ").join(money(t) for t in params.thresholds),
        "low": money(0),
        "high": money(params.wtp_max),
        "step": money(params.wtp_step),
    }
    return str(text + " " + _programme_cost_text(report))


def _programme_cost_text(report: Any) -> str:
    evaluation = report.evaluation
    if evaluation.cost_in_data:
        return str(
            _(
                "The simulated cost column already includes a programme cost for members, so "
                "the cost table's figure is shown but not added again."
            )
        )
    if report.costs.per_member_horizon is None:
        return str(
            _(
                "There are no approved members to share the service's cost between, so no "
                "programme cost is added: the comparison counts reported service use only."
            )
        )
    return str(
        _("The programme cost of %(cost)s per member (Table 6) is added to the member arm.")
        % {"cost": money(evaluation.programme_cost, 2)}
    )


def _small_numbers_text() -> str:
    return str(
        _(
            "Counts of fewer than five people are shown as <5, and any percentage or mean "
            "worked out from such a count is withheld (shown as a dash)."
        )
    )


def _limitations_text() -> str:
    return _(
        "Membership was chosen, not randomised: members differed from non-members at baseline "
        "(Table 1), and people who join after being hurt tend to recover whatever they do. "
        "The doubly robust estimate removes differences in what was measured, not in what was "
        "not. Six months is a short horizon for quality of life and costs, and the cohort may "
        "not represent people the organisation does not reach."
    )


def _software_text(evaluation: Evaluation) -> str:
    versions = ", ".join(f"{name} {version}" for name, version in evaluation.versions.items())
    return _(
        "Computed on %(when)s in %(seconds)s seconds with %(versions)s; random seed "
        "%(seed)s (imputation) and %(boot_seed)s (bootstrap). The estimators are tested "
        "against published results."
    ) % {
        "when": date_format(evaluation.computed_at, "j F Y, H:i"),
        "seconds": f"{evaluation.elapsed_seconds:.1f}",
        "versions": versions,
        "seed": evaluation.parameters.seed,
        "boot_seed": evaluation.parameters.seed + 1,
    }


# --- CHEERS 2022 ------------------------------------------------------------------------------

REPORTED, NOT_APPLICABLE, NOT_REPORTED = "reported", "not_applicable", "not_reported"
OUTSIDE = gettext_lazy("for the research team to add to the full report")
CHEERS = [
    (1, gettext_lazy("Title"), REPORTED, "summary", ""),
    (2, gettext_lazy("Abstract"), REPORTED, "summary", ""),
    (3, gettext_lazy("Background and objectives"), REPORTED, "summary", ""),
    (4, gettext_lazy("Health economic analysis plan"), NOT_REPORTED, "", OUTSIDE),
    (5, gettext_lazy("Study population"), REPORTED, "participants", ""),
    (6, gettext_lazy("Setting and location"), REPORTED, "methods", ""),
    (7, gettext_lazy("Comparators"), REPORTED, "methods", ""),
    (8, gettext_lazy("Perspective"), REPORTED, "methods", ""),
    (9, gettext_lazy("Time horizon"), REPORTED, "methods", ""),
    (
        10,
        gettext_lazy("Discount rate"),
        NOT_APPLICABLE,
        "",
        gettext_lazy("the horizon is six months"),
    ),
    (11, gettext_lazy("Selection of outcomes"), REPORTED, "methods", ""),
    (12, gettext_lazy("Measurement of outcomes"), REPORTED, "methods", ""),
    (13, gettext_lazy("Valuation of outcomes"), REPORTED, "methods", ""),
    (14, gettext_lazy("Measurement and valuation of resources and costs"), REPORTED, "costs", ""),
    (15, gettext_lazy("Currency, price date, and conversion"), REPORTED, "methods", ""),
    (
        16,
        gettext_lazy("Rationale and description of model"),
        NOT_APPLICABLE,
        "",
        gettext_lazy("analysis within the cohort; no decision model"),
    ),
    (17, gettext_lazy("Analytics and assumptions"), REPORTED, "methods", ""),
    (
        18,
        gettext_lazy("Characterising heterogeneity"),
        NOT_REPORTED,
        "",
        gettext_lazy("no subgroup analyses were run"),
    ),
    (
        19,
        gettext_lazy("Characterising distributional effects"),
        NOT_REPORTED,
        "",
        gettext_lazy("not analysed"),
    ),
    (20, gettext_lazy("Characterising uncertainty"), REPORTED, "economics", ""),
    (
        21,
        gettext_lazy("Approach to engagement with patients and others affected by the study"),
        NOT_REPORTED,
        "",
        OUTSIDE,
    ),
    (22, gettext_lazy("Study parameters"), REPORTED, "costs", ""),
    (23, gettext_lazy("Summary of main results"), REPORTED, "economics", ""),
    (24, gettext_lazy("Effect of uncertainty"), REPORTED, "economics", ""),
    (
        25,
        gettext_lazy("Effect of engagement with patients and others affected by the study"),
        NOT_REPORTED,
        "",
        OUTSIDE,
    ),
    (
        26,
        gettext_lazy("Study findings, limitations, generalisability, and current knowledge"),
        REPORTED,
        "methods",
        gettext_lazy("limitations only"),
    ),
    (27, gettext_lazy("Source of funding"), NOT_REPORTED, "", OUTSIDE),
    (28, gettext_lazy("Conflicts of interest"), NOT_REPORTED, "", OUTSIDE),
]


def cheers_items() -> list[dict[str, Any]]:
    """The 28 CHEERS 2022 items (Husereau et al., BMJ 2022) and where this report answers each."""
    return [
        {
            "number": number_,
            "item": item,
            "status": status,
            "section": section,
            "section_title": SECTIONS.get(section, ""),
            "note": note,
        }
        for number_, item, status, section, note in CHEERS
    ]
