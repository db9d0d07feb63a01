"""Demo data for casework (run by manage.py seed_demo through core.demo.SEEDERS)."""

from __future__ import annotations

import random


def seed(rng: random.Random) -> None:
    """Nothing to seed yet."""
