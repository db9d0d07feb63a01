from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "redbrolly.accounts"
    label = "accounts"
    verbose_name = "People and roles"

    def ready(self) -> None:
        from redbrolly.accounts.roles import sync_roles
        from redbrolly.accounts.services import proofs_expire
        from redbrolly.lib import jobs

        jobs.register("accounts.proofs_expire", every=3600)(proofs_expire)

        # Groups and their permissions are reference data kept in step with the code,
        # the way Django itself creates permissions after migrating.
        # Connected for every app and run after the last one, once all permissions exist.
        post_migrate.connect(sync_roles, dispatch_uid="redbrolly.accounts.sync_roles")
