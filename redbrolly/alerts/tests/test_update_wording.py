"""An update's lead is worded in each member's language, not the sender's."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation
from django.utils.functional import lazy

from redbrolly.alerts.messages import wording
from redbrolly.alerts.testing import published_alert

pytestmark = pytest.mark.django_db


def test_the_update_lead_is_rendered_in_the_members_language(people: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    alert = published_alert(drafter, approver)
    # Stands for a translated phrase: it reads out the language active when it is rendered.
    language_now = lazy(translation.get_language, str)()
    with translation.override("en"):
        for language in ("ro", "pl"):
            words = wording(alert, "email", language=language, discreet=False, update=language_now)
            assert words.body.startswith(f"Update: {language}")
