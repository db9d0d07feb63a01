"""Reads for the research app: studies for researchers, a participant's next step, the dashboard.

Researchers hold `research.run_study`; the views check it. Participants are found only through
their session, their token or a signed link, never by an id in a URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404, HttpRequest
from django.utils import timezone

from redbrolly.research.instruments.model import Instrument
from redbrolly.research.models import (
    Arm,
    EligibilityScreen,
    FollowUp,
    IncentivePayment,
    InstrumentResponse,
    Participant,
    Study,
    StudyInstrument,
    WaveResponse,
)
from redbrolly.research.questionnaires import resolve_instrument
from redbrolly.research.services import token_index

SESSION_KEY = "research_participants"


RUN_STUDY = "research.run_study"


def studies_for(user: Any, perm: str = RUN_STUDY) -> QuerySet[Study]:
    """Every study, for people who run (or export) studies; nothing for anyone else."""
    if not (user.is_authenticated and user.is_staff_role and user.has_perm(perm)):
        return Study.objects.none()
    return Study.objects.all()


def study_for(user: Any, slug: str, perm: str = RUN_STUDY) -> Study:
    study = studies_for(user, perm).filter(slug=slug).first()
    if study is None:
        raise Http404
    return study


def public_study(slug: str) -> Study:
    """A study anyone with the link may open: not drafts."""
    study = Study.objects.exclude(status=Study.Status.DRAFT).filter(slug=slug).first()
    if study is None:
        raise Http404
    return study


def imported_definitions(study: Study) -> dict[str, dict[str, Any]]:
    """The newest import of each instrument a study brought in from an XLSForm."""
    definitions: dict[str, dict[str, Any]] = {}
    for imported in StudyInstrument.objects.filter(study=study).order_by("imported_at", "pk"):
        definitions[imported.instrument_id] = imported.definition
    return definitions


def study_instrument(study: Study, instrument_id: str) -> Instrument:
    return resolve_instrument(instrument_id, imported_definitions(study))


def study_instruments(study: Study, wave: int) -> list[Instrument]:
    imported = imported_definitions(study)
    return [resolve_instrument(i, imported) for i in study.instruments_for(wave)]


# --- participants ------------------------------------------------------------------------------


def participant_from_session(request: HttpRequest, study: Study) -> Participant | None:
    pk = request.session.get(SESSION_KEY, {}).get(str(study.pk))
    if pk is None:
        return None
    return Participant.objects.filter(study=study, pk=pk).select_related("study").first()


def participant_by_token(study: Study, token: str) -> Participant | None:
    return (
        Participant.objects.filter(study=study, token_index=token_index(token))
        .exclude(data_deleted=True)
        .first()
    )


@dataclass(frozen=True)
class Step:
    """Where a participant is: `kind` is answer, membership, waiting, finished, missed,
    withdrawn or closed; for `answer`, the wave and the instrument to show."""

    kind: str
    wave: int | None = None
    instrument: Instrument | None = None
    part: int = 0
    parts: int = 0
    follow_up: FollowUp | None = None


def next_step(participant: Participant, today: date | None = None) -> Step:
    today = today or timezone.localdate()
    study = participant.study
    if not participant.is_active:
        return Step("withdrawn")
    if not study.is_open:
        return Step("closed")
    waves = {w.wave: w for w in WaveResponse.objects.filter(participant=participant)}
    if waves.get(0) is None or waves[0].completed_at is None:
        return _answer_step(study, waves.get(0), 0)
    return _follow_up_step(participant, waves.get(1), today)


def _follow_up_step(participant: Participant, wave: WaveResponse | None, today: date) -> Step:
    follow_up = FollowUp.objects.filter(participant=participant, wave=1).first()
    if follow_up is None or follow_up.done_at is not None:
        return Step("finished", follow_up=follow_up)
    if today < follow_up.opens_on:
        return Step("waiting", follow_up=follow_up)
    if today > follow_up.closes_on:
        return Step("missed", follow_up=follow_up)
    if wave is None:
        return Step("membership", wave=1, follow_up=follow_up)
    return _answer_step(participant.study, wave, 1, follow_up)


def _answer_step(
    study: Study, wave: WaveResponse | None, number: int, follow_up: FollowUp | None = None
) -> Step:
    instruments = study_instruments(study, number)
    done = set()
    if wave is not None:
        done = set(
            InstrumentResponse.objects.filter(wave_response=wave, complete=True).values_list(
                "instrument_id", flat=True
            )
        )
    for part, instrument in enumerate(instruments, start=1):
        if instrument.id not in done:
            return Step("answer", number, instrument, part, len(instruments), follow_up)
    return Step("finished", follow_up=follow_up)


def saved_answers(wave: WaveResponse, instrument_id: str) -> dict[str, Any]:
    response = InstrumentResponse.objects.filter(
        wave_response=wave, instrument_id=instrument_id
    ).first()
    return response.answers if response else {}


# --- the researchers' dashboard ---------------------------------------------------------------


@dataclass
class ArmSummary:
    arm: str
    label: str
    target: int
    enrolled: int = 0
    withdrawn: int = 0
    baseline_complete: int = 0
    follow_up_open: int = 0
    follow_up_complete: int = 0
    joined_since: int = 0

    @property
    def recruited_percent(self) -> int:
        return round(100 * self.enrolled / self.target) if self.target else 0

    @property
    def retention_percent(self) -> int | None:
        """Follow-ups completed out of those whose window has opened."""
        if not self.follow_up_open:
            return None
        return round(100 * self.follow_up_complete / self.follow_up_open)


@dataclass
class Dashboard:
    arms: list[ArmSummary]
    screened: int
    eligible: int
    overdue: list[FollowUp]
    lost: int
    incentives_paid: int
    incentives_paid_pence: int
    incentives_waiting: int
    totals: ArmSummary = field(init=False)

    @property
    def incentives_paid_pounds(self) -> str:
        return f"£{self.incentives_paid_pence / 100:,.2f}"

    def __post_init__(self) -> None:
        self.totals = ArmSummary("all", "", sum(arm.target for arm in self.arms))
        for name in ("enrolled", "withdrawn", "baseline_complete", "follow_up_open"):
            setattr(self.totals, name, sum(getattr(arm, name) for arm in self.arms))
        self.totals.follow_up_complete = sum(arm.follow_up_complete for arm in self.arms)
        self.totals.joined_since = sum(arm.joined_since for arm in self.arms)


def dashboard(study: Study, today: date | None = None) -> Dashboard:
    """Counts only: recruitment, retention, overdue follow-ups, incentives. No answers."""
    today = today or timezone.localdate()
    screens = EligibilityScreen.objects.filter(study=study).aggregate(
        screened=Count("pk"), eligible=Count("pk", filter=Q(eligible=True))
    )
    payments = IncentivePayment.objects.filter(wave_response__participant__study=study)
    paid = payments.aggregate(count=Count("pk"), pence=Sum("amount_pence"))
    return Dashboard(
        arms=_arm_summaries(study, today),
        screened=screens["screened"],
        eligible=screens["eligible"],
        overdue=list(
            FollowUp.objects.overdue_on(today)
            .filter(participant__study=study)
            .select_related("participant")
            .order_by("due_on")
        ),
        lost=FollowUp.objects.pending()
        .filter(participant__study=study, closes_on__lt=today)
        .count(),
        incentives_paid=paid["count"],
        incentives_paid_pence=paid["pence"] or 0,
        incentives_waiting=completed_waves(study).filter(incentive__isnull=True).count(),
    )


def _arm_summaries(study: Study, today: date) -> list[ArmSummary]:
    rows = (
        Participant.objects.filter(study=study)
        .values("arm")
        .annotate(
            enrolled=Count("pk", distinct=True),
            withdrawn=Count("pk", filter=Q(status=Participant.Status.WITHDRAWN), distinct=True),
            baseline_complete=Count(
                "waves", filter=Q(waves__wave=0, waves__completed_at__isnull=False)
            ),
        )
    )
    summaries = {
        arm: ArmSummary(arm, str(label), study.target_for(arm)) for arm, label in Arm.choices
    }
    for row in rows:
        summary = summaries[row["arm"]]
        summary.enrolled, summary.withdrawn = row["enrolled"], row["withdrawn"]
        summary.baseline_complete = row["baseline_complete"]
    _add_follow_up_counts(study, today, summaries)
    return list(summaries.values())


def _add_follow_up_counts(study: Study, today: date, summaries: dict[str, ArmSummary]) -> None:
    follow_ups = (
        FollowUp.objects.filter(participant__study=study, opens_on__lte=today)
        .exclude(participant__data_deleted=True)
        .values("participant__arm")
        .annotate(opened=Count("pk"), done=Count("pk", filter=Q(done_at__isnull=False)))
    )
    for row in follow_ups:
        summary = summaries[row["participant__arm"]]
        summary.follow_up_open, summary.follow_up_complete = row["opened"], row["done"]
    joined = (
        WaveResponse.objects.filter(participant__study=study, wave=1, arm_now=Arm.MEMBER)
        .filter(participant__arm=Arm.NON_MEMBER)
        .count()
    )
    summaries[Arm.NON_MEMBER].joined_since = joined


def completed_waves(study: Study) -> QuerySet[WaveResponse]:
    return WaveResponse.objects.filter(
        participant__study=study, completed_at__isnull=False
    ).select_related("participant")
