from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from redbrolly.accounts.models import User
from redbrolly.api.models import ApiToken, Partner, PartnerKey, new_secret, secret_hash
from redbrolly.lib import audit


@transaction.atomic
def api_token_issue(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Returns the token row and the secret, which is shown once and never stored."""
    secret = new_secret("rbt")
    token = ApiToken(user=user, name=name, prefix=secret[:8], key_hash=secret_hash(secret))
    token.full_clean()
    token.save()
    audit.log(user, "api.token.issued", token)
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    audit.log(actor, "api.token.revoked", token)


@transaction.atomic
def partner_key_issue(*, actor: User | None, partner: Partner) -> tuple[PartnerKey, str]:
    secret = new_secret("rbp")
    key = PartnerKey.objects.create(
        partner=partner, prefix=secret[:8], key_hash=secret_hash(secret)
    )
    audit.log(actor, "api.partner_key.issued", key)
    return key, secret


@transaction.atomic
def partner_key_revoke(*, actor: User, key: PartnerKey) -> None:
    PartnerKey.objects.filter(pk=key.pk).update(revoked_at=timezone.now())
    audit.log(actor, "api.partner_key.revoked", key)
