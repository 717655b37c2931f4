"""Merging two companies or two people: everything moves, in one transaction; never into itself."""

import datetime as dt

import pytest
import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn, FeedbackIn, NoteIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from lib.store import followups as follow_store
from lib.store import merge
from lib.store.base import StoreError

TODAY = dt.date.today()


def company_id(engine, name):
    with engine.connect() as connection:
        return connection.execute(sa.select(db.companies.c.id).where(db.companies.c.name == name)).scalar()


@pytest.fixture
def split(engine):
    """The same company logged twice: "Northwind Analytics" (a target) and "northwind"."""
    big = app_store.add_application(
        engine, ApplicationIn(company="Northwind Analytics", role="Analyst", applied_on=TODAY)
    )
    small = app_store.add_application(
        engine, ApplicationIn(company="northwind", role="BI Lead", applied_on=TODAY)
    )
    with db.transaction(engine) as connection:
        connection.execute(
            sa.update(db.companies)
            .where(db.companies.c.name == "northwind")
            .values(target_priority=1, target_reason="great team", notes="met at a fair")
        )
        connection.execute(
            sa.update(db.companies)
            .where(db.companies.c.name == "Northwind Analytics")
            .values(target_priority=3)
        )
    person = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="northwind"))
    follow_store.save_note(engine, NoteIn(kind="feedback request", application_id=small, body="Hi"))
    follow_store.add_feedback(engine, FeedbackIn(application_id=small, contact_id=person, asked_on=TODAY))
    return {"big": big, "small": small, "person": person}


def test_merging_a_company_shows_then_moves_applications_contacts_notes_feedback_and_priority(engine, split):
    source, target = company_id(engine, "northwind"), company_id(engine, "Northwind Analytics")
    preview = merge.company_merge_preview(engine, source, target)
    assert preview == {
        "source": "northwind",
        "target": "Northwind Analytics",
        "applications": 1,
        "contacts": 1,
        "notes": 1,
        "feedback": 1,
        "debriefs": 0,
        "target_priority": 1,
        "target_priority_now": 3,  # the one it had: said beside the one it ends with
    }
    merge.merge_companies(engine, source, target)
    apps = app_store.load_applications(engine)
    assert set(apps["company"]) == {"Northwind Analytics"} and len(apps) == 2
    assert contact_store.get_contact(engine, split["person"])["company"] == "Northwind Analytics"
    assert len(follow_store.notes_for(engine, split["small"])) == 1
    assert follow_store.load_feedback(engine)["company"].tolist() == ["Northwind Analytics"]
    companies = app_store.load_companies(engine).set_index("name")
    assert list(companies.index) == ["Northwind Analytics"]
    row = companies.loc["Northwind Analytics"]
    assert (row.target_priority, row.target_reason, row.notes) == (1, "great team", "met at a fair")


def test_merging_a_company_into_itself_is_refused_and_changes_nothing(engine, split):
    same = company_id(engine, "northwind")
    with pytest.raises(StoreError, match="itself"):
        merge.merge_companies(engine, same, same)
    with pytest.raises(StoreError, match="itself"):
        merge.company_merge_preview(engine, same, same)
    assert len(app_store.load_companies(engine)) == 2


def test_a_merge_that_fails_halfway_leaves_both_companies_as_they_were(engine, split, monkeypatch):
    source, target = company_id(engine, "northwind"), company_id(engine, "Northwind Analytics")

    def broken(first, second):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(merge, "_joined_text", broken)  # fails after applications and contacts moved
    with pytest.raises(RuntimeError):
        merge.merge_companies(engine, source, target)
    apps = app_store.load_applications(engine).set_index("role")
    assert apps.loc["BI Lead", "company"] == "northwind"
    assert contact_store.get_contact(engine, split["person"])["company"] == "northwind"


def test_merging_two_people_moves_their_notes_feedback_and_keeps_the_known_details(engine, split):
    twin = contact_store.add_contact(
        engine,
        ContactIn(
            name="Joanna Test", company="Acme", email="jo@x.example", met_on=TODAY - dt.timedelta(days=9)
        ),
    )
    follow_store.save_note(
        engine, NoteIn(kind="feedback request", application_id=split["small"], contact_id=twin, body="x")
    )
    preview = merge.person_merge_preview(engine, twin, split["person"])
    assert (preview["notes"], preview["feedback"], preview["interviews"]) == (1, 0, 0)
    merge.merge_people(engine, twin, split["person"])
    assert contact_store.get_contact(engine, twin) is None
    kept = contact_store.get_contact(engine, split["person"])
    assert (kept["name"], kept["email"], kept["company"]) == ("Jo Test", "jo@x.example", "northwind")
    assert kept["met_on"] == TODAY - dt.timedelta(days=9)
    assert set(follow_store.notes_for(engine, split["small"])["contact_id"].dropna()) == {split["person"]}
    with pytest.raises(StoreError, match="itself"):
        merge.merge_people(engine, split["person"], split["person"])


def test_a_person_already_in_the_network_is_not_added_twice(engine):
    first = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Northwind Analytics"))
    with pytest.raises(contact_store.AlreadyInNetwork) as err:
        contact_store.add_contact(engine, ContactIn(name=" jo  test", company="Northwind Analytics Ltd"))
    assert err.value.existing_id == first and err.value.field == "name"
    other = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme"))  # another person
    assert other != first
    with pytest.raises(contact_store.AlreadyInNetwork):
        contact_store.update_contact(engine, other, ContactIn(name="Jo Test", company="Northwind Analytics"))
    contact_store.update_contact(engine, first, ContactIn(name="Jo Test", company="Northwind Analytics"))


def test_old_company_keys_are_recomputed_and_lookalikes_wait_for_a_merge(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0001")
    with engine.begin() as connection:
        for name, key in [
            ("Société Générale", "société générale"),
            ("Societe Generale", "societe generale"),
            ("Harbor & Vale", "harbor & vale"),
        ]:
            connection.execute(
                sa.text("INSERT INTO companies (name, name_key) VALUES (:n, :k)"), {"n": name, "k": key}
            )
    db.upgrade(engine)
    keys = dict(app_store.load_companies(engine)[["name", "name_key"]].values.tolist())
    assert keys["Harbor & Vale"] == "harbor and vale"
    assert sorted([keys["Société Générale"], keys["Societe Generale"]]) == [
        "societe generale",
        "société générale",
    ]
    app_store.add_application(engine, ApplicationIn(company="Harbor and Vale", role="x", applied_on=TODAY))
    assert len(app_store.load_companies(engine)) == 3  # joined the existing Harbor & Vale


def test_companies_said_to_be_two_are_remembered_in_either_order_and_junk_reads_as_nothing(engine):
    assert merge.kept_apart(engine) == set()
    merge.keep_apart(engine, "Monster.com", "Monster")
    merge.keep_apart(engine, "Monster", "Monster.com")  # said twice: kept once
    merge.keep_apart(engine, "Amazon", "Amazon.com Inc.")
    assert merge.kept_apart(engine) == {
        frozenset({"Monster", "Monster.com"}),
        frozenset({"Amazon", "Amazon.com Inc."}),
    }
    with engine.begin() as connection:
        connection.execute(
            sa.update(db.settings).where(db.settings.c.key == merge.KEPT_APART_KEY).values(value="{oops")
        )
    assert merge.kept_apart(engine) == set()
    merge.keep_apart(engine, "Hooli", "Hooli Inc")  # a damaged value is started again, not a crash
    assert merge.kept_apart(engine) == {frozenset({"Hooli", "Hooli Inc"})}
