"""Demo data for research: "Safety and wellbeing cohort 2026", recruiting, ~300 participants.

Score distributions come from `analysis.simulate.simulate_cohort` (arms, confounding, 40%
attrition, a little contamination); item answers are drawn to add up to those scores, so the
export scores back to them. Enrolment is spread over the last ~14 months, so some follow-up
windows have closed, some are open (several overdue) and some have not opened yet.
"""

from __future__ import annotations

import bisect
import random
import secrets
from datetime import datetime, timedelta
from functools import cache
from itertools import product
from typing import Any

from django.utils import timezone

from redbrolly.research.analysis.simulate import simulate_cohort
from redbrolly.research.instruments.scoring import (
    EQ5D_DIMENSIONS,
    UK_VALUE_SET,
    VIOLENCE_TYPES,
    eq5d_utility,
    load_value_set,
)
from redbrolly.research.models import (
    Arm,
    Channel,
    Consent,
    ConsentForm,
    EligibilityScreen,
    FollowUp,
    IncentivePayment,
    InstrumentResponse,
    Participant,
    ParticipantContact,
    Study,
    WaveResponse,
)
from redbrolly.research.services import follow_up_dates, token_index, token_new

STUDY_SLUG = "safety-wellbeing-2026"
PARTICIPANTS = 300
INFORMATION_SHEET = (
    "We want to find out whether joining our safety network makes a difference to people "
    "who sell or exchange sex: to how safe they are, how often they are hurt, and how they "
    "feel.\n\nIf you take part you answer a questionnaire now (about 15 minutes) and another "
    "in six months. We do not ask your name. Your answers are kept apart from any membership "
    "and from our support services, and are only used for this study. You can stop at any "
    "time, and choose whether to keep or delete what you already answered.\n\nSome questions "
    "are about violence and about how you feel. You can answer 'I'd rather not say', and the "
    "'Get help' page lists people you can talk to."
)
CONSENT_TEXT = "By ticking the boxes below you agree to take part in this study."
STATEMENTS = [
    "I have read the information about the study.",
    "I understand that taking part is voluntary and that I can stop at any time.",
    "I agree that my anonymous answers can be used for research and published as statistics.",
]
AGE_BANDS = {
    "18-24": ["18_24"],
    "25-34": ["25_34"],
    "35-44": ["35_44"],
    "45+": ["45_54", "55_plus"],
}
GENDERS = (["woman"] * 16) + ["man", "man", "non_binary", "prefer_not"]
STRATEGIES = [
    "screen_clients",
    "checker",
    "tell_someone",
    "work_with_others",
    "buddy_checkin",
    "phone_charged",
    "payment_first",
    "refused_booking",
    "other",
]
PERPETRATORS = ["client", "client", "client", "police", "partner", "other"]
SERVICE_USE = {
    Arm.MEMBER: {
        "svc_alerts_read": 0.8,
        "svc_checker_used": 0.5,
        "svc_report_made": 0.2,
        "svc_casework": 0.1,
    },
    Arm.NON_MEMBER: {
        "svc_alerts_read": 0.15,
        "svc_checker_used": 0.1,
        "svc_report_made": 0.05,
        "svc_casework": 0.02,
    },
}


def seed(rng: random.Random) -> None:
    if Study.objects.filter(slug=STUDY_SLUG).exists():
        return
    now = timezone.now()
    study = Study.objects.create(
        slug=STUDY_SLUG,
        title="Safety and wellbeing cohort 2026",
        ethics_reference="REC 25/NW/0142",
        status=Study.Status.RECRUITING,
        recruiting_since=now - timedelta(days=430),
        created_at=now - timedelta(days=440),
    )
    consent_form = ConsentForm.objects.create(
        study=study,
        version=1,
        information_sheet=INFORMATION_SHEET,
        consent_text=CONSENT_TEXT,
        statements=STATEMENTS,
        published_at=now - timedelta(days=430),
    )
    seed_cohort(study, consent_form, n=PARTICIPANTS, rng=rng)


