"""Reads for the evaluation report: which studies, their data, the service's activity, results.

The full analysis takes a few seconds (MICE with 20 imputations, 5,000 bootstrap replicates),
so it is computed on the first request and kept in the cache under the study and a digest of
everything it depends on: the export's contents and the analysis parameters. Any change to
those makes a new key, so a stale result is never shown; seeds are fixed, so a result evicted
from the cache is recomputed identically. The programme cost per member (from the cost table,
which moves with the service's activity while a study is open) is not in the key: the analysis
runs without it and it is added to the kept result on each view, which is exact.

The URLconf loads this module in every process, so the analysis (statsmodels, scipy, pandas:
seconds to import) is imported only when a report is asked for.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.accounts.models import MemberProfile
from redbrolly.insights.costs import CostInputs, CostTable, ServiceCounts, cost_table
from redbrolly.insights.models import CostAssumptions
from redbrolly.lib.periods import period_bounds
from redbrolly.notify.models import Delivery

if TYPE_CHECKING:
    import pandas as pd

    from redbrolly.insights.evaluation import Evaluation, Parameters

logger = logging.getLogger("redbrolly.insights")

# Bump when the analysis code changes what it computes, so cached results are not reused.
ANALYSIS_VERSION = "1"
CACHE_SECONDS = 7 * 24 * 3600
# Empty in production: the full analysis. Tests set fewer imputations and replicates, which
# change the numbers and the methods text but not the page or the PDF.
PARAMETERS_OVERRIDE: dict[str, Any] = {}
# The research app's default recruitment targets: 150 members and 150 non-members.
DEMO_PARTICIPANTS = 300
DEMO_SEED = 2024
DEMO_DAYS = 365
SENT = (Delivery.Status.SENT, Delivery.Status.DELIVERED)
ALERT_SOURCE = "alerts.alert"


@dataclass(frozen=True)
class StudySource:
    """A study the report can describe; `pk` None is the simulated demonstration cohort."""

    pk: int | None
    title: str
    start: date
    end: date
    simulated: bool
    reason: str = ""
    not_yet_due: int = 0

    @property
    def key(self) -> str:
        return "simulated" if self.pk is None else f"study-{self.pk}"


def study_model() -> Any:
    try:
        from redbrolly.research.models import Study
    except ImportError:
        return None
    return Study


def export_function() -> Callable[[Any], pd.DataFrame] | None:
    """The research app's long export of a study (its analysis dataset), when it offers one."""
    try:
        from redbrolly.research.datasets import build
    except ImportError:
        return None
    return lambda study: build(study).long


def study_sources() -> list[StudySource]:
    """Every study, newest first; the simulated cohort when there is none."""
    model = study_model()
    studies = list(model.objects.order_by("-created_at", "-pk")) if model else []
    return [source_for(study) for study in studies] or [simulated_source()]


def study_source(pk: int | None) -> StudySource | None:
    """One study by id, or the default (the newest study, else the simulated cohort)."""
    if pk is None:
        return study_sources()[0]
    model = study_model()
    study = model.objects.filter(pk=pk).first() if model else None
    return None if study is None else source_for(study)


def source_for(study: Any) -> StudySource:
    start = (study.recruiting_since or study.created_at).date()
    end = study.closed_at.date() if study.closed_at else timezone.localdate()
    reason = "" if export_function() else _("the research app offers no long export yet")
    return StudySource(study.pk, study.title, start, max(start, end), bool(reason), reason)


def simulated_source() -> StudySource:
    end = timezone.localdate()
    return StudySource(
        None,
        _("Simulated cohort"),
        end - timedelta(days=DEMO_DAYS - 1),
        end,
        True,
        _("no study has been set up"),
    )


def simulated_export() -> pd.DataFrame:
    from redbrolly.research.analysis.simulate import simulate_cohort

    return simulate_cohort(DEMO_PARTICIPANTS, seed=DEMO_SEED)


def long_export(source: StudySource) -> tuple[StudySource, pd.DataFrame]:
    """The cohort's long export, or the simulated one standing in when it cannot be used.

    A study with no answers yet (or only one arm) cannot be compared; the report then runs on
    the simulated cohort and says why, rather than failing.
    """
    export = export_function()
    if source.simulated or export is None or source.pk is None:
        return source, simulated_export()
    long, not_due = without_follow_up_to_come(export(study_model().objects.get(pk=source.pk)))
    problem = export_problem(long)
    if problem:
        reason = _("the study's export cannot be analysed yet: %(problem)s") % {"problem": problem}
        return replace(source, simulated=True, reason=reason), simulated_export()
    return replace(source, not_yet_due=not_due), long


