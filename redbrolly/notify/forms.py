from __future__ import annotations

from django import forms


class PushSubscriptionForm(forms.Form):
    """What a browser's PushManager hands over; validated, then stored encrypted."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.RegexField(regex=r"^[A-Za-z0-9_\-]{40,200}$")
    auth = forms.RegexField(regex=r"^[A-Za-z0-9_\-]{10,60}$")