def seed_cohort(
    study: Study, consent_form: ConsentForm, *, n: int, rng: random.Random
) -> list[Participant]:
    """`n` participants with answers, follow-ups, contacts and incentives (tests use it too)."""
    cohort = simulate_cohort(n, seed=rng.randrange(2**31), attrition=0.4, contamination=0.05)
    people = cohort.to_dict("records")
    baselines = [row for row in people if row["wave"] == 0]
    follow_ups = {row["participant"]: row for row in people if row["wave"] == 1}
    now = timezone.now()
    participants = _participants(study, baselines, rng, now)
    Consent.objects.bulk_create(
        [
            Consent(
                participant=p,
                form=consent_form,
                form_version=consent_form.version,
                snapshot=consent_form.snapshot(),
                given_at=p.enrolled_at,
            )
            for p in participants
        ]
    )
    reachable = _contacts(participants, rng)
    towns = _towns()
    for base in baselines:
        base["town"] = rng.choice(towns)
    waves = _waves(study, participants, baselines, follow_ups, reachable, rng, now)
    _incentives(study, waves, rng)
    _screens(study, n, rng, now)
    _withdrawals(participants[:5])
    return participants


def _participants(
    study: Study, baselines: list[dict[str, Any]], rng: random.Random, now: datetime
) -> list[Participant]:
    rows = []
    for number, base in enumerate(baselines):
        enrolled = now - timedelta(days=rng.uniform(120, 420), hours=rng.uniform(0, 12))
        rows.append(
            Participant(
                study=study,
                pseudonym=f"P{secrets.token_hex(4)}",
                token_index=token_index(token_new()),
                arm=base["arm"],
                language="en",
                enrolled_at=enrolled,
                link_nonce=secrets.token_hex(16),
                reminders_stopped_at=enrolled if number % 23 == 0 else None,
            )
        )
    return Participant.objects.bulk_create(rows)


def _contacts(participants: list[Participant], rng: random.Random) -> set[int]:
    """About three in four leave a way to reach them; returns their ids."""
    rows = []
    for number, participant in enumerate(participants):
        if rng.random() < 0.25:
            continue
        if rng.random() < 0.7:
            email = f"participant-{number:03d}@example.org"
            rows.append(
                ParticipantContact(participant=participant, channel=Channel.EMAIL, email=email)
            )
        else:
            phone = f"+447700900{number % 1000:03d}"
            rows.append(
                ParticipantContact(participant=participant, channel=Channel.SMS, phone=phone)
            )
    ParticipantContact.objects.bulk_create(rows)
    return {row.participant.pk for row in rows}


def _waves(
    study: Study,
    participants: list[Participant],
    baselines: list[dict[str, Any]],
    follow_ups: dict[str, dict[str, Any]],
    reachable: set[int],
    rng: random.Random,
    now: datetime,
) -> list[WaveResponse]:
    today = timezone.localdate(now)
    waves, responses, schedule = [], [], []
    for participant, base in zip(participants, baselines, strict=True):
        enrolled = participant.enrolled_at
        opens, due, closes = follow_up_dates(study, timezone.localdate(enrolled))
        base_done = enrolled + timedelta(minutes=rng.uniform(12, 40))
        waves.append(
            WaveResponse(
                participant=participant,
                wave=0,
                arm_now=participant.arm,
                started_at=enrolled,
                completed_at=base_done,
            )
        )
        responses.append((0, base, _baseline_answers(base, participant.arm, rng)))
        follow = follow_ups[base["participant"]]
        answered = opens <= today and follow["phq9_total"] == follow["phq9_total"]  # not NaN
        done = None
        if answered:
            latest = min((today - opens).days, (closes - opens).days)
            day = opens + timedelta(days=rng.randint(0, max(latest, 0)))
            done = timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(
                hours=rng.uniform(8, 22)
            )
            done = min(done, now)
            waves.append(
                WaveResponse(
                    participant=participant,
                    wave=1,
                    arm_now=follow["arm_now"],
                    started_at=done - timedelta(minutes=20),
                    completed_at=done,
                )
            )
            responses.append((1, follow, _outcome_answers(follow, participant.arm, rng)))
        reached = participant.pk in reachable
        schedule.append(_follow_up(participant, (opens, due, closes), today, done, reached))
    created = WaveResponse.objects.bulk_create(waves)
    FollowUp.objects.bulk_create(schedule)
    InstrumentResponse.objects.bulk_create(_responses(study, created, responses))
    return created


