from django import forms
from django.contrib import admin
from django.utils.text import capfirst

from redbrolly.accounts.models import MemberProfile
from redbrolly.core.models import AuditEntry, IncidentType, Organisation, Region

PROOF_TYPES_FIELD = Organisation._meta.get_field("membership_proof_upload_types")


class OrganisationForm(forms.ModelForm):
    """Ticked boxes instead of raw JSON for the list of types (the admin adds the rest)."""

    membership_proof_upload_types = forms.MultipleChoiceField(
        choices=MemberProfile.MembershipType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=capfirst(PROOF_TYPES_FIELD.verbose_name),
        help_text=PROOF_TYPES_FIELD.help_text,
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationForm
    list_display = ["name", "phone_region"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return not Organisation.objects.exists()


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "nation", "active", "sort_order"]
    list_filter = ["nation", "active"]
    search_fields = ["name", "code"]


@admin.register(IncidentType)
class IncidentTypeAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "violent", "active", "sort_order"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_label", "action", "object_type", "object_id", "purpose"]
    list_filter = ["action"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
