import datetime as dt

import pytest
from pydantic import ValidationError

from lib.core.models import ApplicationIn, ContactIn, StageEventIn, field_errors


def _errors(model, **values):
    with pytest.raises(ValidationError) as exc:
        model(**values)
    return field_errors(exc.value)


def test_an_application_needs_a_company_and_a_role():
    errors = _errors(ApplicationIn, company="  ", role="", applied_on=dt.date.today())
    assert errors == {"company": "is required", "role": "is required"}


def test_text_is_trimmed_and_blank_optional_text_becomes_missing():
    app = ApplicationIn(company=" Acme ", role="Analyst ", applied_on=dt.date.today(), notes="   ")
    assert (app.company, app.role, app.notes) == ("Acme", "Analyst", None)


def test_a_note_of_fifty_thousand_characters_is_refused_with_the_limit():
    errors = _errors(ApplicationIn, company="A", role="B", applied_on=dt.date.today(), notes="x" * 50_000)
    assert errors == {"notes": "is too long: 50,000 characters, at most 20,000"}


def test_html_is_kept_as_typed_text():
    xss = "<img src=x onerror=alert(1)>"
    assert ApplicationIn(company=xss, role=xss, applied_on=dt.date.today()).role == xss


def test_a_channel_outside_the_vocabulary_is_refused():
    assert _errors(
        ApplicationIn, company="A", role="B", applied_on=dt.date.today(), channel="carrier pigeon"
    ) == {"channel": "is not one of the choices"}


def test_dates_in_the_future_are_refused():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert "applied_on" in _errors(ApplicationIn, company="A", role="B", applied_on=tomorrow)
    assert "occurred_on" in _errors(StageEventIn, application_id=1, kind="screen", occurred_on=tomorrow)


def test_a_check_in_over_a_year_gone_is_refused_and_one_overdue_kept():
    # 01/01/1990 was kept, and Home listed a check-in "planned for 01 Jan 1990"
    errors = _errors(ContactIn, name="Dana", next_checkin_on=dt.date(1990, 1, 1))
    assert errors["next_checkin_on"] == "is over a year ago: pick a day ahead, or clear it"
    overdue = dt.date.today() - dt.timedelta(days=40)
    assert ContactIn(name="Dana", next_checkin_on=overdue).next_checkin_on == overdue


def test_job_links_and_emails_must_look_right():
    assert "job_url" in _errors(
        ApplicationIn, company="A", role="B", applied_on=dt.date.today(), job_url="acme.com/jobs"
    )
    assert "email" in _errors(ContactIn, name="Jo", email="jo at acme")
    assert (
        ContactIn(name="Jo", email="jo@acme.com", profile_url="https://linkedin.com/in/jo").email
        == "jo@acme.com"
    )


def test_a_profile_link_copied_without_https_gets_it_and_other_text_is_still_refused():
    import pydantic
    import pytest

    from lib.core.models import ContactIn

    assert (
        ContactIn(name="Ana", profile_url="linkedin.com/in/ana").profile_url == "https://linkedin.com/in/ana"
    )
    assert ContactIn(name="Ana", profile_url=" www.ana.dev ").profile_url == "https://www.ana.dev"
    assert ContactIn(name="Ana", profile_url="http://ana.dev/me").profile_url == "http://ana.dev/me"
    for text in ("my profile", "ftp://ana.dev", "ana"):
        with pytest.raises(pydantic.ValidationError):
            ContactIn(name="Ana", profile_url=text)
