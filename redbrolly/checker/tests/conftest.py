import pytest


@pytest.fixture(autouse=True)
def _checker_state(fresh_checker_state: None) -> None:
    """Every checker test starts from fresh rate limits and policy (conftest.py)."""
