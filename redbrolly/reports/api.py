"""The reports part of the HTTP API (mounted at /api/v1/ by redbrolly.api.api)."""

from ninja import Router

router = Router(tags=["reports"])
