from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from redbrolly.accounts.models import MemberProfile, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "is_active", "is_staff", "last_login"]
    search_fields = ["username"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "password1", "password2"]})
    ]


@admin.register(MemberProfile)
class MemberProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "membership_type", "status", "applied_at"]
    list_filter = ["membership_type", "status"]
    # Contact details are not shown in lists; the member's own pages show them to them.
    exclude = ["email", "mobile", "email_index", "mobile_index", "applicant_note"]
    filter_horizontal = ["regions"]
