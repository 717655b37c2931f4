"""Network: a person is added once, the form is empty after a save, two names of one company merge."""

import datetime as dt

import sqlalchemy as sa

from lib.core import db
from lib.core.models import ApplicationIn, ContactIn
from lib.store import applications as app_store
from lib.store import contacts as contact_store
from tests.app.shown import shown


def _widget(widgets, label):
    return next(w for w in widgets if w.label == label)


def _add(at, name, company=None):
    if company:
        _widget(at.text_input, "Company").input(company)
        at.run()
    _widget(at.text_input, "Name *").set_value(name)
    _widget(at.button, "Add person").click()
    return at.run()


def test_adding_jo_test_empties_the_form_and_a_second_press_adds_nothing(open_page, app_env):
    engine = db.open_database(app_env)
    at = _add(open_page("pages/network.py"), "Jo Test", "Northwind Analytics")
    assert not at.exception
    assert "Added Jo Test." in shown(at.success)
    assert _widget(at.text_input, "Name *").value == ""
    assert _widget(at.text_input, "Company").value == ""
    _widget(at.button, "Add person").click()  # the same button again, on the emptied form
    at.run()
    assert len(contact_store.load_contacts(engine)) == 1
    assert "Name is required" in shown(at.error)


def test_the_same_person_at_the_same_company_is_already_in_the_network_with_a_link(open_page, app_env):
    engine = db.open_database(app_env)
    first = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Northwind Analytics"))
    at = _add(open_page("pages/network.py"), " jo test", "northwind analytics ltd")
    assert "Jo Test is already in your network." in shown(at.error)
    assert len(contact_store.load_contacts(engine)) == 1
    at.button(key="open_duplicate").click()
    at.run()
    assert not at.exception
    [jo] = contact_store.load_contacts(engine)["id"].tolist()
    assert (
        at.selectbox(key=[k for k in at.session_state if str(k).startswith("network_person_picker")][0]).value
        == jo
    )
    assert "Jo Test is already in your network." not in shown(at.error)  # done with: the person is open
    at = _add(open_page("pages/network.py"), "Jo Test", "Acme")  # same name, another company: another person
    assert len(contact_store.load_contacts(engine)) == 2
    assert first in contact_store.load_contacts(engine)["id"].tolist()


def test_the_same_person_typed_again_after_a_save_is_said_already_there_not_added_again(
    open_page, app_env, monkeypatch
):
    """A second press within a moment is a double click (saved once, "Added" once more); the same
    person typed again later was said "Added" too while nothing was added."""
    from ui import forms

    clock = [1000.0]
    monkeypatch.setattr(forms, "_now", lambda: clock[0])
    engine = db.open_database(app_env)
    at = _add(open_page("pages/network.py"), "Jo Test", "Northwind Analytics")
    assert "Added Jo Test." in shown(at.success)
    clock[0] += forms.DOUBLE_PRESS_SECONDS + 10  # time to type the person in again
    at = _add(at, "Jo Test", "Northwind Analytics")
    assert not at.exception
    assert "Jo Test is already in your network." in shown(at.error)
    assert "Added Jo Test." not in shown(at.success)
    assert len(contact_store.load_contacts(engine)) == 1
    at.button(key="open_duplicate").click()
    at.run()
    assert not at.exception
    [jo] = contact_store.load_contacts(engine)["id"].tolist()
    assert (
        at.selectbox(key=[k for k in at.session_state if str(k).startswith("network_person_picker")][0]).value
        == jo
    )
    assert "Jo Test is already in your network." not in shown(at.error)  # done with: the person is open
    engine.dispose()


def test_an_error_that_quotes_a_name_shows_it_as_text_never_as_markdown(open_page, app_env):
    """A remote image in a name would load from the error that quotes it (nothing leaves)."""
    engine = db.open_database(app_env)
    name = "Jo ![x](http://example.com/a.png) **Doe**"
    contact_store.add_contact(engine, ContactIn(name=name, company="Northwind Analytics"))
    at = _add(open_page("pages/network.py"), name, "Northwind Analytics")
    [said] = [e.value for e in at.error if "already in your network" in e.value]
    assert "![x](" not in said and "**Doe**" not in said  # escaped: no image, no bold
    assert f"{name} is already in your network." in shown(at.error)  # and reads as typed


