"""redbrolly settings: one file, every value from the environment.

Development (the default) works with nothing set; production (`REDBROLLY_ENV=production`)
refuses to start without its secrets. Every variable is listed in README.md.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("REDBROLLY_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str | None = None) -> str:
    # An empty variable (`DATABASE_URL= make run`) counts as unset, as in env_bool.
    value = os.environ.get(name) or default
    if value is None:
        raise ImproperlyConfigured(f"{name} must be set in the environment")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = env_str("REDBROLLY_ENV", "development")
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ImproperlyConfigured("REDBROLLY_ENV must be development, test or production")
PRODUCTION = ENVIRONMENT == "production"
TESTING = ENVIRONMENT == "test" or "pytest" in sys.modules


def development_secrets() -> dict[str, str]:
    """Keys made once per checkout so demo data stays readable across restarts.

    Kept in var/ (git-ignored); production must supply its own keys instead.
    """
    path = VAR_DIR / "dev-secrets.json"
    if path.exists():
        return dict(json.loads(path.read_text()))
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    made = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "REDBROLLY_ENCRYPTION_KEYS": f"dev1:{secrets.token_urlsafe(32)}",
        "REDBROLLY_INDEX_KEY": secrets.token_urlsafe(32),
    }
    path.write_text(json.dumps(made, indent=2))
    path.chmod(0o600)
    sys.stderr.write(f"redbrolly: created development keys in {path} (never use in production)\n")
    return made


def secret(name: str) -> str:
    if os.environ.get(name):  # an empty value is as good as none: never run on an empty key
        return os.environ[name]
    if PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set in production")
    return development_secrets()[name]


SECRET_KEY = secret("SECRET_KEY")
REDBROLLY_ENCRYPTION_KEYS = secret("REDBROLLY_ENCRYPTION_KEYS")
REDBROLLY_INDEX_KEY = secret("REDBROLLY_INDEX_KEY")

DEBUG = env_bool("DEBUG", default=not PRODUCTION and not TESTING)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "redbrolly.core",
    "redbrolly.accounts",
    "redbrolly.notify",
    "redbrolly.reports",
    "redbrolly.alerts",
    "redbrolly.checker",
    "redbrolly.linkage",
    "redbrolly.casework",
    "redbrolly.research",
    "redbrolly.insights",
    "redbrolly.pages",
    "redbrolly.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "redbrolly.lib.security.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware, so its refusal is in the person's language.
    "redbrolly.lib.security.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "redbrolly.accounts.middleware.SessionPolicyMiddleware",
    # Deny by default: every view needs a login unless marked public (see lib/access.py).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "redbrolly.accounts.middleware.StaffMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "redbrolly.urls"
WSGI_APPLICATION = "redbrolly.wsgi.application"
ASGI_APPLICATION = "redbrolly.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "redbrolly" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "redbrolly.core.context_processors.site",
            ],
        },
    },
]

# DATABASE_URL takes any URL: sqlite:////absolute/path.sqlite3 or postgres://user@host/db.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'redbrolly.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if TESTING else 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 on every persona would slow the suite; production and `make run` use Argon2.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "pages:home"

# allauth: log in with a working name; contact details are ours, encrypted (accounts.models).
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_EMAIL_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "redbrolly.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "redbrolly.accounts.forms.SignupForm"
ACCOUNT_FORMS = {"login": "redbrolly.accounts.signin.LoginForm"}
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reauthenticate": "10/m/user",
}
MFA_ADAPTER = "redbrolly.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
MFA_TOTP_ISSUER = env_str("REDBROLLY_TOTP_ISSUER", "redbrolly")

# Sessions: absolute lifetime for everyone, idle timeout for staff (accounts.middleware).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 3600)
REDBROLLY_STAFF_IDLE_SECONDS = env_int("REDBROLLY_STAFF_IDLE_SECONDS", 30 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Web security headers; CSP and the rest are set in lib/security.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": with no-referrer browsers send `Origin: null` on our own
# form posts, which CSRF protection must refuse. Other sites still get no referrer at all.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ro", _("Romanian")),
    ("pl", _("Polish")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("th", _("Thai")),
]
LOCALE_PATHS = [BASE_DIR / "redbrolly" / "locale"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "redbrolly" / "static"]
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = VAR_DIR / "media"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache"
        if not TESTING
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "redbrolly_cache",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

# Email: real SMTP when EMAIL_HOST is set; otherwise the development outbox staff read at
# /staff/outbox/ (notify.backends), so `make run` never needs a mail server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "redbrolly.notify.backends.OutboxEmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "redbrolly <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Organisation defaults; the admin-editable profile (core.Organisation) overrides them.
REDBROLLY_ORG_NAME = env_str("REDBROLLY_ORG_NAME", "Red Umbrella Safety Network")
REDBROLLY_PHONE_REGION = env_str("REDBROLLY_PHONE_REGION", "GB")
REDBROLLY_EXIT_URL = env_str("REDBROLLY_EXIT_URL", "https://www.bbc.co.uk/weather")
REDBROLLY_WORKER_SLEEP = env_int("REDBROLLY_WORKER_SLEEP", 5)

# Application logs never carry personal data: our code logs ids and counts only, and the
# SQL logger (which would print parameters) is kept quiet even with DEBUG on.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING", "propagate": True},
        # The dev server logs request paths; our URLs carry no personal data, but keep
        # request lines out of production logs all the same.
        "django.server": {"level": "WARNING" if PRODUCTION else "INFO"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50

# Reporting: anti-automation limits as JSON, e.g. {"address": [10, 3600], "global": [600, 3600],
# "receipt_address": [10, 900], "form_min_seconds": 5}; empty keeps the built-in defaults.
REDBROLLY_INTAKE_LIMITS = json.loads(env_str("REDBROLLY_INTAKE_LIMITS", "{}") or "{}")
REDBROLLY_EVIDENCE_MAX_BYTES = env_int("REDBROLLY_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)

# SMS provider (Twilio-style REST API) for alerts, reminders and the SMS checker
# Without a provider, development keeps text messages in the outbox staff read at
# /staff/outbox/ (as it does email); production and tests fail them visibly instead.
REDBROLLY_SMS_OUTBOX = env_bool("REDBROLLY_SMS_OUTBOX", not PRODUCTION and not TESTING)
REDBROLLY_SMS_BASE_URL = env_str("REDBROLLY_SMS_BASE_URL", "https://api.twilio.com")
REDBROLLY_SMS_ACCOUNT_SID = env_str("REDBROLLY_SMS_ACCOUNT_SID", "")
REDBROLLY_SMS_AUTH_TOKEN = env_str("REDBROLLY_SMS_AUTH_TOKEN", "")
REDBROLLY_SMS_FROM = env_str("REDBROLLY_SMS_FROM", "")
REDBROLLY_SMS_MESSAGING_SERVICE_SID = env_str("REDBROLLY_SMS_MESSAGING_SERVICE_SID", "")
REDBROLLY_SMS_TIMEOUT = env_int("REDBROLLY_SMS_TIMEOUT", 10)

# Web push (VAPID keys: `manage.py vapid_keys` prints a new set)
REDBROLLY_VAPID_PRIVATE_KEY = env_str("REDBROLLY_VAPID_PRIVATE_KEY", "")
REDBROLLY_VAPID_PUBLIC_KEY = env_str("REDBROLLY_VAPID_PUBLIC_KEY", "")
REDBROLLY_VAPID_SUBJECT = env_str("REDBROLLY_VAPID_SUBJECT", "mailto:no-reply@example.org")
REDBROLLY_PUSH_TTL = env_int("REDBROLLY_PUSH_TTL", 86400)
if os.environ.get("REDBROLLY_PUSH_HOSTS"):
    REDBROLLY_PUSH_HOSTS = env_list("REDBROLLY_PUSH_HOSTS")

# Outbox: how long a worker's claim on a batch lasts before another may retake it
REDBROLLY_DELIVERY_LEASE_SECONDS = env_int("REDBROLLY_DELIVERY_LEASE_SECONDS", 120)
# Only benchmarks turn the checker's rate limits off.
REDBROLLY_CHECKER_RATE_LIMITS = env_bool("REDBROLLY_CHECKER_RATE_LIMITS", True)

# Casework
REDBROLLY_CASE_RETENTION_YEARS = env_int("REDBROLLY_CASE_RETENTION_YEARS", 6)
REDBROLLY_CASE_RETENTION_POLICY = env_str("REDBROLLY_CASE_RETENTION_POLICY", "anonymise")
# An applicant's proof-of-work file is deleted on the decision, or after this many days.
REDBROLLY_PROOF_KEEP_DAYS = env_int("REDBROLLY_PROOF_KEEP_DAYS", 30)
REDBROLLY_CASE_FIRST_CONTACT_WORKING_DAYS = env_int("REDBROLLY_CASE_FIRST_CONTACT_WORKING_DAYS", 1)
REDBROLLY_CASE_NO_CONTACT_DAYS = env_int("REDBROLLY_CASE_NO_CONTACT_DAYS", 14)
