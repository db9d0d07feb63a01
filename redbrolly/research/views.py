"""Participants' pages: no account needed. The study link leads to eligibility, consent and the
questionnaire; the participant is then known by their session, their code or a signed link.

Nothing here puts the participant's code in a URL, and no page shows answers already given
except the page being answered.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.core.models import Organisation
from redbrolly.lib import audit, ratelimit
from redbrolly.lib.access import member_required, public
from redbrolly.research import selectors, services
from redbrolly.research.forms import ContinueForm, EnrolForm, MembershipForm, WithdrawForm
from redbrolly.research.models import Arm, ConsentForm, Participant, Study, WaveResponse
from redbrolly.research.questionnaires import (
    InstrumentForm,
    form_after,
    is_eligible,
    page_form,
    submit_page,
)

ELIGIBLE_KEY = "research_eligible"
RESUME_LIMITS = [ratelimit.Limit("research.resume", 10, 900)]
# Enough for a project's shared phone at an outreach session; not enough to flood the study.
ENROL_LIMITS = [ratelimit.Limit("research.enrol", 20, 3600)]


def _posted(request: HttpRequest) -> Any:
    """The POST data, or None for a GET: an empty POST is still a submission to validate."""
    return request.POST if request.method == "POST" else None


def remember(request: HttpRequest, participant: Participant) -> None:
    known = dict(request.session.get(selectors.SESSION_KEY, {}))
    known[str(participant.study_id)] = participant.pk
    request.session[selectors.SESSION_KEY] = known


def forget(request: HttpRequest, study: Study) -> None:
    known = dict(request.session.get(selectors.SESSION_KEY, {}))
    known.pop(str(study.pk), None)
    request.session[selectors.SESSION_KEY] = known


def _participant_or_none(request: HttpRequest, study: Study) -> Participant | None:
    participant = selectors.participant_from_session(request, study)
    if participant is None and request.user.is_authenticated:
        participant = _enrolled_member(request, study)
    return participant


def _enrolled_member(request: HttpRequest, study: Study) -> Participant | None:
    """A member who enrolled while signed in is recognised again when signed in."""
    index = services.member_index(study, request.user)
    found = Participant.objects.filter(study=study, member_index=index, data_deleted=False)
    participant = found.select_related("study").first()
    if participant is not None:
        remember(request, participant)
    return participant


@public
def study_home(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.public_study(slug)
    participant = _participant_or_none(request, study)
    consent_form = ConsentForm.objects.filter(study=study).first()
    context = {"study": study, "participant": participant, "consent_form": consent_form}
    return render(request, "research/study.html", context)


@public
def eligibility(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.public_study(slug)
    if _participant_or_none(request, study) is not None:
        return redirect("research:questionnaire", slug=slug)
    if not study.accepts_enrolment:
        return redirect("research:study", slug=slug)
    instrument = selectors.study_instrument(study, study.eligibility_instrument)
    form = page_form(instrument, {}, _posted(request), request.POST.getlist("shown"))
    if request.method == "POST" and form.is_valid():
        outcome = submit_page(instrument, {}, form.shown, form.posted_answers())
        if outcome.complete:
            return _screened(request, study, is_eligible(instrument, outcome.answers))
        form = form_after(instrument, outcome, request.POST)
    return render(request, "research/eligibility.html", {"study": study, "form": form})


def _screened(request: HttpRequest, study: Study, eligible: bool) -> HttpResponse:
    services.eligibility_record(study=study, eligible=eligible)
    if not eligible:
        return render(request, "research/not_eligible.html", {"study": study})
    request.session[ELIGIBLE_KEY] = study.pk
    return redirect("research:consent", slug=study.slug)


@public
def consent(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.public_study(slug)
    consent_form = ConsentForm.objects.filter(study=study).first()
    if request.session.get(ELIGIBLE_KEY) != study.pk or consent_form is None:
        return redirect("research:eligibility", slug=slug)
    if not study.accepts_enrolment:
        return redirect("research:study", slug=slug)
    form = EnrolForm(_posted(request), consent_form=consent_form)
    if request.method == "POST" and form.is_valid() and _may_enrol(request, form):
        enrolment = services.participant_enrol(
            study=study,
            consent_form=consent_form,
            user=request.user,
            contact=form.contact(),
            language=get_language() or "en",
        )
        request.session.pop(ELIGIBLE_KEY, None)
        remember(request, enrolment.participant)
        # Shown in this response only: the code is never stored in clear, even in the session.
        context = {"study": study, "code": services.token_display(enrolment.token)}
        return render(request, "research/your_code.html", context)
    context = {"study": study, "consent_form": consent_form, "form": form}
    return render(request, "research/consent.html", context)


def _may_enrol(request: HttpRequest, form: EnrolForm) -> bool:
    verdict = ratelimit.hit(ENROL_LIMITS, ratelimit.client_address(request))
    if not verdict.allowed:
        form.add_error(None, _("Too many people have joined from here just now. Try later."))
    return verdict.allowed


def _require_participant(request: HttpRequest, slug: str) -> tuple[Study, Participant | None]:
    study = selectors.public_study(slug)
    return study, _participant_or_none(request, study)


@public
def questionnaire(request: HttpRequest, slug: str) -> HttpResponse:
    study, participant = _require_participant(request, slug)
    if participant is None:
        return redirect("research:resume", slug=slug)
    step = selectors.next_step(participant)
    if step.kind == "membership":
        return redirect("research:membership", slug=slug)
    if step.kind != "answer" or step.instrument is None or step.wave is None:
        return redirect("research:participant", slug=slug)
    wave = WaveResponse.objects.select_related("participant__study").get(
        participant=participant, wave=step.wave
    )
    return _answer_page(request, study, wave, step)


def _answer_page(
    request: HttpRequest, study: Study, wave: WaveResponse, step: selectors.Step
) -> HttpResponse:
    instrument = step.instrument
    assert instrument is not None  # next_step gives an instrument with "answer"
    saved = selectors.saved_answers(wave, instrument.id)
    form = page_form(instrument, saved, _posted(request), request.POST.getlist("shown"))
    if request.method == "POST" and form.is_valid():
        later = request.POST.get("action") == "later"
        outcome = submit_page(instrument, saved, form.shown, form.posted_answers())
        services.instrument_answers_save(
            wave_response=wave,
            instrument=instrument,
            answers=outcome.answers,
            complete=outcome.complete,
            instrument_ids=study.instruments_for(wave.wave),
        )
        if later:
            return render(request, "research/saved.html", {"study": study})
        if outcome.complete:
            return redirect("research:questionnaire", slug=study.slug)
        form = form_after(instrument, outcome, request.POST)
    return _render_page(request, wave.participant, step, form)


def _render_page(
    request: HttpRequest, participant: Participant, step: selectors.Step, form: InstrumentForm
) -> HttpResponse:
    context = {
        "study": participant.study,
        "participant": participant,
        "step": step,
        "form": form,
        "questions": form.questions(),
    }
    return render(request, "research/questionnaire.html", context)


@public
def membership(request: HttpRequest, slug: str) -> HttpResponse:
    """At follow-up, membership now: contamination is recorded, not prevented."""
    study, participant = _require_participant(request, slug)
    if participant is None:
        return redirect("research:resume", slug=slug)
    step = selectors.next_step(participant)
    if step.kind != "membership":
        return redirect("research:questionnaire", slug=slug)
    if Arm.MEMBER in (participant.arm, services.arm_of(request.user)):
        services.wave_open(participant=participant, wave=1, arm_now=Arm.MEMBER)
        return redirect("research:questionnaire", slug=slug)
    form = MembershipForm(_posted(request), organisation=Organisation.current().name)
    if request.method == "POST" and form.is_valid():
        joined = form.cleaned_data["joined"] == "yes"
        arm_now = Arm.MEMBER if joined else Arm.NON_MEMBER
        services.wave_open(participant=participant, wave=1, arm_now=arm_now)
        return redirect("research:questionnaire", slug=slug)
    context = {"study": study, "participant": participant, "form": form, "step": step}
    return render(request, "research/membership.html", context)


@public
def participant_home(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant's own page: what comes next, reminders, withdrawing."""
    study, participant = _require_participant(request, slug)
    if participant is None:
        return redirect("research:resume", slug=slug)
    step = selectors.next_step(participant)
    if step.kind in ("answer", "membership"):
        return redirect("research:questionnaire", slug=slug)
    context = {"study": study, "participant": participant, "step": step}
    return render(request, "research/participant.html", context)


