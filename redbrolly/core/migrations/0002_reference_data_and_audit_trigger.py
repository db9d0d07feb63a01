"""Ships the UK regions and the default incident taxonomy, and makes the audit log
append-only at the database level on PostgreSQL.

Row updates and deletes are refused. TRUNCATE is left to the database owner (it is what a
test database flush uses); the application never issues it.
"""

from django.db import migrations

from redbrolly.core.reference import load_reference_data as load

TRIGGER = """
CREATE OR REPLACE FUNCTION redbrolly_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditentry_append_only
  BEFORE UPDATE OR DELETE ON core_auditentry
  FOR EACH ROW EXECUTE FUNCTION redbrolly_audit_append_only();
"""

DROP_TRIGGER = """
DROP TRIGGER IF EXISTS core_auditentry_append_only ON core_auditentry;
DROP FUNCTION IF EXISTS redbrolly_audit_append_only();
"""


def load_reference_data(apps, schema_editor):
    load(apps.get_model("core", "Region"), apps.get_model("core", "IncidentType"))


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RunPython(load_reference_data, migrations.RunPython.noop),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
