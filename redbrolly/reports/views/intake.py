"""The web report: six steps, each saved to an encrypted draft before moving on.

The draft is found through a random token kept in the session (never in a URL), so a
dropped connection loses nothing: opening /report/ again carries on where the person was.
With JavaScript, htmx also saves the step as it is typed (`autosave`). Staff taking a report
by phone use the same steps under /staff/reports/phone/ (`Intake.phone`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from redbrolly.core.models import IncidentType, Region
from redbrolly.lib import evidence
from redbrolly.lib.evidence import EvidenceRefused
from redbrolly.lib.normalise import Identifier, find_identifiers_in_text
from redbrolly.lib.ratelimit import Limit, client_address, hit
from redbrolly.reports import forms as intake_forms
from redbrolly.reports import selectors, services
from redbrolly.reports.models import Draft, Report
from redbrolly.reports.parsing import ReportInvalid, parse_report

STEPS = ("what", "story", "people", "evidence", "choices", "review")
STEP_TITLES = {
    "what": gettext_lazy("What, when and where"),
    "story": gettext_lazy("What happened"),
    "people": gettext_lazy("Who did it"),
    "evidence": gettext_lazy("Evidence"),
    "choices": gettext_lazy("Your choices"),
    "review": gettext_lazy("Check and send"),
}
TEXT_STEPS = {"what", "story", "people", "choices"}
# Where a field named in a parse error is typed, so the review page can link to it.
FIELD_STEPS = {
    "narrative": "story",
    "perpetrators": "people",
    "consent": "choices",
    "on_behalf": "choices",
}
IGNORED_FIELDS = {"csrfmiddlewaretoken", "action", "step"}


@dataclass(frozen=True)
class Intake:
    """Which flavour of the form: a person reporting, or staff taking a call."""

    phone: bool = False

    @property
    def session_key(self) -> str:
        return "reports.phone_draft" if self.phone else "reports.draft"

    @property
    def prefix(self) -> str:
        return "reports:phone_" if self.phone else "reports:"

    def url(self, step: str) -> str:
        return reverse(f"{self.prefix}step_{step}")


def current_draft(request: HttpRequest, intake: Intake) -> Draft | None:
    token = request.session.get(intake.session_key)
    return selectors.draft_for(token, request.user, phone_intake=intake.phone)


def limited(name: str, request: HttpRequest, global_name: str | None = None) -> bool:
    """True when this client (or everyone) has used up the intake limits."""
    limits = services.intake_limits()
    wanted = [Limit(f"reports.{name}", *limits[name])]
    subject = client_address(request)
    if not hit(wanted, subject).allowed:
        return True
    return (
        global_name is not None
        and not hit([Limit(f"reports.{global_name}", *limits[global_name])], "all").allowed
    )


def draft_or_new(request: HttpRequest, intake: Intake) -> Draft | None:
    draft = current_draft(request, intake)
    if draft is not None:
        return draft
    if limited("draft_address", request):
        return None
    draft, token = services.draft_create(owner=request.user, phone_intake=intake.phone)
    request.session[intake.session_key] = token
    return draft


def raw_values(request: HttpRequest) -> dict[str, list[str]]:
    return {key: request.POST.getlist(key) for key in request.POST if key not in IGNORED_FIELDS}


def initial_from(values: dict[str, Any]) -> dict[str, Any]:
    multi = {"incident_types", "add_phones", "add_emails"}
    return {key: (value if key in multi else (value or [""])[0]) for key, value in values.items()}


def behalf_mode(request: HttpRequest, intake: Intake) -> str:
    if intake.phone:
        return "phone"
    profile = getattr(request.user, "member_profile", None)
    return (
        "optional" if profile is not None and profile.membership_type == "practitioner" else "none"
    )


def step_form(step: str, request: HttpRequest, intake: Intake, **kwargs: Any) -> forms.Form:
    classes: dict[str, type[forms.Form]] = {
        "what": intake_forms.WhatForm,
        "story": intake_forms.StoryForm,
        "people": intake_forms.PersonForm,
        "choices": intake_forms.ChoicesForm,
    }
    if step == "choices":
        kwargs["behalf"] = behalf_mode(request, intake)
    return classes[step](**kwargs)


def people_of(draft: Draft | None) -> list[dict[str, Any]]:
    people = services.draft_values(draft).get("people", []) if draft else []
    return [person for person in people if isinstance(person, dict)] or [{}]


def person_index(request: HttpRequest, draft: Draft | None) -> int:
    raw = request.POST.get("person") or request.GET.get("n") or "0"
    count = len(people_of(draft))
    return min(int(raw), count - 1) if raw.isdigit() and len(raw) < 4 else 0


def saved_section(draft: Draft | None, step: str, index: int = 0) -> dict[str, Any]:
    if draft is None:
        return {}
    if step == "people":
        return people_of(draft)[index]
    section = services.draft_values(draft).get(step, {})
    return section if isinstance(section, dict) else {}


def save_section(
    draft: Draft, step: str, values: dict[str, Any], index: int, next_step: str | None = None
) -> None:
    if step == "people":
        people = people_of(draft)
        people[index] = values
        services.draft_save(draft=draft, section="people", values=people, step=next_step or step)
    else:
        services.draft_save(draft=draft, section=step, values=values, step=next_step or step)


def page(
    request: HttpRequest, intake: Intake, step: str, draft: Draft | None, **context: Any
) -> HttpResponse:
    position = STEPS.index(step)
    context.update(
        intake=intake,
        step=step,
        step_title=STEP_TITLES[step],
        step_number=position + 1,
        step_count=len(STEPS),
        back_url=intake.url(STEPS[position - 1]) if position else None,
        action_url=intake.url(step),
        autosave_url=reverse(f"{intake.prefix}autosave") if step in TEXT_STEPS else None,
        discard_url=reverse(f"{intake.prefix}discard"),
        has_draft=draft is not None,
        step_urls={name: intake.url(name) for name in STEPS},
    )
    status = context.pop("status", 200)
    return render(request, f"reports/intake_{step}.html", context, status=status)


# --- the text steps -------------------------------------------------------------------------


def text_step(request: HttpRequest, intake: Intake, step: str) -> HttpResponse:
    draft = current_draft(request, intake)
    if draft is None and step != "what":
        messages.info(request, _("Let's start your report from the beginning."))
        return redirect(intake.url("what"))
    index = person_index(request, draft)
    if request.method == "POST":
        return text_step_post(request, intake, step, index)
    initial = initial_from(saved_section(draft, step, index))
    if step == "what" and not initial.get("started"):
        initial["started"] = intake_forms.started_stamp()
    form = step_form(step, request, intake, initial={**initial, "person": index})
    return page(request, intake, step, draft, form=form, **people_context(draft, step, index))


def people_context(draft: Draft | None, step: str, index: int) -> dict[str, Any]:
    if step != "people":
        return {}
    people = people_of(draft)
    return {"people": list(enumerate(people)), "person": index, "person_count": len(people)}


def text_step_post(request: HttpRequest, intake: Intake, step: str, index: int) -> HttpResponse:
    draft = draft_or_new(request, intake)
    if draft is None:
        return too_many(request, intake, step)
    values, action = raw_values(request), request.POST.get("action", "next")
    position = STEPS.index(step)
    # What was typed is saved once, valid or not, before anything else happens.
    if step == "people" and action == "remove":
        save_section(draft, step, values, index)
        return person_removed(draft, intake, index)
    if action == "back" and position:
        save_section(draft, step, values, index, next_step=STEPS[position - 1])
        return redirect(intake.url(STEPS[position - 1]))
    form = step_form(step, request, intake, data=request.POST)
    valid = form.is_valid()
    forward = valid and not (step == "people" and action == "add")
    save_section(draft, step, values, index, next_step=STEPS[position + 1] if forward else None)
    if not valid:
        return page(
            request,
            intake,
            step,
            draft,
            form=form,
            status=400,
            **people_context(draft, step, index),
        )
    if not forward:
        return person_added(draft, intake)
    return redirect(intake.url(STEPS[position + 1]))


def person_added(draft: Draft, intake: Intake) -> HttpResponse:
    people = [*people_of(draft), {}]
    services.draft_save(draft=draft, section="people", values=people, step="people")
    return redirect(f"{intake.url('people')}?n={len(people) - 1}")


def person_removed(draft: Draft, intake: Intake, index: int) -> HttpResponse:
    people = people_of(draft)
    del people[index]
    services.draft_save(draft=draft, section="people", values=people or [{}], step="people")
    return redirect(intake.url("people"))


def too_many(request: HttpRequest, intake: Intake, step: str) -> HttpResponse:
    messages.error(
        request,
        _(
            "Too many reports from this connection just now. "
            "Please try again in an hour, or call us."
        ),
    )
    form = step_form(step, request, intake, data=request.POST) if step in TEXT_STEPS else None
    return page(request, intake, step, None, form=form, status=429)


def autosave(request: HttpRequest, intake: Intake) -> HttpResponse:
    """htmx saves the step as it is typed; answers with a short status for the page."""
    step = request.POST.get("step", "")
    if step not in TEXT_STEPS:
        return HttpResponse(_("Not saved"), status=400)
    draft = draft_or_new(request, intake)
    if draft is None:
        return HttpResponse(_("Not saved: too many reports from this connection"), status=429)
    index = person_index(request, draft)
    save_section(draft, step, raw_values(request), index)
    return HttpResponse(_("Saved"))


def discard(request: HttpRequest, intake: Intake) -> HttpResponse:
    draft = current_draft(request, intake)
    if draft is not None:
        services.draft_discard(draft=draft)
    request.session.pop(intake.session_key, None)
    messages.info(request, _("Your unfinished report was deleted."))
    return redirect(intake.url("what"))


PREFILL_FIELDS = {
    "phone": "phones",
    "email": "emails",
    "handle": "handles",
    "plate": "vehicle_plate",
}


def prefill_from_checker(request: HttpRequest, intake: Intake) -> None:
    """ "Report it" from a checker answer: the checked identifier starts the first person."""
    from redbrolly.checker.prefill import prefill_identifier_take

    identifier = prefill_identifier_take(request)
    draft = draft_or_new(request, intake) if identifier is not None else None
    if identifier is None or draft is None:
        return
    person = people_of(draft)[0]
    field = PREFILL_FIELDS[identifier.kind.value]
    known = (person.get(field) or [""])[0].strip()
    person[field] = [f"{known}\n{identifier.value}".strip()]
    save_section(draft, "people", person, 0, next_step=draft.step or "what")


def start(request: HttpRequest, intake: Intake) -> HttpResponse:
    if not intake.phone:
        prefill_from_checker(request, intake)
    draft = current_draft(request, intake)
    if draft is not None and draft.step in STEPS and draft.step != "what":
        return redirect(intake.url(draft.step))
    return text_step(request, intake, "what")


# --- evidence -------------------------------------------------------------------------------


def evidence_step(request: HttpRequest, intake: Intake) -> HttpResponse:
    draft = current_draft(request, intake)
    if draft is None:
        return redirect(intake.url("what"))
    form: forms.Form = intake_forms.EvidenceForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "upload")
        if action in ("next", "back"):
            step = "choices" if action == "next" else "people"
            services.draft_save(draft=draft, section="evidence_seen", values=True, step=step)
            return redirect(intake.url(step))
        if action.startswith("remove-") and action[7:].isdigit():
            services.evidence_remove_from_draft(draft=draft, attachment_pk=int(action[7:]))
            return redirect(intake.url("evidence"))
        form, status = evidence_uploaded(request, draft)
        if status == 200:
            return redirect(intake.url("evidence"))
    files = draft.attachments.defer("content")
    return page(request, intake, "evidence", draft, form=form, files=files, status=status)


def evidence_uploaded(request: HttpRequest, draft: Draft) -> tuple[forms.Form, int]:
    form = intake_forms.EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, 400
    upload = form.cleaned_data["file"]
    try:
        services.evidence_add_to_draft(draft=draft, data=evidence.upload_bytes(upload))
    except EvidenceRefused as refused:
        form.add_error("file", str(refused))
        return form, 400
    except services.TooManyAttachments:
        form.add_error("file", _("You can add up to 10 files."))
        return form, 400
    except ValidationError:
        form.add_error("file", _("This file could not be stored. Please try another."))
        return form, 400
    messages.success(request, _("File added. Location and camera details were removed."))
    return form, 200


# --- review and submit ----------------------------------------------------------------------


def found_in_narrative(payload: dict[str, Any]) -> list[Identifier]:
    """Phones and emails written in the story but not yet given as the person's details."""
    region = services.taxonomy_current().phone_region
    found = find_identifiers_in_text(payload.get("narrative", ""), region)
    given = " ".join(
        f"{person.get('phones', '')} {person.get('emails', '')}"
        for person in payload.get("perpetrators", [])
    )
    given_found = set(find_identifiers_in_text(given, region))
    return [identifier for identifier in found if identifier not in given_found]