def test_two_names_of_one_company_are_merged_after_seeing_what_moves(open_page, app_env):
    engine = db.open_database(app_env)
    for company in ("Northwind Analytics", "northwind", "Initech"):
        app_store.add_application(
            engine, ApplicationIn(company=company, role="Analyst", applied_on=dt.date.today())
        )
    at = open_page("pages/network.py")
    assert "merge_company_from" not in [box.key for box in at.selectbox]  # closed: not drawn
    at.session_state["merge_open"] = True  # the drawer is drawn once opened
    at.run()
    companies = app_store.load_companies(engine)
    names = dict(zip(companies["name"], companies["id"].astype(int)))
    at.selectbox(key="merge_company_from").set_value(names["northwind"])
    at.run()
    assert "northwind" not in at.selectbox(key="merge_company_into").options  # not into itself
    at.selectbox(key="merge_company_into").set_value(names["Northwind Analytics"])
    at.run()
    assert any("Moves 1 application from northwind to Northwind Analytics" in s for s in shown(at.info))
    assert any("a merge can't be undone" in s for s in shown(at.info))  # said before the button
    at.button(key="merge_company_go").click()
    at.run()
    assert not at.exception
    assert app_store.company_names(engine) == ["Initech", "Northwind Analytics"]
    assert "Merged northwind into Northwind Analytics." in shown(at.success)
    # both pickers empty again: the merged name stayed in the first one
    assert at.selectbox(key="merge_company_from").value is None


def test_a_person_entered_twice_is_merged_into_one_after_seeing_what_moves(open_page, app_env):
    engine = db.open_database(app_env)
    keep = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme"))
    twin = contact_store.add_contact(
        engine, ContactIn(name="Joanna Test", company="Acme", email="jo@acme.example")
    )
    at = open_page("pages/network.py", query_params={"contact": str(keep)})
    at.session_state["person_merge_open"] = True
    at.run()
    at.selectbox(key=f"merge_person_{keep}").set_value(twin)
    at.run()
    assert any("from Joanna Test to Jo Test" in s for s in shown(at.info))
    at.button(key=f"merge_person_go_{keep}").click()
    at.run()
    assert not at.exception
    people = contact_store.load_contacts(engine)
    assert people[["name", "email"]].values.tolist() == [["Jo Test", "jo@acme.example"]]
    assert "Merged Joanna Test into Jo Test." in shown(at.success)


def test_an_imported_connection_shows_the_company_kept_in_its_notes_and_no_none(open_page, app_env):
    engine = db.open_database(app_env)
    contact_store.add_contact(
        engine, ContactIn(name="Given Family", notes="Company: Prepfully\nPosition: Recruiter")
    )
    at = open_page("pages/network.py")
    table = at.dataframe[0]
    assert table.value.set_index("name").loc["Given Family", "company"] == "Prepfully"
    assert table.proto.placeholder == ""


def test_a_person_is_edited_from_the_drawer_opened_on_their_page(open_page, app_env):
    engine = db.open_database(app_env)
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme", role="recruiter"))
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    form = f"contact_edit_{jo}"
    assert not [box for box in at.text_input if box.key and box.key.startswith(form)]  # closed: not drawn
    at.session_state["person_edit_open"] = True
    at.run()
    name = next(
        box for box in at.text_input if box.key and box.key.startswith(form) and box.label == "Name *"
    )
    name.set_value("Joanna Test")
    at.button(key=f"FormSubmitter:{form}-Save changes").click()
    at.run()
    assert not at.exception
    # said inside the Edit drawer, under its Save changes (the page's top was 1,400 px away)
    [drawer] = [e for e in at.expander if e.label == "Edit"]
    assert "Saved." in shown(drawer.success)
    assert contact_store.load_contacts(engine)["name"].tolist() == ["Joanna Test"]


