"""Demo people: the named demo logins and a few hundred fictional members."""

from __future__ import annotations

import io
import random
from datetime import timedelta

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from PIL import Image, ImageDraw

from redbrolly.accounts.models import MemberProfile, User
from redbrolly.accounts.roles import Role
from redbrolly.accounts.services import Contact, contact_indexes, membership_proof_from
from redbrolly.core.demo import DEMO_PASSWORD, DEMO_TOTP_SECRETS
from redbrolly.core.models import Region
from redbrolly.lib.evidence import evidence_prepare

# (username, membership type, region code, sectors)
DEMO_MEMBERS = [
    (
        "member",
        MemberProfile.MembershipType.INDIVIDUAL,
        "greater-manchester",
        ["indoor", "outcall"],
    ),
    ("member2", MemberProfile.MembershipType.INDIVIDUAL, "scotland-greater-glasgow", ["street"]),
    (
        "practitioner",
        MemberProfile.MembershipType.PRACTITIONER,
        "metropolitan",
        ["street", "indoor"],
    ),
]
DEMO_STAFF = {
    "moderator": [Role.MODERATOR],
    "moderator2": [Role.MODERATOR],
    "caseworker": [Role.CASEWORKER],
    "caseworker2": [Role.CASEWORKER],
    "supervisor": [Role.CASE_SUPERVISOR],
    "analyst": [Role.ANALYST],
    "researcher": [Role.RESEARCHER],
    "admin": [Role.ADMIN],
}
# Enough members of each type to make targeting, statistics and queues look alive.
BULK_MEMBERS = {
    MemberProfile.MembershipType.INDIVIDUAL: 320,
    MemberProfile.MembershipType.PRACTITIONER: 200,
    MemberProfile.MembershipType.SITE: 200,
}
NAMES = [
    "Amber",
    "Roxy",
    "Jade",
    "Luna",
    "Scarlett",
    "Ruby",
    "Kitty",
    "Mia",
    "Bella",
    "Chloe",
    "Destiny",
    "Candy",
    "Sasha",
    "Nina",
    "Lola",
    "Tia",
    "Aria",
    "Cleo",
    "Vixen",
    "Gemma",
    "Marco",
    "Leo",
    "Kai",
    "Alex",
    "Sam",
    "Jordan",
    "Raven",
    "Ivy",
    "Sky",
    "Ebony",
]
PROJECTS = ["Outreach", "Project", "Drop-in", "Health Team", "Support Service", "Collective"]
SITES = ["Studio", "Parlour", "Suite", "Lounge", "House", "Rooms"]
# Applications waiting in the review queue with a proof-of-work file attached:
# (username, membership type, region code, days ago, note, lines drawn on the file)
DEMO_APPLICANTS = [
    (
        "applicant-ivy",
        MemberProfile.MembershipType.INDIVIDUAL,
        "greater-manchester",
        2,
        "A screenshot of my advert is attached.",
        ["DEMO - FICTIONAL ADVERT", "Ivy, Manchester", "Incall / outcall", "Not a real person"],
    ),
    (
        "applicant-northside-project",
        MemberProfile.MembershipType.PRACTITIONER,
        "west-yorkshire",
        5,
        "A letter from our coordinator is attached.",
        ["DEMO - FICTIONAL LETTER", "Northside Project", "To whom it may concern:", "..."],
    ),
]
STATUS_WEIGHTS = [
    (MemberProfile.Status.APPROVED, 86),
    (MemberProfile.Status.PENDING, 8),
    (MemberProfile.Status.MORE_INFO, 4),
    (MemberProfile.Status.REFUSED, 2),
]


def seed(rng: random.Random) -> None:
    password = make_password(DEMO_PASSWORD)
    for username, kind, region, sectors in DEMO_MEMBERS:
        demo_member(username, kind, region, sectors, password)
    for username, roles in DEMO_STAFF.items():
        demo_staff(username, roles, password)
    if not User.objects.filter(username__startswith="demo-").exists():
        bulk_members(rng)
    for username, kind, region, days, note, lines in DEMO_APPLICANTS:
        demo_applicant(username, kind, region, days, note, lines)


