"""The sign-in form, apart from forms.py: allauth imports forms.SignupForm as its base."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's sign-in without the email reset link: accounts hold no plain email.

    A member who forgot their password asks the organisation (contact routes on Get help).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        self.fields["login"].label = _("Working name")
