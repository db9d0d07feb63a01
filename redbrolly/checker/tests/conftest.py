from collections.abc import Iterator

import pytest

from redbrolly.checker.selectors import forget_rules
from redbrolly.lib import ratelimit


@pytest.fixture(autouse=True)
def fresh_checker_state() -> Iterator[None]:
    """Rate-limit windows and the remembered policy never leak from one test to the next."""
    ratelimit.reset_all()
    forget_rules()
    yield
    ratelimit.reset_all()
    forget_rules()
