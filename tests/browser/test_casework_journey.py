"""A callback request becomes a case; a supervisor allocates it; the caseworker works it
(risk, note, action, referral on, time) and closes it with an outcome. Chromium + axe."""

from __future__ import annotations

import pytest

from redbrolly.casework.models import Case, Service, Team, TimeEntry

pytestmark = pytest.mark.django_db(transaction=True)


def checked(page, axe) -> None:
    assert axe(page) == [], page.url


def ask_for_a_callback(page, axe) -> None:
    page.goto("/get-support/", timeout=30_000)  # the live server's first page warms up
    checked(page, axe)
    page.get_by_label("What should we call you? (optional)").fill("Luna")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number or email address").fill("07700 900 321")
    page.get_by_label("When is it safe to contact you?").fill("Weekdays after 6pm")
    page.get_by_label("Which language would you like to speak?").select_option("ro")
    page.get_by_label("Urgent: today").check()
    page.get_by_label("I agree that you keep these details to contact me").check()
    page.get_by_role("button", name="Ask for a caseworker to contact me").click()
    page.get_by_text("within 1 working day").wait_for()
    checked(page, axe)


def allocate(page, axe, reference: str) -> None:
    page.goto("/casework/queue/")
    checked(page, axe)
    page.get_by_role("link", name=reference, exact=True).click()
    page.get_by_text("Waiting for a caseworker").first.wait_for()
    checked(page, axe)
    page.get_by_role("link", name="Allocate", exact=True).click()
    page.get_by_label("Allocate to").select_option(label="caseworker")
    checked(page, axe)
    page.get_by_role("button", name="Allocate").click()
    page.get_by_text("Allocated to caseworker.").wait_for()


def assess_risk(page, axe) -> None:
    page.get_by_role("link", name="Assess risk").click()
    checked(page, axe)
    page.get_by_label("A weapon or object was used").check()
    page.get_by_label("very frightened").check()
    page.get_by_role("button", name="Save assessment").click()
    page.get_by_text("Risk assessment saved: score 5, Standard.").wait_for()


def add_note(page) -> None:
    page.get_by_label("Contact", exact=True).check()
    page.get_by_label("Note", exact=True).fill("Spoke by text. Staying with a friend this week.")
    page.get_by_label("Minutes spent (optional)").fill("20")
    page.get_by_role("button", name="Add note").click()
    page.get_by_text("Note added.").wait_for()


def add_action(page, axe) -> None:
    page.get_by_role("link", name="Add an action").click()
    checked(page, axe)
    page.get_by_label("What needs doing").fill("Send the clinic details")
    page.get_by_label("Due").fill("2030-01-15")
    page.get_by_role("button", name="Add action").click()
    page.get_by_text("Action added.").wait_for()


def refer_on(page, axe) -> None:
    page.get_by_role("link", name="Refer on to a service").click()
    checked(page, axe)
    page.get_by_label("Service").select_option(
        label="Larkspur Sexual Health Clinic (Sexual health clinic)"
    )
    page.get_by_label("The person agreed to this referral").check()
    page.get_by_role("button", name="Record referral").click()
    page.get_by_text("Referral recorded.").wait_for()


def log_time(page, axe) -> None:
    page.get_by_role("link", name="Log time").click()
    checked(page, axe)
    page.get_by_label("Activity").select_option("advocacy")
    page.get_by_label("Minutes", exact=True).fill("35")
    page.get_by_role("button", name="Log time").click()
    page.get_by_text("Time logged.").wait_for()


def close_with_outcome(page, axe) -> None:
    page.get_by_role("link", name="Close the case").click()
    checked(page, axe)
    page.get_by_label("Support complete").check()
    page.get_by_label("Feels safer").check()
    page.get_by_role("button", name="Close case").click()
    page.get_by_text("Case closed.").wait_for()
    checked(page, axe)


def test_a_callback_request_is_allocated_worked_and_closed(page, people, sign_in, axe) -> None:
    supervisor, worker, _other = people("supervisor", "caseworker", "caseworker2")
    Team.objects.create(name="North", supervisor=supervisor).members.add(worker)
    Service.objects.create(name="Larkspur Sexual Health Clinic", kind="sexual_health")

    ask_for_a_callback(page, axe)
    case = Case.objects.get()
    assert case.status == Case.Status.UNALLOCATED and case.contact_details == "+447700900321"

    sign_in(page, "supervisor", staff=True)
    allocate(page, axe, case.reference)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "caseworker", staff=True)
    page.goto("/casework/")
    checked(page, axe)
    page.get_by_role("link", name=case.reference).first.click()
    assess_risk(page, axe)
    add_note(page)
    add_action(page, axe)
    refer_on(page, axe)
    log_time(page, axe)
    close_with_outcome(page, axe)

    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED and case.worker == worker
    assert case.risk_assessments.get().score == 5
    assert case.notes.get().kind == "contact" and case.first_contact_at is not None
    assert case.actions.get().title == "Send the clinic details"
    assert case.onward_referrals.get().consent_given
    assert sorted(TimeEntry.objects.values_list("minutes", flat=True)) == [20, 35]
    assert list(case.outcomes.values_list("code", flat=True)) == ["safer"]