def _follow_up(
    participant: Participant,
    dates: tuple[Any, Any, Any],
    today: Any,
    done: datetime | None,
    reached: bool,
) -> FollowUp:
    opens, due, closes = dates
    invited = None
    last = 0
    if opens <= today and reached:
        invited = timezone.make_aware(datetime.combine(opens, datetime.min.time())) + timedelta(
            hours=9
        )
        since = (min(today, closes) - opens).days
        last = max([day for day in (3, 7, 14) if day <= since], default=0)
    return FollowUp(
        participant=participant,
        wave=1,
        opens_on=opens,
        due_on=due,
        closes_on=closes,
        invited_at=invited,
        last_reminder_day=last,
        done_at=done,
    )


def _responses(
    study: Study,
    created: list[WaveResponse],
    responses: list[tuple[int, dict[str, Any], dict[str, dict[str, Any]]]],
) -> list[InstrumentResponse]:
    from redbrolly.research.selectors import study_instrument

    versions = {
        instrument_id: study_instrument(study, instrument_id).version
        for instrument_id in {*study.baseline_instruments, *study.followup_instruments}
    }
    rows = []
    for wave, (_number, _row, by_instrument) in zip(created, responses, strict=True):
        for instrument_id, answers in by_instrument.items():
            row = InstrumentResponse(
                wave_response=wave,
                instrument_id=instrument_id,
                instrument_version=versions[instrument_id],
                complete=True,
                saved_at=wave.completed_at or wave.started_at,
            )
            row.answers = answers
            rows.append(row)
    return rows


# --- answers that add up to the simulated scores ---------------------------------------------


def _baseline_answers(row: dict[str, Any], arm: str, rng: random.Random) -> dict[str, dict]:
    return {"demographics": _demographics(row, rng), **_outcome_answers(row, arm, rng)}


def _outcome_answers(row: dict[str, Any], arm: str, rng: random.Random) -> dict[str, dict]:
    return {
        "phq9": _frequency_items("phq9", 9, int(row["phq9_total"]), rng),
        "gad7": _frequency_items("gad7", 7, int(row["gad7_total"]), rng),
        "eq5d3l_uk": _eq5d(float(row["eq5d_utility"]), rng),
        "violence": _violence(int(row["any_violence"]), int(row["violence_count"]), rng),
        "safety": _safety(int(row["safety_count"]), rng),
        "service_use": _service_use(row.get("arm_now") or arm, rng),
    }


