from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest
from django.urls import reverse

from redbrolly.lib.crypto import decrypt_text, encrypt_text


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        user: Any = request.user
        if user.is_authenticated and user.is_staff_role:
            return reverse("accounts:staff_home")
        return reverse("accounts:home")


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery seeds are sealed with our key ring, not stored plain."""

    def encrypt(self, text: str) -> str:
        return encrypt_text(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_text(encrypted_text)