def without_follow_up_to_come(long: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Participants whose follow-up window has not opened are not missing, just early: they
    are left out (and counted) rather than imputed as if lost."""
    if "wave_due" not in long.columns or "wave" not in long.columns:
        return long, 0
    early = long.loc[(long["wave"] == 1) & (long["wave_due"] == 0), "participant"]
    return long[~long["participant"].isin(set(early))].reset_index(drop=True), early.nunique()


def export_problem(long: pd.DataFrame) -> str:
    """Why the export cannot be compared by arm and wave, or "" when it can."""
    from redbrolly.research.analysis.panel import (
        AnalysisInputError,
        post_indicator,
        require_columns,
        treated_indicator,
    )

    try:
        require_columns(long, ["participant", "arm", "wave"])
        treated_indicator(long["arm"], "arm")
        post_indicator(long["wave"], "wave")
    except AnalysisInputError as exc:
        return str(exc)
    return ""


# --- the service's own activity and costs ------------------------------------------------------


def service_counts(start: date, end: date) -> ServiceCounts:
    """What the organisation's records say happened between two dates, inclusive."""
    begin, until = period_bounds(start, end)
    minutes, logged, labels = casework_minutes(start, end)
    return ServiceCounts(
        start=start,
        end=end,
        casework_minutes=minutes,
        casework_logged=logged,
        activity_labels=labels,
        reports_moderated=reports_moderated(start, end),
        alerts_published=alerts_published(begin, until),
        deliveries=deliveries_by_channel(begin, until),
        members=approved_members(until),
    )


def casework_minutes(start: date, end: date) -> tuple[dict[str, int], bool, dict[str, str]]:
    """Minutes per activity from casework's time log, and whether that log exists."""
    try:
        from redbrolly.casework.selectors import minutes_by_activity
    except ImportError:
        return {}, False, {}
    return dict(minutes_by_activity(start, end)), True, activity_labels()


def activity_labels() -> dict[str, str]:
    try:
        from redbrolly.casework.models import TimeEntry
    except ImportError:
        return {}
    return {str(value): str(label) for value, label in TimeEntry.Activity.choices}


def reports_moderated(start: date, end: date) -> int:
    """Reports received in the period that a moderator has moved on from "new"."""
    from redbrolly.reports.models import Report

    received = Report.objects.filter(submitted_on__gte=start, submitted_on__lte=end)
    return received.exclude(status=Report.Status.NEW).count()


def alerts_published(begin: datetime, until: datetime) -> int:
    """Alerts that were sent: distinct alerts among the period's deliveries."""
    sent = Delivery.objects.filter(
        source_type=ALERT_SOURCE, created_at__gte=begin, created_at__lt=until
    )
    return sent.values("source_id").distinct().count()


def deliveries_by_channel(begin: datetime, until: datetime) -> dict[str, int]:
    rows = (
        Delivery.objects.filter(status__in=SENT, created_at__gte=begin, created_at__lt=until)
        .values("channel")
        .annotate(n=Count("pk"))
        .order_by("channel")
    )
    return {row["channel"]: row["n"] for row in rows}


def approved_members(until: datetime) -> int:
    profiles = MemberProfile.objects.filter(status=MemberProfile.Status.APPROVED)
    return profiles.filter(applied_at__lt=until).count()


def costs_for(source: StudySource) -> CostTable:
    assumptions = CostAssumptions.load()
    inputs = CostInputs.from_model(assumptions)
    return cost_table(service_counts(source.start, source.end), inputs)


# --- the analysis, cached ----------------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationReport:
    source: StudySource
    costs: CostTable
    evaluation: Evaluation
    cache_key: str


def report_for(source: StudySource, parameters: Parameters | None = None) -> EvaluationReport:
    """The study's costs (counted now) and its evaluation (from the cache when current)."""
    # Imported here: statsmodels and scipy take seconds to load, and every process loads
    # the URLconf (and so this module) whether or not anyone opens the report.
    from redbrolly.insights.evaluation import Parameters, evaluate_cohort

    params = parameters or Parameters(**PARAMETERS_OVERRIDE)
    costs = costs_for(source)
    source, long = long_export(source)
    # Simulated costs already hold a programme cost, so the cost table does not enter them.
    programme_cost = Decimal("0") if source.simulated else costs.per_member_horizon or Decimal(0)
    key = cache_key(source, long, params)
    analysed = cache.get(key)
    if analysed is None:
        # Without the programme cost, which moves with every report and alert of an open
        # study: it is added afterwards, exactly (Evaluation.with_programme_cost).
        analysed = evaluate_cohort(
            long, programme_cost=0.0, programme_cost_in_data=source.simulated, parameters=params
        )
        cache.set(key, analysed, CACHE_SECONDS)
        logger.info("evaluation computed for %s in %.1f s", source.key, analysed.elapsed_seconds)
    evaluation = analysed.with_programme_cost(float(programme_cost))
    return EvaluationReport(source, costs, evaluation, f"{key}:{programme_cost}")


def cache_key(source: StudySource, long: pd.DataFrame, params: Parameters) -> str:
    import pandas as pd

    from redbrolly.insights.evaluation import ANALYSED_COLUMNS, Evaluation

    # Only what the analysis reads, with participants as 0, 1, 2... in export order: the
    # results do not depend on the pseudonyms, only on which rows belong together.
    # Rows sorted first: PostgreSQL returns the export in no fixed order.
    long = long.sort_values(["participant", "wave"], kind="mergesort", ignore_index=True)
    read = long[[column for column in ANALYSED_COLUMNS if column in long.columns]]
    read = read.assign(participant=pd.factorize(long["participant"])[0])
    digest = hashlib.sha256()
    digest.update(pd.util.hash_pandas_object(read, index=False).to_numpy().tobytes())
    shape = [field.name for field in fields(Evaluation)]
    digest.update(repr((list(read.columns), params, shape)).encode())
    # Every study that falls back to simulated data shares the one simulated result.
    name = "simulated" if source.simulated else source.key
    return f"insights:evaluation:{ANALYSIS_VERSION}:{name}:{digest.hexdigest()[:32]}"
