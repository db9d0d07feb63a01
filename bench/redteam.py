"""Red team: do alerts carry what identifies the people who reported? Measured end to end.

    cd /work/main && .venv/bin/python -m bench.redteam [--cases DIR_OR_FILE] [--show-misses]

Every case of the set (redbrolly/alerts/tests/data/redteam/*.json, or `--cases`) goes
through the real services on a fresh SQLite database: the reporter (a member with her
working name and contacts, a practitioner, or nobody) submits the report, a moderator
accepts it and drafts an alert from it. Two moderators are then tried:

- **as drafted**: the moderator edits nothing (the draft is made from the report's facts);
- **quoting**: the moderator pastes the whole narrative in as her own words, the worst a
  moderator can do, so that every detail in it meets the detector.

In both, the moderator removes every highlighted detail and changes nothing else; a second
moderator approves; the worker sends it to two members of the region (full text, not
discreet: email, SMS, in-app) and a push message is worded. Then every sent body is read:
the email, the text message, the push message, the member's alert page, the printable
bulletin and the partner API.

Printed, per kind of planted detail: how many were planted, left out of the draft or fully
highlighted (flagged), and how many reached a sent message whole; whole identifiers (his,
and her contacts) in any draft or sent body; and, over the safe cases, the share of
characters of the quoted text that was highlighted.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES = ROOT / "redbrolly" / "alerts" / "tests" / "data" / "redteam"
KINDS = ("name", "contact", "personal", "venue", "address", "time", "identifier")


@dataclass
class Tally:
    planted: Counter[str] = field(default_factory=Counter)
    left_out: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    reached: Counter[str] = field(default_factory=Counter)
    whole_in_drafts: int = 0
    whole_in_sent: int = 0
    safe_chars: int = 0
    safe_flagged: int = 0
    misses: list[str] = field(default_factory=list)


def setup_django(folder: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "redbrolly.settings",
            "REDBROLLY_ENV": "development",
            "DEBUG": "false",
            "LOG_LEVEL": "ERROR",
            "DATABASE_URL": f"sqlite:///{folder / 'redteam.sqlite3'}",
            "REDBROLLY_VAR_DIR": str(folder),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "REDBROLLY_CHECKER_RATE_LIMITS": "false",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    found: list[dict[str, Any]] = []
    for one in files:
        found += json.loads(one.read_text(encoding="utf-8"))
    return found


# --- the people -----------------------------------------------------------------------------


def staff(username: str, group: str = "moderator") -> Any:
    from django.contrib.auth.models import Group

    from redbrolly.accounts.models import User

    user, _created = User.objects.get_or_create(username=username)
    user.groups.set(Group.objects.filter(name=group))
    return user


def member(username: str, region: Any, *, email: str, mobile: str, kind: str = "individual") -> Any:
    from redbrolly.accounts.models import MemberProfile, User
    from redbrolly.accounts.services import Contact, contact_indexes

    user = User.objects.create(username=username, password="!")
    contact = Contact(email=email, mobile=mobile)
    profile = MemberProfile.objects.create(
        user=user,
        status=MemberProfile.Status.APPROVED,
        membership_type=kind,
        email=email,
        mobile=mobile,
        notify_email=bool(email),
        notify_sms=bool(mobile),
        notify_inapp=True,
        discreet_mode=False,
        sectors=[],
        **contact_indexes(contact),
    )
    profile.regions.set([region])
    return user


def unique_name(wanted: str, n: int) -> str:
    from redbrolly.accounts.models import User

    name, tries = wanted or f"reporter-{n}", 0
    while User.objects.filter(username=name).exists():
        tries += 1
        name = f"{wanted or 'reporter'}-{n}-{tries}"
    return name


def reporter_of(case: dict[str, Any], region: Any, n: int) -> Any:
    who = case["reporter"]
    if who["account"] == "anonymous":
        return None
    from redbrolly.lib.normalise import NotAnIdentifier, normalise_phone

    try:
        mobile = normalise_phone(who.get("mobile", "")).value if who.get("mobile") else ""
    except NotAnIdentifier:
        mobile = ""
    kind = "practitioner" if who["account"] == "practitioner" else "individual"
    name = unique_name(who.get("working_name", ""), n)
    return member(name, region, email=who.get("email", ""), mobile=mobile, kind=kind)


# --- the report -----------------------------------------------------------------------------


def report_of(case: dict[str, Any], n: int, moderator: Any) -> Any:
    import datetime

    from django.utils import timezone

    from redbrolly.core.models import Region
    from redbrolly.lib.normalise import NotAnIdentifier, normalise_any
    from redbrolly.reports import services
    from redbrolly.reports.parsing import PerpetratorInput, ReportInput

    facts, him = case["report"], case["perpetrator"]
    region = Region.objects.get(code=facts["region"])
    reporter = reporter_of(case, region, n)
    identifiers = []
    for given in him.get("identifiers", []):
        try:
            identifiers.append(normalise_any(given["value"], allow_partial_plate=True))
        except NotAnIdentifier:
            continue
    who = case["reporter"]
    data = ReportInput(
        incident_types=tuple(facts["incident_types"]),
        occurred_on=timezone.localdate() - datetime.timedelta(days=facts.get("days_ago", 3)),
        region=region.code,
        narrative=case["narrative"],
        consent_level="alert",
        setting=facts["setting"],
        area=facts.get("area", "")[:80],
        perpetrators=(
            PerpetratorInput(
                names=him.get("names", ""),
                description=him.get("description", ""),
                behaviour=him.get("behaviour", ""),
                vehicle_make=him.get("vehicle_make", ""),
                vehicle_model=him.get("vehicle_model", ""),
                vehicle_colour=him.get("vehicle_colour", ""),
                identifiers=tuple(dict.fromkeys(identifiers)),
            ),
        ),
        wants_support=bool(who.get("support_contact")),
        support_contact=who.get("support_contact", ""),
        on_behalf_of_someone=bool(who.get("behalf_who")),
        behalf_who=who.get("behalf_who", ""),
        behalf_consent=bool(who.get("behalf_who")),
    )
    source = "anonymous" if reporter is None else services.source_for(reporter, None, False)
    report = services.report_submit(data=data, reporter=reporter, source=source).report
    severity = facts.get("severity", "medium")
    return services.report_accept(moderator=moderator, report=report, severity=severity)


# --- what a sent alert carries --------------------------------------------------------------


def sent_bodies(alert: Any, readers: list[Any]) -> list[str]:
    """Every body the alert left the system in: queued deliveries as the worker sent them,
    the email the mail server got, a push message, the member page, bulletin and API."""
    from django.core import mail
    from django.test import Client

    from redbrolly.alerts import bulletin, messages
    from redbrolly.alerts.api import out
    from redbrolly.notify.models import Delivery
    from redbrolly.notify.services import send_due

    mail.outbox = []
    send_due()
    rows = Delivery.objects.filter(source_type="alerts.alert", source_id=str(alert.pk))
    bodies = [f"{row.subject}\n{row.body}" for row in rows]
    bodies += [f"{message.subject}\n{message.body}" for message in mail.outbox]
    for language in {"en", *[r.member_profile.language for r in readers]}:
        words = messages.wording(alert, "push", language=language, discreet=False)
        bodies.append(f"{words.subject}\n{words.body}")
        bodies.append(json.dumps(out(alert, language), ensure_ascii=False, default=str))
    client = Client()
    for reader in readers:
        client.force_login(reader)
        bodies.append(client.get(f"/alerts/{alert.pk}/").content.decode())
    region = alert.regions.first()
    if region is not None:
        bodies.append(
            bulletin.document(readers[0], region=region, since=None, neutral=False, language="en")
        )
    return bodies


# --- measuring ------------------------------------------------------------------------------


def squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def occurrences(detail: str, text: str) -> list[tuple[int, int]]:
    """Where `detail` is written in `text` as words (any case, any spacing): "Ani" is not in
    "planificam", and a name said twice must be caught twice. Han and Thai have no spaces."""
    words = [re.escape(word) for word in detail.split()]
    pattern = r"\s+".join(words)
    if re.search(r"[\u3400-\u9fff\u0e00-\u0e7f]", detail):
        bounded = pattern
    else:
        bounded = rf"(?<![^\W_]){pattern}(?![^\W_])"
    return [m.span() for m in re.finditer(bounded, text, re.IGNORECASE)]


def covered(text: str, detail: str, flags: list[Any]) -> bool | None:
    """Whether every character of every occurrence of `detail` in `text` is highlighted
    (None: not in the text)."""
    found = occurrences(detail, text)
    if not found:
        return None
    marked = set()
    for flag in flags:
        marked |= set(range(flag.start, flag.end))
    return all(
        i in marked for start, end in found for i in range(start, end) if not text[i].isspace()
    )


def whole_identifiers(text: str, case: dict[str, Any]) -> list[str]:
    """His identifiers and her contacts written whole in `text`, found independently of the
    detector: digits of a number, an address, a handle, a plate without its spaces."""
    digits = re.sub(r"\D", "", text)
    flat = re.sub(r"[\s\-]", "", text).casefold()
    found = []
    for value in values_of(case):
        if re.fullmatch(r"\+?[\d\s\-()]+", value):
            national = re.sub(r"\D", "", value)[-10:]
            whole = len(national) == 10 and national in digits
        elif "@" in value:
            whole = value.casefold() in text.casefold()
        else:
            whole = len(value) >= 4 and re.sub(r"[\s\-]", "", value).casefold() in flat
        if whole:
            found.append(value)
    return found


def values_of(case: dict[str, Any]) -> list[str]:
    his = [given["value"] for given in case["perpetrator"].get("identifiers", [])]
    hers = [case["reporter"].get(name, "") for name in ("email", "mobile")]
    return [value for value in his + hers if value]


def alert_text(alert: Any) -> str:
    from redbrolly.alerts import selectors

    return "\n".join(selectors.alert_texts(alert).values()) + "\n" + alert.text_in("en")["summary"]


def resolve_every_flag(moderator: Any, alert: Any) -> None:
    from redbrolly.alerts import selectors, services

    for _round in range(50):
        waiting = selectors.unresolved(selectors.flags_in(alert))
        if not waiting:
            return
        item = waiting[0]
        services.alert_flag_remove(
            moderator=moderator, alert=alert, name=item.field, fingerprint=item.fingerprint
        )
        alert.refresh_from_db()


def run_case(case: dict[str, Any], n: int, mode: str, people: dict[str, Any], tally: Tally) -> None:
    from redbrolly.alerts import selectors, services
    from redbrolly.alerts.models import Alert
    from redbrolly.alerts.testing import quoting

    report = report_of(case, n, people["moderator"])
    alert = services.alert_draft_from_reports(moderator=people["moderator"], reports=[report])
    if mode == "quoting":
        quoting(people["moderator"], alert, case["narrative"])
    alert = Alert.objects.get(pk=alert.pk)
    flags = {
        name: [f.flag for f in selectors.flags_in(alert) if f.field == name]
        for name in selectors.alert_texts(alert)
    }
    texts = selectors.alert_texts(alert)
    draft = alert_text(alert)
    whole = whole_identifiers(draft, case)
    tally.whole_in_drafts += len(whole)
    tally.misses += [f"{case['id']} WHOLE in a draft: {value!r}" for value in whole]
    for planted in case["planted"]:
        kind, detail = planted["kind"], planted["text"]
        tally.planted[kind] += 1
        if kind == "identifier":
            continue
        states = [covered(text, detail, flags[name]) for name, text in texts.items()]
        if all(state is None for state in states) and not occurrences(detail, draft):
            tally.left_out[kind] += 1
        elif all(state in (None, True) for state in states):
            tally.flagged[kind] += 1
        else:
            tally.misses.append(f"{case['id']} {kind}: {detail!r}")
    if case["safe"] and mode == "quoting":
        summary = texts["summary"]
        marked = set()
        for flag in flags["summary"]:
            marked |= set(range(flag.start, flag.end))
        tally.safe_chars += len(summary)
        tally.safe_flagged += len(marked)
        for flag in flags["summary"]:
            tally.misses.append(
                f"{case['id']} safe text flagged ({flag.kind}): {summary[flag.start : flag.end]!r}"
            )
    resolve_every_flag(people["moderator"], alert)
    services.alert_submit(moderator=people["moderator"], alert=alert)
    services.alert_approve(moderator=people["approver"], alert=alert)
    alert = Alert.objects.prefetch_related("regions", "translations", "updates").get(pk=alert.pk)
    readers = readers_in(alert, people)
    bodies = sent_bodies(alert, readers)
    joined = html.unescape(squashed("\n".join(bodies)))
    whole = [value for body in bodies for value in whole_identifiers(body, case)]
    tally.whole_in_sent += len(whole)
    tally.misses += [f"{case['id']} WHOLE in a sent message: {value!r}" for value in whole]
    for planted in case["planted"]:
        if planted["kind"] != "identifier" and occurrences(planted["text"], joined):
            tally.reached[planted["kind"]] += 1
            tally.misses.append(f"{case['id']} SENT {planted['kind']}: {planted['text']!r}")


def readers_in(alert: Any, people: dict[str, Any]) -> list[Any]:
    from redbrolly.accounts.models import User

    region = alert.regions.first()
    readers = list(User.objects.filter(username__startswith=f"reader-{region.pk}-"))
    if not readers:
        readers = [
            member(
                f"reader-{region.pk}-{k}",
                region,
                email=f"reader{region.pk}x{k}@example.net",
                mobile=f"+4477009{region.pk:03d}{k:02d}",
            )
            for k in range(2)
        ]
    return readers


def report(mode: str, tally: Tally, seconds: float, cases: int) -> None:
    print(f"\n## {mode} ({cases} cases, {seconds:.1f} s)\n")
    print("| kind | planted | left out | flagged | flagged or left out | reached a sent message |")
    print("|---|---|---|---|---|---|")
    total = caught = reached = 0
    for kind in KINDS:
        if kind == "identifier":
            continue
        planted = tally.planted[kind]
        ok = tally.left_out[kind] + tally.flagged[kind]
        total, caught, reached = total + planted, caught + ok, reached + tally.reached[kind]
        share = f"{100 * ok / planted:.1f}%" if planted else "-"
        print(
            f"| {kind} | {planted} | {tally.left_out[kind]} | {tally.flagged[kind]} | "
            f"{ok} ({share}) | {tally.reached[kind]} |"
        )
    print(f"| **all** | {total} | | | {caught} ({100 * caught / max(total, 1):.1f}%) | {reached} |")
    print(f"\nhis identifiers planted in the text: {tally.planted['identifier']}")
    print(f"whole identifiers (his, and her contacts) in drafts: {tally.whole_in_drafts}")
    print(f"whole identifiers in sent messages: {tally.whole_in_sent}")
    if tally.safe_chars:
        flagged_share = 100 * tally.safe_flagged / tally.safe_chars
        counted = f"{tally.safe_flagged} of {tally.safe_chars}"
        print(f"safe text flagged: {flagged_share:.1f}% of characters ({counted})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--mode", choices=["drafted", "quoting", "both"], default="both")
    args = parser.parse_args()
    cases = load(args.cases)
    modes = ["drafted", "quoting"] if args.mode == "both" else [args.mode]
    with tempfile.TemporaryDirectory(prefix="redteam-") as folder:
        setup_django(Path(folder))
        print(f"# Red team: {len(cases)} cases from {args.cases}")
        for mode in modes:
            tally = Tally()
            people = {
                "moderator": staff(f"moderator-{mode}"),
                "approver": staff(f"approver-{mode}"),
            }
            started = time.perf_counter()
            for n, case in enumerate(cases):
                run_case(case, n, mode, people, tally)
            report(mode, tally, time.perf_counter() - started, len(cases))
            if args.show_misses:
                print("\n".join(f"  - {miss}" for miss in tally.misses))


if __name__ == "__main__":
    main()
