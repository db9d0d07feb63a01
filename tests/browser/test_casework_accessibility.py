"""axe-core finds no serious or critical violation on any casework page, filled or empty."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from redbrolly.casework.models import OutcomeOption, RiskItem, Service, Team
from redbrolly.casework.services import (
    Intake,
    Person,
    action_add,
    appointment_add,
    case_close,
    case_open,
    justice_step_add,
    needs_update,
    note_add,
    onward_referral_make,
    risk_assess,
    safety_plan_update,
    time_log,
)

pytestmark = pytest.mark.django_db(transaction=True)

CASE_PAGES = [
    "",
    "person/",
    "consent/",
    "risk/",
    "needs/",
    "safety-plan/",
    "notes/new/",
    "actions/new/",
    "actions/{action}/done/",
    "appointments/new/",
    "time/new/",
    "referrals/new/",
    "referrals/{referral}/",
    "police-and-court/new/",
    "reports/link/",
    "assign/",
]


def full_case(worker):
    person = Person(working_name="Ivy", contact_route="text", contact_details="+447700900111")
    case = case_open(actor=worker, person=person, intake=Intake(source="phone"), worker=worker)
    for present in (RiskItem.objects.all()[:6], RiskItem.objects.all()[:3]):
        risk_assess(actor=worker, case=case, present=present, comment="Calmer now")
    note_add(actor=worker, case=case, kind="contact", body="Spoke by phone.", minutes=20)
    action = action_add(
        actor=worker,
        case=case,
        title="Chase GP",
        owner=worker,
        due_on=timezone.localdate() - timedelta(days=2),
    )
    appointment_add(
        actor=worker,
        case=case,
        kind="court",
        place="Magistrates' court",
        note="",
        starts_at=timezone.now() + timedelta(days=3),
    )
    service = Service.objects.create(name="Ashgrove SARC", kind="sarc")
    referral = onward_referral_make(actor=worker, case=case, service=service, consent_given=True)
    needs_update(actor=worker, case=case, needs=["housing"], note="Rent", police_involved=True)
    justice_step_add(actor=worker, case=case, kind="statement", on=timezone.localdate())
    safety_plan_update(actor=worker, case=case, plan="Text a friend on arrival.")
    time_log(actor=worker, case=case, activity_type="travel", minutes=30)
    return case, action, referral


def check(page, axe, paths) -> None:
    for path in paths:
        response = page.goto(path)
        assert response.status < 500, path
        assert axe(page) == [], path


def test_every_case_screen_for_the_supervisor_and_caseworker(page, people, sign_in, axe):
    supervisor, worker = people("supervisor", "caseworker")
    Team.objects.create(name="North", supervisor=supervisor).members.add(worker)
    case, action, referral = full_case(worker)
    closed, _a, _r = full_case(worker)
    case_close(
        actor=worker, case=closed, reason="complete", outcomes=OutcomeOption.objects.all()[:2]
    )
    pooled = case_open(actor=None, person=Person(), intake=Intake(source="callback"))
    base = f"/casework/cases/{case.pk}/"
    pages = [base + p.format(action=action.pk, referral=referral.pk) for p in CASE_PAGES]
    sign_in(page, "supervisor", staff=True)
    check(page, axe, pages)
    check(page, axe, ["/casework/", "/casework/queue/", "/casework/team/", "/casework/stats/"])
    check(page, axe, ["/casework/services/", "/casework/cases/new/"])
    check(page, axe, [f"/casework/cases/{closed.pk}/", f"/casework/cases/{closed.pk}/reopen/"])
    check(page, axe, [f"/casework/cases/{pooled.pk}/", f"/casework/cases/{pooled.pk}/assign/"])
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "caseworker", staff=True)
    check(page, axe, [base + "close/", base, "/casework/"])
    # A form sent back with errors is accessible too.
    page.goto(base + "notes/new/")
    page.get_by_label("Contact", exact=True).check()
    page.get_by_label("Note", exact=True).fill(" ")
    page.get_by_role("button", name="Add note").click()
    page.get_by_text("This field is required").first.wait_for()
    assert axe(page) == []


def test_the_break_glass_page(page, people, sign_in, axe):
    supervisor, worker, _other = people("supervisor", "caseworker", "caseworker2")
    Team.objects.create(name="North", supervisor=supervisor).members.add(worker)
    case, _action, _referral = full_case(worker)
    sign_in(page, "caseworker2", staff=True)
    check(page, axe, [f"/casework/cases/{case.pk}/"])
    page.get_by_label("Why do you need to open this case?").fill("Covering the duty phone")
    page.get_by_role("button", name="Break the glass and open the case").click()
    page.get_by_text("You broke the glass").wait_for()
    assert axe(page) == []


def test_the_public_callback_page_with_errors_and_the_practitioner_referral(
    page, people, sign_in, axe
):
    page.goto("/get-support/", timeout=30_000)
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number or email address").fill("not a number")
    page.get_by_label("I agree that you keep these details to contact me").check()
    page.get_by_role("button", name="Ask for a caseworker to contact me").click()
    page.get_by_text("does not look like a phone number").wait_for()
    assert axe(page) == []
    people("practitioner")
    sign_in(page, "practitioner")
    check(page, axe, ["/get-support/refer/"])