@public
def resume(request: HttpRequest, slug: str) -> HttpResponse:
    """Come back with the code: rate limited, and the code travels only in the POST body."""
    study = selectors.public_study(slug)
    form = ContinueForm(_posted(request))
    if request.method == "POST":
        verdict = ratelimit.hit(RESUME_LIMITS, ratelimit.client_address(request))
        if not verdict.allowed:
            minutes = verdict.retry_after // 60 + 1
            form.is_valid()
            message = _("Too many tries. Please wait %(minutes)s minutes and try again.")
            form.add_error(None, message % {"minutes": minutes})
            return render(
                request, "research/resume.html", {"study": study, "form": form}, status=429
            )
        if form.is_valid():
            found = selectors.participant_by_token(study, form.cleaned_data["code"])
            if found is not None:
                remember(request, found)
                audit.log(None, "research.participant.resumed", found)
                return redirect("research:questionnaire", slug=slug)
            form.add_error("code", _("We could not find that code. Check it and try again."))
    return render(request, "research/resume.html", {"study": study, "form": form})


@public
def resume_link(request: HttpRequest, slug: str, signed: str) -> HttpResponse:
    """The follow-up email's link. It is used by pressing a button, so a mail scanner that
    opens links cannot spend it."""
    study = selectors.public_study(slug)
    if request.method != "POST":
        return render(request, "research/resume_link.html", {"study": study})
    found = services.resume_link_use(study=study, signed=signed)
    if found is None:
        messages.info(request, _("That link has been used or has expired. Enter your code."))
        return redirect("research:resume", slug=slug)
    remember(request, found)
    return redirect("research:questionnaire", slug=slug)


