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


# --- the client side: one request per connection, as raw bytes ---------------------------------


def raw_get(port: int, path: str, token: str = "") -> bytes:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{auth}Connection: close\r\n\r\n".encode()
    )


def raw_post(port: int, path: str, body: bytes, token: str = "") -> bytes:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{auth}"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def request(port: int, payload: bytes) -> tuple[int, float]:
    """Sends one request on its own connection: (status, seconds until the answer ended)."""
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(payload)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    elapsed = time.perf_counter() - start
    return int(b"".join(chunks)[9:12] or 0), elapsed


# --- the benchmark's own database (never the test database) ------------------------------------


def admin_execute(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as admin:
        for statement in statements:
            admin.execute(statement)


def create_database(name: str) -> None:
    admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")


def drop_database(name: str) -> None:
    admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