def review_step(request: HttpRequest, intake: Intake) -> HttpResponse:
    draft = current_draft(request, intake)
    if draft is None:
        return redirect(intake.url("what"))
    data = services.draft_values(draft)
    payload = intake_forms.payload_from_draft(data, phone_intake=intake.phone)
    found = found_in_narrative(payload)
    if request.method == "POST":
        return submit(request, intake, draft, found)
    form = intake_forms.ReviewForm(found=found, initial=initial_from(data.get("review", {})))
    services.draft_save(draft=draft, section="review", values=data.get("review", {}), step="review")
    return review_page(request, intake, draft, form)


def review_page(
    request: HttpRequest,
    intake: Intake,
    draft: Draft,
    form: forms.Form,
    errors: list[Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    data = services.draft_values(draft)
    payload = intake_forms.payload_from_draft(data, phone_intake=intake.phone)
    return page(
        request,
        intake,
        "review",
        draft,
        form=form,
        summary=summary(payload),
        files=draft.attachments.defer("content"),
        errors=[
            (error, intake.url(FIELD_STEPS.get(error.field.split(".")[0], "what")))
            for error in errors or []
        ],
        status=status,
    )


def summary(payload: dict[str, Any]) -> dict[str, Any]:
    """What the person is about to send, readable (labels, not codes)."""
    return {
        "types": IncidentType.objects.filter(code__in=payload["incident_types"]),
        "region": Region.objects.filter(code=payload.get("region", "")).first(),
        "payload": payload,
        "setting": dict(Report.Setting.choices).get(payload.get("setting", "")),
        "consent": dict(Report.Consent.choices).get(payload["consent"]["level"]),
    }


def submit(
    request: HttpRequest, intake: Intake, draft: Draft, found: list[Identifier]
) -> HttpResponse:
    form = intake_forms.ReviewForm(request.POST, found=found)
    services.draft_save(draft=draft, section="review", values=raw_values(request), step="review")
    if not form.is_valid():
        return review_page(request, intake, draft, form, status=400)
    if not intake.phone and (refusal := automation_check(request, draft)):
        messages.error(request, refusal[0])
        return review_page(request, intake, draft, form, status=refusal[1])
    payload = intake_forms.payload_from_draft(
        services.draft_values(draft), phone_intake=intake.phone
    )
    try:
        data = parse_report(payload, services.taxonomy_current())
    except ReportInvalid as invalid:
        return review_page(request, intake, draft, form, errors=invalid.errors, status=400)
    user: Any = request.user
    reporter = user if user.is_authenticated else None
    source = services.source_for(reporter, None, intake.phone)
    result = services.report_submit(data=data, reporter=reporter, source=source, draft=draft)
    request.session.pop(intake.session_key, None)
    return render(
        request,
        "reports/intake_thanks.html",
        {"report": result.report, "receipt": result.receipt, "intake": intake},
    )


def automation_check(request: HttpRequest, draft: Draft) -> tuple[str, int] | None:
    """A person takes longer than a few seconds and sends a handful of reports an hour."""
    started = intake_forms.first(services.draft_values(draft).get("what", {}), "started")
    age = intake_forms.seconds_since_started(started)
    if age is None:
        # Missing or forged: start the clock now, so a person's second press goes through.
        fresh = {
            **services.draft_values(draft).get("what", {}),
            "started": [intake_forms.started_stamp()],
        }
        services.draft_save(draft=draft, section="what", values=fresh, step="review")
    if age is None or age < services.intake_limits()["form_min_seconds"]:
        return _("That was very quick. Please check your report and press Send again."), 400
    if limited("address", request, "global"):
        message = _(
            "Too many reports from this connection just now. "
            "Your report is saved: please try again in an hour."
        )
        return message, 429
    return None


# --- views for urls.py: the same steps for the public and for phone intake -------------------

View = Callable[[HttpRequest], HttpResponse]


def step_view(intake: Intake, step: str) -> View:
    def view(request: HttpRequest) -> HttpResponse:
        if step == "evidence":
            return evidence_step(request, intake)
        if step == "review":
            return review_step(request, intake)
        return text_step(request, intake, step)

    view.__name__ = view.__qualname__ = f"{'phone_' if intake.phone else ''}step_{step}"
    return view


def bound(function: Callable[[HttpRequest, Intake], HttpResponse], intake: Intake) -> View:
    def view(request: HttpRequest) -> HttpResponse:
        return function(request, intake)

    view.__name__ = view.__qualname__ = f"{'phone_' if intake.phone else ''}{function.__name__}"
    return view
