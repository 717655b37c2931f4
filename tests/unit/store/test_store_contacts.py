"""People in the network: identity by company, dates, the interviews they were in."""

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ContactIn, NoteIn
from lib.store import contacts as contact_store
from lib.store import followups as store
from lib.store.base import StoreError
from tests.unit.store.conftest import ago


def test_a_contact_joins_its_company_however_the_name_is_typed(engine, rejected_app):
    contact_id = contact_store.add_contact(
        engine,
        ContactIn(
            name='Jo, "JJ" 🌟',
            company="acme ",
            role="interviewer",
            profile_url="https://www.linkedin.com/in/jo",
        ),
    )
    contact = contact_store.get_contact(engine, contact_id)
    assert (contact["name"], contact["company"], contact["role"]) == ('Jo, "JJ" 🌟', "Acme", "interviewer")
    assert [c["id"] for c in contact_store.people_at(engine, contact["company_id"])] == [contact_id]


def test_connecting_before_meeting_is_refused_beside_the_field(engine):
    with pytest.raises(StoreError) as err:
        contact_store.add_contact(engine, ContactIn(name="Jo", met_on=ago(1), connected_on=ago(2)))
    assert err.value.field == "connected_on"


def test_a_contact_shows_the_interviews_they_were_in_and_the_notes_sent_to_them(engine, rejected_app):
    person = contact_store.add_contact(engine, ContactIn(name="Lee", company="Acme", role="interviewer"))
    with db.transaction(engine) as connection:
        interview_id = connection.execute(
            sa.insert(db.interviews).values(
                application_id=rejected_app, occurred_on=ago(6), round_type="technical", answers={}
            )
        ).inserted_primary_key[0]
    contact_store.link_interview(engine, person, interview_id)
    contact_store.link_interview(engine, person, interview_id)
    assert contact_store.contact_interviews(engine, person)[["round_type", "role"]].values.tolist() == [
        ["technical", "Analyst"]
    ]
    store.save_note(
        engine,
        NoteIn(kind="thank-you after interview", application_id=rejected_app, contact_id=person, body="x"),
    )
    assert contact_store.notes_to(engine, person)["kind"].tolist() == ["thank-you after interview"]
    contact_store.delete_contact(engine, person)
    assert store.notes_for(engine, rejected_app)["contact_id"].isna().all()  # the note stays


def test_the_same_email_added_again_without_a_company_is_already_in_the_network(engine):
    contact_store.add_contact(
        engine, ContactIn(name="Priya Raman", company="Lumen Labs", email="priya@lumen.example")
    )
    with pytest.raises(contact_store.AlreadyInNetwork) as err:
        contact_store.add_contact(engine, ContactIn(name="Priya Raman", email=" Priya@Lumen.example"))
    assert err.value.existing_name == "Priya Raman"
    assert len(contact_store.load_contacts(engine)) == 1
