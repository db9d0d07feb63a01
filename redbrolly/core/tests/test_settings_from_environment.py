"""Production refuses to start without its secrets; bad values fail loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SETUP = "import django; django.setup(); print('started')"


def start(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("REDBROLLY_", "SECRET_"))}
    clean.update({"DJANGO_SETTINGS_MODULE": "redbrolly.settings", **env})
    return subprocess.run(
        [sys.executable, "-c", SETUP], cwd=ROOT, env=clean, capture_output=True, text=True
    )


PRODUCTION_KEYS = {
    "REDBROLLY_ENV": "production",
    "SECRET_KEY": "x" * 60,
    "REDBROLLY_ENCRYPTION_KEYS": "p1:" + "k" * 40,
    "REDBROLLY_INDEX_KEY": "i" * 40,
    "ALLOWED_HOSTS": "example.org",
}


def test_production_refuses_to_start_without_each_key() -> None:
    for missing in ("SECRET_KEY", "REDBROLLY_ENCRYPTION_KEYS", "REDBROLLY_INDEX_KEY"):
        env = {k: v for k, v in PRODUCTION_KEYS.items() if k != missing}
        result = start(env)
        assert result.returncode != 0
        assert f"{missing} must be set in production" in result.stderr


def test_production_starts_with_its_keys() -> None:
    result = start(PRODUCTION_KEYS)
    assert result.stdout.strip() == "started", result.stderr


def test_a_malformed_number_is_named_in_the_error() -> None:
    result = start({"EMAIL_PORT": "twenty-five"})
    assert result.returncode != 0
    assert "EMAIL_PORT must be a whole number" in result.stderr


def test_an_empty_key_counts_as_missing_in_production() -> None:
    result = start({**PRODUCTION_KEYS, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_an_empty_database_url_means_the_default_database() -> None:
    result = start({"DATABASE_URL": ""})
    assert result.stdout.strip() == "started", result.stderr
