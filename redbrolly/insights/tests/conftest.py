"""Insights fixtures: a researcher signed in, the demo's cost assumptions and demo study."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from redbrolly.insights import demo, selectors

QUICK = {"m": 5, "n_boot": 1000}


@pytest.fixture(autouse=True)
def quick_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """5 imputations and 1,000 bootstrap replicates instead of 20 and 5,000: same report."""
    monkeypatch.setattr(selectors, "PARAMETERS_OVERRIDE", QUICK)


@pytest.fixture
def costed(db: Any) -> None:
    demo.seed(random.Random(0))


@pytest.fixture
def demo_study(costed: None) -> Any:
    """The research app's demo cohort (about 300 participants), as `make run` seeds it."""
    from redbrolly.research import demo as research_demo
    from redbrolly.research.models import Study

    research_demo.seed(random.Random(0))
    return Study.objects.get(slug=research_demo.STUDY_SLUG)


@pytest.fixture
def researcher_client(people: Callable[..., Any], costed: None) -> Client:
    client = Client()
    client.force_login(people("researcher"))
    return client
