"""What the HTTP benchmarks share: the environment of the server they start."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")


def bench_env(var_dir: Path, database: str) -> dict[str, str]:
    """A production-like server on its own database, with fresh keys and quiet logs."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "redbrolly.settings",
        "REDBROLLY_ENV": "development",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"{PG_URL}/{database}",
        "DATABASE_CONN_MAX_AGE": "600",
        "REDBROLLY_VAR_DIR": str(var_dir),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "REDBROLLY_ENCRYPTION_KEYS": f"bench:{secrets.token_urlsafe(32)}",
        "REDBROLLY_INDEX_KEY": secrets.token_urlsafe(32),
        "PYTHONPATH": str(ROOT),
    }
