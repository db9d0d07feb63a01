"""Reference data every organisation starts with: regions (shipped CSV) and taxonomy."""

from __future__ import annotations

from typing import Any

from redbrolly.core.taxonomy import DEFAULT_INCIDENT_TYPES
from redbrolly.lib.regions import read_regions


def load_reference_data(region_model: Any, incident_type_model: Any) -> None:
    for order, row in enumerate(read_regions()):
        region_model.objects.update_or_create(
            code=row.code,
            defaults={
                "name": row.name,
                "nation": row.nation,
                "main_towns": list(row.main_towns),
                "sort_order": order,
            },
        )
    for order, (code, label, violent) in enumerate(DEFAULT_INCIDENT_TYPES):
        incident_type_model.objects.update_or_create(
            code=code, defaults={"label": label, "violent": violent, "sort_order": order}
        )


def ensure_reference_data(**kwargs: Any) -> None:
    """After a flush (tests, a reset) an empty database gets its reference data back."""
    from redbrolly.core.models import IncidentType, Region

    if kwargs.get("app_config") is not None and kwargs["app_config"].label != "core":
        return
    if not Region.objects.exists():
        load_reference_data(Region, IncidentType)
