"""Demo data for casework (run by manage.py seed_demo through core.demo.SEEDERS).

A team (supervisor over caseworker and caseworker2), a fictional service directory, and
about forty cases at every stage with notes, risk assessments over time, actions,
appointments, referrals on and time logged. Every name, number and address is fictional:
phones are Ofcom drama numbers, addresses are example.org.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from redbrolly.accounts.models import User
from redbrolly.casework import rules
from redbrolly.casework.models import (
    Action,
    Appointment,
    Case,
    Consent,
    JusticeStep,
    Note,
    OnwardReferral,
    OutcomeOption,
    Referral,
    RiskAssessment,
    RiskItem,
    RiskLevel,
    Service,
    Team,
    TimeEntry,
)
from redbrolly.core.models import Region

TEAM_NAME = "Casework team"

# (name, kind, region code or "" for national, phone or "")
SERVICES = [
    ("Larkspur Sexual Health Clinic", "sexual_health", "greater-manchester", "0161 496 0101"),
    ("Canal Street Clinic (fictional)", "sexual_health", "greater-manchester", "0161 496 0102"),
    ("Thornbury Rape Crisis Centre", "rape_crisis", "greater-manchester", "0161 496 0103"),
    ("Ashgrove SARC", "sarc", "greater-manchester", "0161 496 0104"),
    ("Millstone Housing Advice", "housing", "greater-manchester", "0161 496 0105"),
    ("Redbank Mind Matters", "mental_health", "greater-manchester", ""),
    ("Bridgeway Legal and Immigration Advice", "legal", "greater-manchester", "0161 496 0106"),
    ("Kestrel Sexual Health (fictional)", "sexual_health", "metropolitan", "020 7946 0201"),
    ("Harbourside Rape Crisis", "rape_crisis", "metropolitan", "020 7946 0202"),
    ("Oakfield SARC", "sarc", "metropolitan", "020 7946 0203"),
    ("Wren Lane Housing Project", "housing", "metropolitan", "020 7946 0204"),
    ("Saltmarsh Migrant Legal Clinic", "legal", "metropolitan", "020 7946 0205"),
    ("Lantern Talking Therapies", "mental_health", "metropolitan", "020 7946 0206"),
    ("Brightwater Drug and Alcohol Service", "substances", "metropolitan", ""),
    ("Clydeview Sexual Health (fictional)", "sexual_health", "scotland-greater-glasgow", ""),
    ("Heronsgate Rape Crisis", "rape_crisis", "scotland-greater-glasgow", ""),
    ("Glenmoor SARC (fictional)", "sarc", "scotland-greater-glasgow", ""),
    ("Tollcross Housing Options (fictional)", "housing", "scotland-greater-glasgow", ""),
    ("Merrow Mental Health Hub", "mental_health", "scotland-greater-glasgow", ""),
    ("Fernhill Sexual Health", "sexual_health", "west-yorkshire", ""),
    ("Kirkstall Rape Crisis (fictional)", "rape_crisis", "west-yorkshire", ""),
    ("Calder SARC", "sarc", "west-yorkshire", ""),
    ("Wharfe Housing Support", "housing", "west-yorkshire", ""),
    ("Pennine Immigration Advice", "legal", "west-yorkshire", ""),
    ("Lockside Sexual Health", "sexual_health", "west-midlands", ""),
    ("Bramble Rape Crisis Centre", "rape_crisis", "west-midlands", ""),
    ("Foundry SARC", "sarc", "west-midlands", ""),
    ("Quayside Wellbeing", "mental_health", "merseyside", ""),
    ("Mersey Tide Housing Advice", "housing", "merseyside", ""),
    ("Nightingale National Legal Line (fictional)", "legal", "", ""),
    ("Safe Harbour Online Counselling (fictional)", "mental_health", "", ""),
]

NAMES = ["Amber", "Roxy", "Jade", "Luna", "Scarlett", "Ruby", "Kitty", "Mia", "Bella", "Chloe"]
NAMES += ["Destiny", "Sasha", "Nina", "Lola", "Tia", "Aria", "Ivy", "Sky", "Ebony", "Gabi"]
NAMES += ["Marta", "Ioana", "Bianca", "Dani", "Alex", "Kai", "Sam", "Jo", "Paula", "Mei"]

NOTES = {
    Note.Kind.CONTACT: [
        "Spoke by text at the agreed time. {name} is staying with a friend this week and "
        "feels a little safer. Went through the safety plan together.",
        "Phone call, 25 minutes. {name} talked about not sleeping since the incident. "
        "Agreed to look at talking therapies; will send options by text.",
        "Met at the drop-in. {name} wants to keep working but change how she screens "
        "clients. Talked through the checker and buddy system.",
        "Call back as arranged. {name} has registered with a GP and has a sexual health "
        "appointment booked. Sounded brighter.",
        "WhatsApp voice call. {name} worried about rent arrears after losing work. "
        "Discussed housing advice and a hardship grant.",
        "Short call: {name} is fine, just wanted to check the court date. Confirmed it.",
    ],
    Note.Kind.ATTEMPT: [
        "Tried to call at the safe time, no answer. Did not leave a message (not safe).",
        "Text sent using the agreed neutral wording. No reply yet; will try tomorrow.",
    ],
    Note.Kind.ADVOCACY: [
        "Spoke to the housing officer with {name}'s consent about an emergency move. "
        "They will assess this week.",
        "Wrote to the GP surgery to ask that {name}'s work is not recorded in shared notes.",
        "Called the clinic to arrange a same-day appointment with a named nurse.",
    ],
    Note.Kind.COURT: [
        "Went with {name} to give a statement. Officer was respectful; asked for "
        "special measures if it goes to court.",
        "Updated by the officer in charge: file passed to the CPS for a charging decision.",
    ],
    Note.Kind.SUPERVISION: [
        "Discussed in supervision: risk has come down since the move. Keep weekly contact.",
        "Supervision: agreed to refer to the local MARAC if the threats continue.",
    ],
}

ACTIONS = [
    "Send {name} the talking therapies options",
    "Chase the housing officer about the emergency move",
    "Book an interpreter for the next call",
    "Check the court date with the witness service",
    "Follow up the sexual health referral",
    "Send the hardship grant form",
]


def seed(rng: random.Random) -> None:
    staff = {user.username: user for user in User.objects.filter(username__in=staff_names())}
    if not {"supervisor", "caseworker", "caseworker2"} <= set(staff):
        return
    seed_team(staff)
    seed_services()
    if not Case.objects.exists():
        seed_cases(rng, staff)
    seed_report_referrals()


def seed_report_referrals(limit: int = 5) -> None:
    """Reports that asked for support wait in the queue, as reporting would have sent them."""
    from redbrolly.casework.services import referral_from_report
    from redbrolly.reports.models import Report

    if Referral.objects.filter(source=Case.Source.REPORT).exists():
        return
    asking = Report.objects.live().filter(wants_support=True, casework_referrals__isnull=True)
    for report in asking.order_by("-submitted_on")[:limit]:
        referral_from_report(report=report)


def staff_names() -> list[str]:
    return ["supervisor", "caseworker", "caseworker2"]


def seed_team(staff: dict[str, User]) -> None:
    team, _created = Team.objects.get_or_create(
        name=TEAM_NAME, defaults={"supervisor": staff["supervisor"]}
    )
    team.members.add(staff["caseworker"], staff["caseworker2"])


def seed_services() -> None:
    if Service.objects.exists():
        return
    regions = {region.code: region for region in Region.objects.all()}
    for name, kind, code, phone in SERVICES:
        slug = "".join(c for c in name.lower() if c.isalnum())[:30]
        service = Service.objects.create(
            name=name,
            kind=kind,
            description="A fictional service for the demo.",
            how_to_refer="Email the referral team with the person's consent.",
            phone=phone,
            email=f"referrals@{slug}.example.org",
            website=f"https://{slug}.example.org/",
        )
        if code in regions:
            service.regions.add(regions[code])


# --- cases ----------------------------------------------------------------------------------

SOURCES = ["callback", "callback", "practitioner", "partner", "phone"]
STAGES = ["unallocated"] * 6 + ["awaiting"] * 4 + ["active"] * 20 + ["closed"] * 8
STAGES += ["reopened"] * 2


def seed_cases(rng: random.Random, staff: dict[str, User]) -> None:
    now = timezone.now()
    regions = list(Region.objects.filter(code__in={s[2] for s in SERVICES if s[2]}))
    workers = [staff["caseworker"], staff["caseworker2"]]
    for number, stage in enumerate(STAGES):
        worker = staff["supervisor"] if number in {20, 27} else workers[number % 2]
        case = demo_case(rng, number, stage, worker, rng.choice(regions), now)
        if stage != "unallocated":
            fill_case(rng, case, stage, now)


def demo_case(
    rng: random.Random, number: int, stage: str, worker: User, region: Region, now: datetime
) -> Case:
    received = received_for(rng, stage, now)
    name = NAMES[number % len(NAMES)]
    case = Case.objects.create(
        source=rng.choice(SOURCES),
        urgency=rng.choice([1, 2, 2, 3]),
        working_name=name,
        contact_route=rng.choice(["call", "text", "whatsapp", "email"]),
        safe_times=rng.choice(["Weekdays after 6pm", "Mornings before 11", "Any time, text first"]),
        leave_message=rng.random() < 0.4,
        language=rng.choice(["en", "en", "en", "ro", "pl", "pt", "th"]),
        region=region,
        received_at=received,
        first_contact_due_at=rules.first_contact_due(received),
        status=Case.Status.UNALLOCATED if stage == "unallocated" else Case.Status.OPEN,
        worker=None if stage == "unallocated" else worker,
        allocated_at=None if stage == "unallocated" else received + timedelta(hours=3),
    )
    case.interpreter_needed = case.language in {"ro", "th"}
    case.contact_details = contact_for(case, number)
    case.save(update_fields=["interpreter_needed", "contact_details"])
    Referral.objects.create(
        case=case,
        source=case.source,
        received_at=received,
        reason=(
            "Asked for support after an assault by a client; wants help to feel safe working again."
        ),
    )
    Consent.objects.create(
        case=case,
        kind=Consent.Kind.STORE,
        scope="Agreed to us keeping their details",
        recorded_at=received,
    )
    return case


def received_for(rng: random.Random, stage: str, now: datetime) -> datetime:
    if stage in {"unallocated", "awaiting"}:
        return now - timedelta(hours=rng.randint(2, 80))
    if stage == "active":
        return now - timedelta(days=rng.randint(8, 120))
    return now - timedelta(days=rng.randint(90, 270))


def contact_for(case: Case, number: int) -> str:
    if case.contact_route == "email":
        return f"{case.working_name.lower()}{number}@example.com"
    return f"+447700900{300 + number:03d}"


def worker_of(case: Case) -> User:
    """Cases past the queue always have a worker (the demo allocates them)."""
    assert case.worker is not None
    return case.worker


def fill_case(rng: random.Random, case: Case, stage: str, now: datetime) -> None:
    if stage == "awaiting":
        return
    contact_times = demo_notes(rng, case, now)
    case.first_contact_at, case.last_contact_at = contact_times[0], contact_times[-1]
    case.needs = rng.sample(list(Case.Need.values), k=rng.randint(1, 3))
    case.safety_plan = (
        "Warning signs: texts from unknown numbers at night.\n"
        "Safe places: a friend's flat; the drop-in on Tuesdays.\n"
        "Emergency: call 999 and press 55 if unable to speak.\n"
        "Check-in: a neutral text from the caseworker every Friday."
    )
    case.safety_plan_updated_at = contact_times[0] + timedelta(days=1)
    case.police_involved = rng.random() < 0.25
    case.save()
    demo_risk(rng, case, now)
    demo_actions(rng, case, now)
    demo_referrals_on(rng, case)
    if case.police_involved:
        demo_justice(case)
    if stage in {"closed", "reopened"}:
        demo_closure(rng, case, now, reopened=stage == "reopened")


def demo_notes(rng: random.Random, case: Case, now: datetime) -> list[datetime]:
    span = max((now - case.received_at).days, 2)
    others = rng.choices(list(NOTES), weights=[5, 2, 2, 1, 1], k=rng.randint(2, 8))
    kinds = [Note.Kind.CONTACT, *others]
    offsets = sorted(rng.uniform(0.2, span - 0.5) for _ in kinds)
    contacts = []
    for kind, offset in zip(kinds, offsets, strict=True):
        at = case.received_at + timedelta(days=offset)
        note = Note.objects.create(
            case=case,
            kind=kind,
            author=case.worker,
            created_at=at,
            body=rng.choice(NOTES[kind]).format(name=case.working_name),
        )
        TimeEntry.objects.create(
            case=case,
            worker=worker_of(case),
            activity_type=str(kind),
            minutes=rng.choice([10, 15, 20, 30, 45, 60]),
            on=timezone.localtime(at).date(),
            note=note,
        )
        if kind == Note.Kind.CONTACT:
            contacts.append(at)
    return contacts


def demo_risk(rng: random.Random, case: Case, now: datetime) -> None:
    items = list(RiskItem.objects.filter(active=True))
    present = rng.sample(items, k=rng.randint(4, 10))
    times = rng.randint(2, 3)
    gap = ((case.last_contact_at or now) - case.received_at) / times
    for step in range(times):
        at = case.received_at + timedelta(hours=6) + gap * step
        score = sum(item.weight for item in present)
        assessment = RiskAssessment.objects.create(
            case=case, assessed_at=at, assessed_by=case.worker, score=score, level=level_for(score)
        )
        assessment.present.set(present)
        # Support usually helps: a risk or two falls away between assessments.
        present = present[: max(1, len(present) - rng.randint(1, 3))]


def level_for(score: int) -> str:
    level = RiskLevel.objects.filter(min_score__lte=score).order_by("-min_score").first()
    return level.label if level else ""


def demo_actions(rng: random.Random, case: Case, now: datetime) -> None:
    for title in rng.sample(ACTIONS, k=rng.randint(1, 3)):
        due = timezone.localdate() + timedelta(days=rng.randint(-6, 14))
        done = now - timedelta(days=1) if rng.random() < 0.4 else None
        Action.objects.create(
            case=case,
            title=title.format(name=case.working_name),
            owner=worker_of(case),
            due_on=due,
            done_at=done,
        )
    if rng.random() < 0.5:
        Appointment.objects.create(
            case=case,
            kind=rng.choice(list(Appointment.Kind.values)),
            starts_at=office_hours(now + timedelta(days=rng.randint(1, 12)), rng.randint(10, 16)),
            worker=worker_of(case),
            place="The drop-in, side entrance",
        )


def office_hours(day: datetime, hour: int) -> datetime:
    return timezone.localtime(day).replace(hour=hour, minute=0, second=0, microsecond=0)


def demo_referrals_on(rng: random.Random, case: Case) -> None:
    nearby = list(Service.objects.filter(regions=case.region)) or list(Service.objects.all())
    for service in rng.sample(nearby, k=min(len(nearby), rng.randint(0, 2))):
        OnwardReferral.objects.create(
            case=case,
            service=service,
            status=rng.choice(list(OnwardReferral.Status.values)),
            consent_given=True,
            made_by=case.worker,
            made_at=case.received_at + timedelta(days=3),
            note="Shared first name and safe contact route only, as agreed.",
        )
        Consent.objects.create(
            case=case,
            kind=Consent.Kind.SHARE,
            scope=f"Referral to {service.name}",
            recorded_by=case.worker,
            recorded_at=case.received_at + timedelta(days=3),
        )
        TimeEntry.objects.create(
            case=case,
            worker=worker_of(case),
            activity_type="referral",
            minutes=30,
            on=timezone.localtime(case.received_at).date() + timedelta(days=3),
        )


def demo_justice(case: Case) -> None:
    start = timezone.localtime(case.received_at).date()
    for days, kind in [(2, "reported"), (9, "statement"), (40, "charge")]:
        JusticeStep.objects.create(
            case=case, kind=kind, on=start + timedelta(days=days), recorded_by=case.worker
        )


def demo_closure(rng: random.Random, case: Case, now: datetime, *, reopened: bool) -> None:
    closed_at = min(case.last_contact_at or now, now) + timedelta(days=7)
    case.status, case.closed_at = Case.Status.CLOSED, min(closed_at, now - timedelta(days=1))
    case.closure_reason = rng.choice(["complete", "complete", "no_contact", "moved_on"])
    case.closure_note = "Support ended by agreement; knows how to come back to us."
    case.save()
    case.outcomes.set(rng.sample(list(OutcomeOption.objects.all()), k=rng.randint(1, 3)))
    if reopened:
        reopen(case)


def reopen(case: Case) -> Any:
    case.status, case.closed_at, case.closure_reason = Case.Status.OPEN, None, ""
    case.reopened_count = 1
    case.save()
    case.outcomes.clear()
