"""Small builders shared by the reports tests (reports made through the real service)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from redbrolly.reports import services
from redbrolly.reports.models import Report
from redbrolly.reports.parsing import parse_report
from redbrolly.reports.services import SubmitResult


def submitted(
    payload: dict[str, Any], *, reporter: Any = None, source: str = "anonymous"
) -> SubmitResult:
    data = parse_report(payload, services.taxonomy_current())
    return services.report_submit(data=data, reporter=reporter, source=source)


def found(pattern: str, text: str) -> str:
    """The first group of `pattern` in a page (fails the test when it is missing)."""
    match = re.search(pattern, text)
    assert match is not None, pattern
    return match.group(1)


@dataclass(frozen=True)
class Anonymous:
    report: Report
    receipt: str


def anonymous(payload: dict[str, Any]) -> Anonymous:
    """An anonymous report and its receipt."""
    result = submitted(payload)
    assert result.receipt is not None
    return Anonymous(result.report, result.receipt)
