from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from redbrolly.lib.access import public


@public
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html")


@public
def get_help(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/get_help.html")


@public
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@public
def staying_safe_online(request: HttpRequest) -> HttpResponse:
    """How to use the site safely: exit button, discreet mode, clearing history."""
    return render(request, "pages/staying_safe.html")
