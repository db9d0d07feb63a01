"""redbrolly: reporting, alerts, checker, casework and evaluation.

For sex-worker-led safety organisations.
"""
