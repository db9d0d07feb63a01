"""`make run`: migrate, seed the demo once, then serve the web app and the worker together.

Ctrl-C stops both. Honours PORT and DATABASE_URL like the settings do.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, check=True)


def main() -> int:
    port = os.environ.get("PORT", "8000")
    manage("migrate", "--verbosity", "0")
    manage("createcachetable")
    manage("seed_demo")
    print(f"\nredbrolly is running at http://127.0.0.1:{port}/ (Ctrl-C stops it)\n", flush=True)
    worker = subprocess.Popen([PYTHON, "manage.py", "worker"], cwd=ROOT)
    web = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT
    )
    try:
        return web.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for process in (web, worker):
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in (web, worker):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())