def test_a_person_with_a_day_after_today_opens_for_editing_without_an_error(open_page, app_env):
    import sqlalchemy as sa

    engine = db.open_database(app_env)
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme"))
    later = dt.date.today() + dt.timedelta(days=2)  # as an import or another machine's clock may leave it
    with engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE contacts SET connected_on = :day, last_contact_on = :day WHERE id = :id"),
            {"day": later.isoformat(), "id": jo},
        )
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    at.session_state["person_edit_open"] = True
    at.run()
    assert not at.exception
    assert any(box.value == later for box in at.date_input if box.label == "Connected on")


def test_no_demo_person_is_connected_or_contacted_after_today():
    from lib.data import demo

    engine = db.open_database("sqlite://")
    demo.build(engine, today=dt.date(2026, 6, 1))
    people = contact_store.load_contacts(engine)
    for column in ("connected_on", "last_contact_on"):
        assert (people[column].dropna() <= dt.date(2026, 6, 1)).all(), column


def test_the_list_shows_when_to_reach_out_next_before_how(open_page, app_env):
    """At 1,280 px the list has room for four columns: the next check-in is one of them, and the
    rest (email, profile, met, connected, last contact) are on the person's card, not scrolled to."""
    engine = db.open_database(app_env)
    contact_store.add_contact(engine, ContactIn(name="Ana Check", next_checkin_on=dt.date.today()))
    order = list(open_page("pages/network.py").dataframe[0].proto.column_order)
    assert order == ["name", "company", "role", "next_checkin_on"]


def test_a_long_note_on_a_person_shows_its_start_and_the_whole_of_it_one_click_away(open_page, app_env):
    engine = db.open_database(app_env)
    note = "We talked about the team. " * 400  # 10,400 characters
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme", notes=note))
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    assert not at.exception
    [whole] = [e for e in at.expander if e.label.startswith(f"Read the whole note ({len(note.strip()):,}")]
    assert [t.value for t in whole.text] == [note.strip()]
    # on the card itself, its start: 10,000 characters pushed Edit and Delete ~5,000 px down
    assert [len(t.value) <= 400 for t in at.text if t.value.startswith("We talked")] == [True, False]


def _kept_apart(engine, *names):
    """Companies as a migration leaves them when their names became one identity: apart."""
    with engine.begin() as connection:
        for index, name in enumerate(names):
            connection.execute(
                sa.text("INSERT INTO companies (name, name_key) VALUES (:n, :k)"),
                {"n": name, "k": f"old{index}"},
            )


def test_one_company_written_two_ways_is_offered_for_merging_with_both_picked(open_page, app_env):
    engine = db.open_database(app_env)
    _kept_apart(engine, "Amazon", "Amazon.com Inc.")
    at = open_page("pages/network.py")
    assert "Amazon.com Inc. and Amazon look like one company written two ways." in shown(at.info)
    at.button(key="merge_offer").click()
    at.run()
    assert any("Moves nothing but the name from Amazon.com Inc. to Amazon" in s for s in shown(at.info))
    at.button(key="merge_company_go").click()
    at.run()
    assert not at.exception
    assert app_store.company_names(engine) == ["Amazon"]
    assert not any("written two ways" in s for s in shown(at.info))


def test_two_companies_said_to_be_two_are_not_offered_again_not_even_on_the_next_visit(open_page, app_env):
    engine = db.open_database(app_env)
    _kept_apart(engine, "Monster", "Monster.com")
    at = open_page("pages/network.py")
    assert any("written two ways" in s for s in shown(at.info))
    at.button(key="merge_offer_no").click()
    at.run()
    assert not any("written two ways" in s for s in shown(at.info))
    assert sorted(app_store.company_names(engine)) == ["Monster", "Monster.com"]
    again = open_page("pages/network.py")  # another visit: a new session
    assert not any("written two ways" in s for s in shown(again.info))


