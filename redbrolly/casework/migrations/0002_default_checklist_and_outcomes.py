"""The default risk checklist, risk levels and closure outcomes (redbrolly/casework/defaults.py)."""

from django.db import migrations

from redbrolly.casework.defaults import add_defaults


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
