"""Settings for the worker and setup subprocesses of the crash test (not a test module).

Everything comes from the environment the test builds: a throwaway database, the local
SMTP server (EMAIL_HOST/EMAIL_PORT, read by redbrolly.settings) and the local SMS provider.
"""

import os

from redbrolly.settings import *  # noqa: F403

REDBROLLY_SMS_BASE_URL = os.environ["TEST_SMS_BASE_URL"]
REDBROLLY_SMS_ACCOUNT_SID = os.environ["TEST_SMS_ACCOUNT_SID"]
REDBROLLY_SMS_AUTH_TOKEN = os.environ["TEST_SMS_AUTH_TOKEN"]
REDBROLLY_SMS_FROM = "+447700900000"
# A killed worker's rows are taken again after this; production waits two minutes.
REDBROLLY_DELIVERY_LEASE_SECONDS = 3
REDBROLLY_WORKER_SLEEP = 1
