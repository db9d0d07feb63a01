"""Views of the reports app, by audience: intake, reporter (receipts, members), moderation."""
