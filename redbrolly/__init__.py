"""redbrolly: reporting, alerts, checker, casework and evaluation for sex-worker-led safety organisations."""
