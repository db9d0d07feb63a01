"""Demo data for `make run`: realistic, clearly fictional, covering every feature.

Each app that has something to show adds its seeder to `SEEDERS` (a dotted path to a
function taking a `random.Random`); they run in order, and each is idempotent.
Fictional contact details only: Ofcom drama numbers (07700 900xxx) and example.* domains.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.module_loading import import_string

from redbrolly.core.models import Organisation

# Bump when the demo data changes, so `make run` reseeds an old demo database.
DEMO_VERSION = "2026-12-07.1"

SEEDERS = [
    "redbrolly.accounts.demo.seed",
    "redbrolly.reports.demo.seed",
    "redbrolly.alerts.demo.seed",
    "redbrolly.checker.demo.seed",
    "redbrolly.linkage.demo.seed",
    "redbrolly.casework.demo.seed",
    "redbrolly.research.demo.seed",
    "redbrolly.insights.demo.seed",
]

DEMO_PASSWORD = "redbrolly-demo"

# Not secrets: printed by `make run` and written in the README so anyone can sign in
# to the demo as staff with a real second factor. seed_demo refuses to run in production.
DEMO_TOTP_SECRETS = {
    "moderator": "JBSWY3DPEHPK3PXPMODERATORAAAAAAA",
    "moderator2": "JBSWY3DPEHPK3PXPMODERATORBBBBBBB",
    "caseworker": "JBSWY3DPEHPK3PXPCASEWORKERAAAAAA",
    "caseworker2": "JBSWY3DPEHPK3PXPCASEWORKERBBBBBB",
    "supervisor": "JBSWY3DPEHPK3PXPSUPERVISORAAAAAA",
    "analyst": "JBSWY3DPEHPK3PXPANALYSTAAAAAAAAA",
    "researcher": "JBSWY3DPEHPK3PXPRESEARCHERAAAAAA",
    "admin": "JBSWY3DPEHPK3PXPADMINAAAAAAAAAAA",
}


def seeders() -> list[Callable[[random.Random], Any]]:
    return [import_string(path) for path in SEEDERS]


def seed(*, force: bool = False) -> bool:
    """Returns False when the database already holds this version of the demo."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("demo data is never seeded in production")
    organisation = Organisation.current()
    if organisation.seeded_version == DEMO_VERSION and not force:
        return False
    rng = random.Random(20121)  # same demo on every machine
    with transaction.atomic():
        for seeder in seeders():
            seeder(rng)
        Organisation.objects.filter(pk=organisation.pk).update(seeded_version=DEMO_VERSION)
    return True


def demo_logins() -> str:
    lines = [
        f"Demo logins (password for all: {DEMO_PASSWORD})",
        "  member, member2, practitioner  (members; no second factor)",
    ]
    for name, secret in DEMO_TOTP_SECRETS.items():
        lines.append(f"  {name:<12} TOTP secret {secret}")
    lines.append(
        "Staff sign in with a 6-digit code: add the secret to an authenticator app, or run"
    )
    lines.append("  .venv/bin/python manage.py demo_code USERNAME")
    return "\n".join(lines)
