from __future__ import annotations

import time
from typing import Any

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from redbrolly.core.demo import DEMO_TOTP_SECRETS


class Command(BaseCommand):
    help = "Print the current TOTP code of a demo staff login (development only)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username", choices=sorted(DEMO_TOTP_SECRETS))

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo codes do not exist in production")
        counter = int(time.time()) // 30
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRETS[username], counter)))
