"""Staff decisions that two reports describe the same perpetrator, or do not.

Suggestions are computed, never stored: two live reports that name the same whole identifier
(the same blind index) are a suggestion until someone decides. A perpetrator profile is a
group of reports joined by "same person" decisions only (DESIGN.md: clusters only over
confirmed links), so nothing is ever linked by the machine alone.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from redbrolly.lib.crypto import EncryptedTextField


class Link(models.Model):
    class Decision(models.TextChoices):
        SAME = "same", _("The same person")
        DIFFERENT = "different", _("Not the same person")

    # The lower report pk first, so a pair has one row whichever page it was decided from.
    first = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = EncryptedTextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        default_permissions = ()
        permissions = [
            ("view_profile", "Can see suggested links and perpetrator profiles"),
            ("confirm_link", "Can decide whether two reports describe the same person"),
            ("export_intelligence", "Can export police intelligence within reporters' consent"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="linkage_link_one_per_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="linkage_link_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"link {self.pk}: {self.decision}"

    @staticmethod
    def ordered(a: Any, b: Any) -> tuple[Any, Any]:
        return (a, b) if a.pk < b.pk else (b, a)