def demo_member(username: str, kind: str, region: str, sectors: list[str], password: str) -> None:
    user, created = User.objects.get_or_create(username=username, defaults={"password": password})
    if not created:
        return
    number = 900000 + len(username) * 7 + (11 if username.endswith("2") else 0)
    contact = Contact(email=f"{username}@example.com", mobile=f"+447700{number}")
    profile = MemberProfile.objects.create(
        user=user,
        membership_type=kind,
        status=MemberProfile.Status.APPROVED,
        email=contact.email,
        mobile=contact.mobile,
        sectors=sectors,
        notify_email=True,
        notify_sms=True,
        reviewed_at=timezone.now(),
        **contact_indexes(contact),
    )
    profile.regions.set(Region.objects.filter(code=region))


def demo_applicant(
    username: str, kind: str, region: str, days: int, note: str, lines: list[str]
) -> None:
    user, created = User.objects.get_or_create(username=username, defaults={"password": "!"})
    if not created:
        return
    profile = MemberProfile.objects.create(
        user=user,
        membership_type=kind,
        applicant_note=note,
        applied_at=timezone.now() - timedelta(days=days),
    )
    profile.regions.set(Region.objects.filter(code=region))
    membership_proof_from(profile, evidence_prepare(proof_picture(lines)))


def proof_picture(lines: list[str]) -> bytes:
    """A small, plainly fictional 'screenshot' (PNG) drawn with Pillow's default font."""
    image = Image.new("RGB", (360, 200), (250, 246, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 359, 36), fill=(120, 30, 60))
    for number, line in enumerate(lines):
        colour = (255, 255, 255) if number == 0 else (40, 40, 40)
        draw.text((16, 12 + number * 40), line, fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def demo_staff(username: str, roles: list[Role], password: str) -> None:
    user, created = User.objects.get_or_create(
        username=username, defaults={"password": password, "is_staff": username == "admin"}
    )
    if not created:
        return
    user.groups.set(Group.objects.filter(name__in=[role.value for role in roles]))
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRETS[username])


def bulk_members(rng: random.Random) -> None:
    regions = list(Region.objects.all())
    now = timezone.now()
    users, profiles, region_links = [], [], []
    serial = 0
    for kind, count in BULK_MEMBERS.items():
        for _ in range(count):
            serial += 1
            users.append(
                User(
                    username=f"demo-{working_name(rng, kind)}-{serial}",
                    password="!",
                    date_joined=now - timedelta(days=rng.randint(1, 900)),
                )
            )
    User.objects.bulk_create(users)
    created = list(User.objects.filter(username__startswith="demo-").order_by("pk"))
    kinds = [kind for kind, count in BULK_MEMBERS.items() for _ in range(count)]
    for user, kind in zip(created, kinds, strict=True):
        profiles.append(bulk_profile(rng, user, kind, now))
    MemberProfile.objects.bulk_create(profiles)
    through = MemberProfile.regions.through
    for profile in MemberProfile.objects.filter(user__username__startswith="demo-"):
        for region in rng.sample(regions, k=rng.choice([1, 1, 1, 2, 3])):
            region_links.append(through(memberprofile_id=profile.pk, region_id=region.pk))
    through.objects.bulk_create(region_links)


def working_name(rng: random.Random, kind: str) -> str:
    name = rng.choice(NAMES)
    if kind == MemberProfile.MembershipType.PRACTITIONER:
        return f"{name}-{rng.choice(PROJECTS)}".replace(" ", "-").lower()
    if kind == MemberProfile.MembershipType.SITE:
        return f"{name}-{rng.choice(SITES)}".lower()
    return f"{name.lower()}{rng.randint(1, 99)}"


def bulk_profile(rng: random.Random, user: User, kind: str, now: object) -> MemberProfile:
    status = rng.choices([s for s, _w in STATUS_WEIGHTS], [w for _s, w in STATUS_WEIGHTS])[0]
    domain = rng.choice(["example.com", "example.org", "example.net"])
    contact = Contact(
        email=f"{user.username}@{domain}" if rng.random() < 0.7 else "",
        mobile=f"+447700{900000 + rng.randint(100, 999)}" if rng.random() < 0.6 else "",
    )
    return MemberProfile(
        user=user,
        membership_type=kind,
        status=status,
        email=contact.email,
        mobile=contact.mobile,
        sectors=rng.sample([s.value for s in MemberProfile.Sector], k=2),
        notify_email=bool(contact.email),
        notify_sms=bool(contact.mobile) and rng.random() < 0.5,
        discreet_mode=rng.random() < 0.7,
        applied_at=user.date_joined,
        language=rng.choices(["en", "ro", "pl", "pt", "es", "th"], [70, 10, 8, 5, 4, 3])[0],
        **contact_indexes(contact),
    )
