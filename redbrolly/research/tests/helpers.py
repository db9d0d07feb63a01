"""Small builders for the research tests: a recruiting study, enrolments, valid answers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser

from redbrolly.research import services
from redbrolly.research.models import ConsentForm, Participant, Study, WaveResponse
from redbrolly.research.selectors import study_instrument

STATEMENTS = ["I have read the information.", "I agree to take part."]

VALID_ANSWERS: dict[str, dict[str, Any]] = {
    "demographics": {
        "demo_gender": "woman",
        "demo_age_band": "25_34",
        "demo_born_outside_uk": "yes",
        "demo_sector": "indoor",
        "demo_region": "Leeds",
    },
    "phq9": {f"phq9_{n}": "1" for n in range(1, 10)},
    "gad7": {f"gad7_{n}": "2" for n in range(1, 8)},
    "eq5d3l_uk": {
        "mobility": "1",
        "self_care": "1",
        "usual_activities": "2",
        "pain_discomfort": "2",
        "anxiety_depression": "2",
    },
    "violence": {
        "viol_physical": "yes",
        "viol_physical_who": ["client"],
        "viol_physical_count": "2",
        "viol_sexual": "no",
        "viol_robbery": "no",
        "viol_threats": "yes",
        "viol_threats_who": ["partner"],
        "viol_online": "no",
        "viol_reported": "no",
    },
    "safety": {"safety_strategies": ["checker", "tell_someone"]},
    "service_use": {
        "svc_alerts_read": "yes",
        "svc_checker_used": "yes",
        "svc_report_made": "no",
        "svc_casework": "no",
    },
}


def make_study(slug: str = "cohort", **fields: Any) -> Study:
    study = services.study_create(
        actor=None,
        slug=slug,
        title="Safety and wellbeing cohort",
        ethics_reference="REC 25/NW/0001",
        status=Study.Status.RECRUITING,
        **fields,
    )
    services.consent_form_publish(
        actor=None,
        study=study,
        information_sheet="About the study.",
        consent_text="Please agree.",
        statements=STATEMENTS,
    )
    return study


def consent_form(study: Study) -> ConsentForm:
    form = ConsentForm.objects.filter(study=study).first()
    assert form is not None
    return form


def enrol(
    study: Study, *, user: Any = None, contact: services.ContactDetails | None = None
) -> services.Enrolment:
    return services.participant_enrol(
        study=study,
        consent_form=consent_form(study),
        user=user or AnonymousUser(),
        contact=contact,
    )


def email_contact(address: str) -> services.ContactDetails:
    return services.ContactDetails(channel="email", email=address)


def answer_wave(participant: Participant, wave: int, **overrides: dict[str, Any]) -> WaveResponse:
    """Completes a wave through the services, with valid (or overridden) answers."""
    study = participant.study
    response = services.wave_open(participant=participant, wave=wave, arm_now=participant.arm)
    ids = study.instruments_for(wave)
    for instrument_id in ids:
        answers = overrides.get(instrument_id, VALID_ANSWERS[instrument_id])
        services.instrument_answers_save(
            wave_response=response,
            instrument=study_instrument(study, instrument_id),
            answers=answers,
            complete=True,
            instrument_ids=ids,
        )
    response.refresh_from_db()
    return response
