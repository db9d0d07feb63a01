"""The default checklist, risk levels and outcomes come back after a flush, and never
undo what the organisation changed."""

from __future__ import annotations

import pytest
from django.apps import apps

from redbrolly.casework.apps import restore_defaults
from redbrolly.casework.defaults import OUTCOMES
from redbrolly.casework.models import OutcomeOption, RiskItem

pytestmark = pytest.mark.django_db


def test_a_flushed_database_gets_the_defaults_back() -> None:
    OutcomeOption.objects.all().delete()
    RiskItem.objects.all().delete()
    restore_defaults(app_config=apps.get_app_config("casework"))
    assert OutcomeOption.objects.count() == len(OUTCOMES)
    assert RiskItem.objects.exists()


def test_an_outcome_the_organisation_deleted_stays_deleted_after_migrating() -> None:
    OutcomeOption.objects.filter(code="reported").delete()
    restore_defaults(app_config=apps.get_app_config("casework"))
    assert not OutcomeOption.objects.filter(code="reported").exists()
