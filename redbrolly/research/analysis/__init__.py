"""Evaluation of membership: difference-in-differences, doubly robust, GEE, MI and economics.

Pure Python (numpy/pandas/statsmodels); the management commands `evaluate` and `cea` are the
only Django-facing callers.
"""
