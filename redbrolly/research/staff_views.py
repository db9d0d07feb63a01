"""Researchers' pages: studies, consent forms, instruments, the dashboard, incentives, exports.

Every view needs `research.run_study` (exports: `research.export_study`, a fresh password and
an audit row per file). No page here shows an individual's answers or contact details.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from redbrolly.lib import audit
from redbrolly.lib.access import staff_required
from redbrolly.research import datasets, flyer, selectors, services
from redbrolly.research.forms import (
    CloseStudyForm,
    ConsentFormForm,
    IncentiveForm,
    StudyForm,
    XLSFormUploadForm,
)
from redbrolly.research.instruments.library import UnknownInstrument, instrument_ids
from redbrolly.research.instruments.model import Instrument
from redbrolly.research.instruments.xlsform import (
    XLSFormError,
    instrument_from_sheets,
    read_workbook,
)
from redbrolly.research.models import ConsentForm, Study, StudyInstrument
from redbrolly.research.questionnaires import form_after, page_form, submit_page

RUN = "research.run_study"
EXPORT = "research.export_study"


def _posted(request: HttpRequest) -> Any:
    """The POST data, or None for a GET: an empty POST is still a submission to validate."""
    return request.POST if request.method == "POST" else None


def _user(request: HttpRequest) -> Any:
    return request.user


@staff_required(RUN)
def studies(request: HttpRequest) -> HttpResponse:
    rows = selectors.studies_for(request.user)
    return render(request, "research/staff/studies.html", {"studies": rows})


@staff_required(RUN)
def study_new(request: HttpRequest) -> HttpResponse:
    form = StudyForm(_posted(request), instance=Study())
    if request.method == "POST" and form.is_valid():
        if _can_recruit(Study(), form.cleaned_data["status"]):
            fields = {name: form.cleaned_data[name] for name in StudyForm.Meta.fields}
            study = services.study_create(actor=request.user, **fields, **form.extra())
            messages.success(request, _("Study created. Add its consent form next."))
            return redirect("research:consent_edit", slug=study.slug)
        form.add_error("status", _("Publish a consent form before recruiting."))
    return render(request, "research/staff/study_form.html", {"form": form, "study": None})


@staff_required(RUN)
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    url = flyer.study_url(study)
    context = {
        "study": study,
        "board": selectors.dashboard(study),
        "study_url": url,
        "qr": flyer.qr_data_uri(url),
        "consent_form": ConsentForm.objects.filter(study=study).first(),
    }
    return render(request, "research/staff/dashboard.html", context)


def _known_instruments(study: Study) -> list[str]:
    return [*instrument_ids(), *selectors.imported_definitions(study)]


@staff_required(RUN)
def study_settings(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    form = StudyForm(_posted(request), instance=study, known=_known_instruments(study))
    if request.method == "POST" and form.is_valid():
        if _can_recruit(study, form.cleaned_data["status"]):
            fields = {name: form.cleaned_data[name] for name in StudyForm.Meta.fields}
            services.study_update(actor=request.user, study=study, **fields, **form.extra())
            messages.success(request, _("Study settings saved."))
            return redirect("research:dashboard", slug=study.slug)
        form.add_error("status", _("Publish a consent form before recruiting."))
    return render(request, "research/staff/study_form.html", {"form": form, "study": study})


def _can_recruit(study: Study, status: str) -> bool:
    """Recruiting needs a published consent form to agree to."""
    if status != Study.Status.RECRUITING:
        return True
    return study.pk is not None and ConsentForm.objects.filter(study=study).exists()


@staff_required(RUN)
def consent_edit(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    current = ConsentForm.objects.filter(study=study).first()
    initial = {}
    if current is not None:
        initial = {
            "information_sheet": current.information_sheet,
            "consent_text": current.consent_text,
            "statements": "\n".join(current.statements),
        }
    form = ConsentFormForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        published = services.consent_form_publish(
            actor=request.user, study=study, **form.cleaned_data
        )
        messages.success(request, _("Version %(v)s published.") % {"v": published.version})
        return redirect("research:dashboard", slug=study.slug)
    context = {"study": study, "form": form, "current": current}
    return render(request, "research/staff/consent_form.html", context)


# --- instruments -----------------------------------------------------------------------------


@staff_required(RUN)
def instruments(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    form = XLSFormUploadForm(_posted(request), request.FILES if request.method == "POST" else None)
    problems: list[Any] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["form_file"]
        try:
            instrument = _read_upload(upload)
            _check_not_shipped(instrument)
        except XLSFormError as error:
            problems = error.problems
        else:
            waves = [int(wave) for wave in form.cleaned_data["waves"]]
            services.instrument_import(
                actor=request.user,
                study=study,
                instrument=instrument,
                source_name=upload.name,
                waves=waves,
            )
            messages.success(request, _("Imported %(id)s.") % {"id": instrument.id})
            return redirect("research:instrument_preview", slug=slug, instrument_id=instrument.id)
    context = {
        "study": study,
        "form": form,
        "problems": problems,
        "imported": StudyInstrument.objects.filter(study=study),
        "library": instrument_ids(),
    }
    return render(
        request, "research/staff/instruments.html", context, status=422 if problems else 200
    )


def _read_upload(upload: Any) -> Instrument:
    default_id = re.sub(r"[^A-Za-z0-9_]", "_", Path(upload.name).stem).strip("_") or "form"
    if not default_id[0].isalpha():
        default_id = f"form_{default_id}"
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        return instrument_from_sheets(read_workbook(copy.name), default_id=default_id.lower())


def _check_not_shipped(instrument: Instrument) -> None:
    if instrument.id in instrument_ids():
        from redbrolly.research.instruments.xlsform import Problem

        message = f"form_id '{instrument.id}' is a built-in instrument; choose another form_id"
        raise XLSFormError([Problem("settings", 2, "form_id", message)])


@staff_required(RUN)
def instrument_preview(request: HttpRequest, slug: str, instrument_id: str) -> HttpResponse:
    """The questionnaire as participants see it, skip logic included; nothing is saved."""
    study = selectors.study_for(request.user, slug)
    try:
        instrument = selectors.study_instrument(study, instrument_id)
    except UnknownInstrument:
        raise Http404 from None
    form = page_form(instrument, {}, _posted(request), request.POST.getlist("shown"))
    complete = False
    if request.method == "POST" and form.is_valid():
        outcome = submit_page(instrument, {}, form.shown, form.posted_answers())
        complete = outcome.complete
        form = form_after(instrument, outcome, request.POST)
    context = {
        "study": study,
        "instrument": instrument,
        "form": form,
        "questions": form.questions(),
        "complete": complete,
    }
    return render(request, "research/staff/instrument_preview.html", context)


# --- recruitment material, incentives, closing ----------------------------------------------


@staff_required(RUN)
def flyer_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    response = HttpResponse(flyer.flyer_pdf(study), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{study.slug}-flyer.pdf"'
    return response


@staff_required(RUN)
def incentives(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    waves = selectors.completed_waves(study).select_related("incentive__recorded_by")
    context = {
        "study": study,
        "waiting": waves.filter(incentive__isnull=True).order_by("completed_at"),
        "paid": waves.filter(incentive__isnull=False).order_by("-incentive__recorded_at"),
        "form": IncentiveForm(),
        "reachable": set(
            waves.filter(participant__contact__isnull=False).values_list("pk", flat=True)
        ),
    }
    return render(request, "research/staff/incentives.html", context)


@require_POST
@staff_required(RUN)
def incentive_record(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    wave = get_object_or_404(selectors.completed_waves(study), pk=pk)
    form = IncentiveForm(request.POST)
    if form.is_valid():
        try:
            services.incentive_record(actor=request.user, wave_response=wave, **form.cleaned_data)
        except ValueError as error:
            messages.error(request, _("Not recorded: %(reason)s.") % {"reason": _reason(error)})
        else:
            messages.success(
                request, _("Incentive recorded for %(ref)s.") % {"ref": wave.reference}
            )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("research:incentives", slug=slug)


def _reason(error: ValueError) -> str:
    reasons = {
        "this incentive is already recorded": _("it was already recorded"),
        "incentives are for completed questionnaires": _("the questionnaire is not complete"),
    }
    return reasons.get(str(error), _("the participant gave no contact details for a voucher"))


@staff_required(RUN)
def study_close(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug)
    form = CloseStudyForm(_posted(request))
    if request.method == "POST" and form.is_valid() and study.status != Study.Status.CLOSED:
        deleted = services.study_close(actor=request.user, study=study)
        messages.success(
            request,
            _("The study is closed; %(count)s contact details were deleted.") % {"count": deleted},
        )
        return redirect("research:dashboard", slug=slug)
    return render(request, "research/staff/close.html", {"study": study, "form": form})


# --- exports ----------------------------------------------------------------------------------


@staff_required(EXPORT)
@reauthentication_required
def export(request: HttpRequest, slug: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug, EXPORT)
    free_text = study.allow_free_text_export and request.GET.get("free_text") == "1"
    query = "?free_text=1" if free_text else ""
    context = {"study": study, "files": datasets.FILES, "query": query, "free_text": free_text}
    return render(request, "research/staff/export.html", context)


@staff_required(EXPORT)
@reauthentication_required
def export_file(request: HttpRequest, slug: str, filename: str) -> HttpResponse:
    study = selectors.study_for(request.user, slug, EXPORT)
    if filename not in datasets.FILES:
        raise Http404
    free_text = study.allow_free_text_export and request.GET.get("free_text") == "1"
    dataset = datasets.build(study, free_text=free_text)
    content = datasets.file_bytes(dataset, filename)
    audit.log(
        request.user,
        "research.export.downloaded",
        study,
        purpose="analysis",
        file=filename,
        rows=len(dataset.long),
        free_text=free_text,
    )
    response = HttpResponse(content, content_type=datasets.FILES[filename])
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{study.slug}-{stamp}-{filename}"'
    return response
