from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from redbrolly.accounts.models import User
from redbrolly.api.services import api_token_issue


class Command(BaseCommand):
    help = "Issue an API token for USERNAME; the token is printed alone on the last line."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="issued from the command line")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active account is called {username!r}.")
        token, secret = api_token_issue(user=user, name=name)
        self.stdout.write(f"Token {token.prefix}… issued for {username}. Keep it secret:")
        self.stdout.write(secret)
