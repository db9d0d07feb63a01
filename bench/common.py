"""What the HTTP benchmarks share: the server they start and its environment."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
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


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(app: str, env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    """gunicorn serving `app` (e.g. "bench.intake:wsgi_app()"), returned once /healthz answers."""
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        app,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--backlog=2048",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")
