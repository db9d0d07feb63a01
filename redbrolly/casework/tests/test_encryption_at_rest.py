"""A thief of the database learns no note, contact detail or plan of any case."""

from __future__ import annotations

import pytest

from redbrolly.casework.services import (
    action_add,
    note_add,
    safety_plan_update,
)
from tests.test_raw_database_bytes import database_bytes

NOTE = "she keeps the spare phone in the kitchen drawer at Ancoats"
CONTACT = "+447700900654"
NAME = "Philippa Quartermaine"
TIMES = "only Tuesdays 10-12 when he is at the gym"
PLAN = "code word with her sister is pineapple upside down"
ACTION = "ring the Wythenshawe housing officer about a move"


@pytest.mark.django_db(transaction=True)
def test_notes_and_contact_details_are_absent_from_the_raw_database(
    people, make_case, planted, tmp_path
) -> None:
    worker = people("caseworker")
    case = make_case(
        worker, name=planted(NAME), contact=planted(CONTACT), safe_times=planted(TIMES)
    )
    note_add(actor=worker, case=case, kind="contact", body=planted(NOTE))
    safety_plan_update(actor=worker, case=case, plan=planted(PLAN))
    action_add(actor=worker, case=case, title=planted(ACTION), owner=worker, due_on=None)
    raw = database_bytes(tmp_path)
    for value in (NOTE, CONTACT, CONTACT[3:], NAME, TIMES, PLAN, ACTION):
        assert value.encode() not in raw, value[:6]
    # The dump really holds the case: its reference is a plain column.
    assert case.reference.encode() in raw
