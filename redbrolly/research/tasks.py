"""Worker jobs (registered in apps.py): thin, argument-free, idempotent."""

from __future__ import annotations

from redbrolly.research import services


def send_follow_ups() -> int:
    """Follow-up invitations when a window opens, then reminders until done or closed."""
    return services.followups_send_due()


def invite_new_members() -> int:
    """Invitations to newly approved members, through the channels they chose."""
    return services.member_invitations_send()
