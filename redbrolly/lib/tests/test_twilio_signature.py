from typing import Any

from django.test import RequestFactory

from redbrolly.lib.twilio_signature import signature, verify

# The worked example of twilio.com/docs/usage/security (auth token "12345").
DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
DOCS_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675310",
    "Digits": "1234",
    "From": "+14158675310",
    "To": "+18005551212",
}
DOCS_SIGNATURE = "GvWf1cFY/Q7PnoempGyD5oXAezc="
TOKEN = "an-auth-token-of-the-account"


def signed_post(path: str, data: dict[str, str], sig: str, **extra: Any):
    return RequestFactory().post(path, data, HTTP_X_TWILIO_SIGNATURE=sig, **extra)


def test_it_computes_the_signature_of_the_providers_documentation() -> None:
    assert signature(DOCS_URL, DOCS_PARAMS, "12345") == DOCS_SIGNATURE


def test_the_signature_does_not_depend_on_parameter_order() -> None:
    reordered = dict(reversed(list(DOCS_PARAMS.items())))
    assert signature(DOCS_URL, reordered, "12345") == DOCS_SIGNATURE


def test_it_accepts_a_request_signed_for_its_own_url_and_parameters() -> None:
    data = {"From": "+447700900123", "Body": "07700 900456"}
    sig = signature("http://testserver/sms/inbound/", data, TOKEN)
    assert verify(signed_post("/sms/inbound/", data, sig), TOKEN)


def test_it_refuses_a_changed_parameter() -> None:
    data = {"From": "+447700900123", "Body": "07700 900456"}
    sig = signature("http://testserver/sms/inbound/", data, TOKEN)
    assert not verify(signed_post("/sms/inbound/", {**data, "Body": "other"}, sig), TOKEN)


def test_it_refuses_a_signature_made_with_another_token() -> None:
    data = {"From": "+447700900123"}
    sig = signature("http://testserver/sms/inbound/", data, "someone-elses-token")
    assert not verify(signed_post("/sms/inbound/", data, sig), TOKEN)


def test_it_refuses_a_signature_for_another_url() -> None:
    data = {"From": "+447700900123"}
    sig = signature("http://testserver/elsewhere/", data, TOKEN)
    assert not verify(signed_post("/sms/inbound/", data, sig), TOKEN)


def test_it_refuses_everything_when_no_token_is_configured() -> None:
    data = {"From": "+447700900123"}
    sig = signature("http://testserver/sms/inbound/", data, "")
    assert not verify(signed_post("/sms/inbound/", data, sig), "")


def test_it_refuses_a_request_without_a_signature() -> None:
    request = RequestFactory().post("/sms/inbound/", {"From": "+447700900123"})
    assert not verify(request, TOKEN)


def test_it_accepts_the_url_signed_with_its_default_port_spelled_out() -> None:
    data = {"From": "+447700900123"}
    sig = signature("https://testserver:443/sms/inbound/", data, TOKEN)
    assert verify(signed_post("/sms/inbound/", data, sig, secure=True), TOKEN)


def test_it_signs_the_query_string_as_part_of_the_url() -> None:
    data = {"From": "+447700900123"}
    sig = signature("http://testserver/sms/inbound/?org=1", data, TOKEN)
    assert verify(signed_post("/sms/inbound/?org=1", data, sig), TOKEN)
    assert not verify(signed_post("/sms/inbound/?org=2", data, sig), TOKEN)