@require_POST
@public
def stop_reminders(request: HttpRequest, slug: str) -> HttpResponse:
    _study, participant = _require_participant(request, slug)
    if participant is None:
        return redirect("research:resume", slug=slug)
    services.reminders_stop(participant=participant)
    messages.success(request, _("We will not send you any more reminders."))
    return redirect("research:participant", slug=slug)


@require_POST
@public
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    """Forget the participant on this device (shared phones); the code still works."""
    study = selectors.public_study(slug)
    forget(request, study)
    messages.success(request, _("This device no longer remembers you. Your answers are saved."))
    return redirect("research:study", slug=slug)


@public
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    study, participant = _require_participant(request, slug)
    if participant is None or not participant.is_active:
        return redirect("research:resume", slug=slug)
    form = WithdrawForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.participant_withdraw(participant=participant, keep_data=form.keep_data)
        forget(request, study)
        return render(request, "research/withdrawn.html", {"study": study, "kept": form.keep_data})
    return render(request, "research/withdraw.html", {"study": study, "form": form})


@member_required
def member_studies(request: HttpRequest) -> HttpResponse:
    """The invitation in the member area: studies recruiting now."""
    studies = Study.objects.filter(status=Study.Status.RECRUITING).order_by("title")
    user: Any = request.user
    enrolled = set(
        Participant.objects.filter(
            member_index__in=[services.member_index(s, user) for s in studies]
        ).values_list("study_id", flat=True)
    )
    rows = [
        (s, s.pk in enrolled, reverse("research:study", kwargs={"slug": s.slug})) for s in studies
    ]
    return render(request, "research/member_studies.html", {"rows": rows})