def _demographics(row: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    return {
        "demo_gender": rng.choice(GENDERS),
        "demo_age_band": rng.choice(AGE_BANDS[row["age_band"]]),
        "demo_born_outside_uk": "yes" if row["migrant"] else "no",
        "demo_sector": row["sector"],
        "demo_region": row.get("town") or "Manchester",
    }


def _frequency_items(prefix: str, count: int, total: int, rng: random.Random) -> dict[str, str]:
    levels = [0] * count
    for _ in range(min(total, 3 * count)):
        room = [i for i, level in enumerate(levels) if level < 3]
        levels[rng.choice(room)] += 1
    return {f"{prefix}_{i + 1}": str(level) for i, level in enumerate(levels)}


@cache
def _eq5d_states() -> tuple[list[float], list[tuple[int, ...]]]:
    value_set = load_value_set(UK_VALUE_SET)
    states = sorted(product((1, 2, 3), repeat=5), key=lambda s: eq5d_utility(s, value_set))
    return [eq5d_utility(state, value_set) for state in states], states


def _eq5d(utility: float, rng: random.Random) -> dict[str, str]:
    values, states = _eq5d_states()
    index = min(bisect.bisect_left(values, utility), len(states) - 1)
    near = [i for i in (index - 1, index) if 0 <= i < len(states)]
    state = states[min(near, key=lambda i: abs(values[i] - utility))]
    return {dimension: str(level) for dimension, level in zip(EQ5D_DIMENSIONS, state, strict=True)}


def _violence(any_violence: int, count: int, rng: random.Random) -> dict[str, Any]:
    answers: dict[str, Any] = {f"viol_{kind}": "no" for kind in VIOLENCE_TYPES}
    if not any_violence:
        if rng.random() < 0.04:
            answers[f"viol_{rng.choice(VIOLENCE_TYPES)}"] = "prefer_not"
        return answers
    kinds = rng.sample(VIOLENCE_TYPES, k=min(rng.choice([1, 1, 1, 2, 2, 3]), max(count, 1)))
    split = _split(max(count, len(kinds)), len(kinds), rng)
    for kind, times in zip(kinds, split, strict=True):
        answers[f"viol_{kind}"] = "yes"
        answers[f"viol_{kind}_who"] = sorted(set(rng.choices(PERPETRATORS, k=rng.randint(1, 2))))
        answers[f"viol_{kind}_count"] = times
    reported = rng.random() < 0.45
    answers["viol_reported"] = "yes" if reported else "no"
    if reported:
        answers["viol_reported_to"] = rng.sample(
            ["organisation", "police", "health", "peer"], k=rng.randint(1, 2)
        )
    return answers


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    counts = [1] * parts
    for _ in range(total - parts):
        counts[rng.randrange(parts)] += 1
    return counts


def _safety(count: int, rng: random.Random) -> dict[str, Any]:
    chosen = rng.sample(STRATEGIES, k=min(count, len(STRATEGIES)))
    answers: dict[str, Any] = {"safety_strategies": sorted(chosen) or ["none"]}
    if "other" in chosen:
        answers["safety_strategies_other"] = "Kept a note of car registrations"
    return answers


def _service_use(arm: str, rng: random.Random) -> dict[str, str]:
    chances = SERVICE_USE[Arm(arm)]
    return {name: "yes" if rng.random() < p else "no" for name, p in chances.items()}


def _towns() -> list[str]:
    from redbrolly.core.models import Region

    towns = [town for region in Region.objects.all() for town in region.main_towns]
    return towns or ["Manchester", "Leeds", "Glasgow", "Bristol"]


# --- the rest of the study's paperwork --------------------------------------------------------


def _incentives(study: Study, waves: list[WaveResponse], rng: random.Random) -> None:
    from redbrolly.accounts.models import User

    researcher = User.objects.filter(username="researcher").first()
    rows = [
        IncentivePayment(
            wave_response=wave,
            amount_pence=study.incentive_pence,
            description=study.incentive_description,
            method=rng.choice([IncentivePayment.Method.MESSAGE, IncentivePayment.Method.IN_PERSON]),
            recorded_by=researcher,
            recorded_at=(wave.completed_at or timezone.now()) + timedelta(days=rng.randint(1, 10)),
        )
        for wave in waves
        if wave.completed_at and rng.random() < 0.7
    ]
    IncentivePayment.objects.bulk_create(rows)


def _screens(study: Study, n: int, rng: random.Random, now: datetime) -> None:
    ineligible = round(n * 0.15)
    EligibilityScreen.objects.bulk_create(
        [
            EligibilityScreen(
                study=study,
                eligible=number >= ineligible,
                screened_at=now - timedelta(days=rng.uniform(120, 420)),
            )
            for number in range(n + ineligible)
        ]
    )


def _withdrawals(participants: list[Participant]) -> None:
    """A few withdrew: three kept their answers, two asked for them to be deleted."""
    for number, participant in enumerate(participants):
        participant.status = Participant.Status.WITHDRAWN
        participant.withdrawn_at = participant.enrolled_at + timedelta(days=30)
        participant.data_deleted = number >= 3
        participant.save()
        ParticipantContact.objects.filter(participant=participant).delete()
        if participant.data_deleted:
            WaveResponse.objects.filter(participant=participant).delete()
