from __future__ import annotations

from typing import Any

import pytest

from redbrolly.alerts import services
from redbrolly.alerts.models import AlertReview
from redbrolly.alerts.testing import accepted_report, ready_alert


@pytest.fixture
def asked(people: Any) -> AlertReview:
    """A member's report, its alert waiting for approval and for the member's look (the
    receipt holder's tests define their own)."""
    reporter = people("member")
    alert = ready_alert(people("moderator"), accepted_report(reporter=reporter))
    (review,) = services.alert_review_request(moderator=people("moderator"), alert=alert)
    return review
