"""Cost assumptions are edited in the admin, one row, and every change leaves an audit entry."""

from django.test import Client

from redbrolly.accounts.models import User
from redbrolly.core.models import AuditEntry
from redbrolly.insights.models import CostAssumptions, RoleSalary


def test_a_change_to_salaries_and_prices_is_saved_and_audited(db):
    assumptions = CostAssumptions.load()
    salary = RoleSalary.objects.create(
        assumptions=assumptions, role="caseworker", annual_salary=30000
    )
    boss = User.objects.create_superuser("boss", password="correct horse battery staple")
    client = Client()
    client.force_login(boss)
    url = f"/admin/insights/costassumptions/{assumptions.pk}/change/"
    response = client.post(
        url,
        {
            "working_hours_per_year": "1650",
            "moderation_minutes_per_report": "20",
            "minutes_per_alert": "45",
            "overhead_percent": "15",
            "sms_unit_cost": "0.05",
            "email_unit_cost": "0.001",
            "platform_cost_per_month": "350",
            "salaries-TOTAL_FORMS": "1",
            "salaries-INITIAL_FORMS": "1",
            "salaries-0-id": str(salary.pk),
            "salaries-0-assumptions": str(assumptions.pk),
            "salaries-0-role": "caseworker",
            "salaries-0-annual_salary": "32000",
            "salaries-0-on_cost_percent": "25",
            "salaries-0-hours_per_month": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assumptions.refresh_from_db()
    salary.refresh_from_db()
    assert (assumptions.overhead_percent, salary.annual_salary) == (15, 32000)
    changed = AuditEntry.objects.get(action="insights.cost_assumptions.changed")
    assert "overhead_percent" in changed.details["fields"]
    assert AuditEntry.objects.get(action="insights.role_salaries.changed").details == {
        "roles": ["caseworker"]
    }


def test_there_is_only_ever_one_row_of_assumptions(db):
    boss = User.objects.create_superuser("boss", password="correct horse battery staple")
    CostAssumptions.load()
    client = Client()
    client.force_login(boss)
    assert client.get("/admin/insights/costassumptions/add/").status_code == 403
    assert CostAssumptions.load() == CostAssumptions.load()
