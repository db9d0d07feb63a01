from django.urls import path

from redbrolly.api import views

app_name = "api"

urlpatterns = [
    path("me/tokens/", views.tokens, name="tokens"),
    path("me/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("staff/partners/", views.partners, name="partners"),
    path("staff/partners/<int:pk>/keys/", views.partner_key_issue, name="partner_key_issue"),
    path(
        "staff/partner-keys/<int:pk>/revoke/", views.partner_key_revoke, name="partner_key_revoke"
    ),
]