def test_a_save_ends_the_last_saves_message_said_elsewhere_on_the_page(open_page, app_env):
    """ "Added Jo Test." stayed at the top of the page above the edit's own "Saved."."""
    at = _add(open_page("pages/network.py"), "Jo Test", "Acme")
    assert "Added Jo Test." in shown(at.success)
    jo = int(contact_store.load_contacts(db.open_database(app_env))["id"].iloc[0])
    at.session_state["person_edit_open"] = True
    at.run()
    form = f"contact_edit_{jo}"
    name = next(b for b in at.text_input if b.key and b.key.startswith(form) and b.label == "Name *")
    name.set_value("Joanna Test")
    at.button(key=f"FormSubmitter:{form}-Save changes").click()
    at.run()
    assert not at.exception
    assert "Saved." in shown(at.success)
    assert "Added Jo Test." not in shown(at.success)


def test_a_person_with_no_interview_linked_is_told_how_one_gets_linked(open_page, app_env):
    """An interview only in the stage history can't be linked: the card said "None linked yet." and
    offered nothing."""
    engine = db.open_database(app_env)
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme", role="interviewer"))
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    assert any("linked once it is debriefed" in c.value for c in at.caption)


def test_a_search_says_how_many_people_match(open_page, app_env):
    """ "130 people in your network." stood above the 6 rows a search left."""
    engine = db.open_database(app_env)
    for name in ("Bill One", "Bill Two", "Ana Three"):
        contact_store.add_contact(engine, ContactIn(name=name))
    at = open_page("pages/network.py")
    assert any(c.value == "3 people in your network." for c in at.caption)
    at.text_input(key="network_search").input("bill").run()
    assert any(c.value == "3 people in your network; 2 match." for c in at.caption)


def test_a_persons_notes_say_which_are_sent_and_which_are_drafts(open_page, app_env):
    # headed "Notes sent to them", a draft read as sent
    from lib.core.models import NoteIn
    from lib.store import followups as note_store

    engine = db.open_database(app_env)
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Northwind Analytics"))
    note_store.save_note(
        engine, NoteIn(kind="thank-you after interview", contact_id=jo, subject="Thanks", body="Hi")
    )
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    said = " ".join(shown(at.markdown))
    assert "**Notes to them**" in said and "Notes sent to them" not in said
    assert "Thanks · draft, not sent yet" in said


def test_a_merge_says_which_target_priority_the_company_ends_with(open_page, app_env):
    # "which keeps the target priority (high)" of a company set Medium read as no change
    from lib.core.models import TargetIn
    from lib.store import strategy as strategy_store

    engine = db.open_database(app_env)
    strategy_store.set_target(engine, TargetIn(company="Acme", target_priority=2))
    strategy_store.set_target(engine, TargetIn(company="Acmee", target_priority=1))
    at = open_page("pages/network.py")
    at.session_state["merge_open"] = True
    at.run()
    companies = app_store.load_companies(engine)
    names = dict(zip(companies["name"], companies["id"].astype(int)))
    at.selectbox(key="merge_company_from").set_value(names["Acmee"]).run()
    at.selectbox(key="merge_company_into").set_value(names["Acme"]).run()
    said = " ".join(shown(at.info))
    assert "As a target it takes the higher priority of the two: high, not medium." in said


def test_deleting_a_person_says_their_feedback_stays_without_who_gave_it(open_page, app_env):
    # the feedback's "From" went blank after a delete said it stayed "without the link"
    engine = db.open_database(app_env)
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme", role="recruiter"))
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    said = " ".join(c.value for c in at.caption)
    assert "Notes to them stay, with their name; feedback from them stays, without who gave it." in said


def test_a_persons_email_is_shown_as_it_is_copied(open_page, app_env):
    engine = db.open_database(app_env)
    jo = contact_store.add_contact(engine, ContactIn(name="Jo Test", company="Acme", email="jo@acme.example"))
    at = open_page("pages/network.py", query_params={"contact": str(jo)})
    assert any("**Email:** `jo@acme.example`" in m.value for m in at.markdown)
