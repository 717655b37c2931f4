"""The email review grid: an edited company or role is matched again at once, and Record uses it."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ui.data.email_import import COLUMNS, rematched

LOG = pd.DataFrame(
    {
        "id": [1, 2],
        "company": ["Acme", "Acme"],
        "role": ["Data Analyst", "IT Support Analyst"],
        "applied_on": [dt.date(2026, 1, 5), dt.date(2026, 1, 2)],
        "outcome": ["open", "open"],
    }
)
LABELS = {1: "Acme — Data Analyst", 2: "Acme — IT Support Analyst"}


def _review(role: str) -> tuple[pd.DataFrame, list[dict]]:
    row = {
        "accept": True,
        "kind": "rejection",
        "company": "Acme",
        "role": role,
        "date": dt.date(2026, 2, 1),
        "stage": "",
        "application": LABELS[1],
        "why": "Matched to Acme — Data Analyst in your log.",
        "system": "",
        "subject": "Your application",
    }
    message = {"kind": "rejection", "company": "Acme", "role": "Data Analyst", "application_id": 1}
    return pd.DataFrame([row], columns=COLUMNS), [message]


def test_an_edited_role_goes_to_the_application_it_now_matches_and_record_uses_it():
    table, messages = _review("Data Analyst")
    assert rematched(table, messages, LOG, LABELS) is None  # nothing edited: nothing redrawn
    edited = table.assign(role="IT Support Analyst")
    shown = rematched(edited, messages, LOG, LABELS)
    assert shown["application"].tolist() == ["Acme — IT Support Analyst"]
    assert shown["why"].tolist() == ["Matched to Acme — IT Support Analyst in your log."]
    assert shown["role"].tolist() == ["IT Support Analyst"]  # the edit is kept
    assert messages[0]["application_id"] == 2  # what Record files it under
    assert rematched(shown, messages, LOG, LABELS) is None  # matched once, not on every rerun


def test_an_edited_company_not_in_the_log_goes_to_a_new_application():
    table, messages = _review("Data Analyst")
    shown = rematched(table.assign(company="Globex"), messages, LOG, LABELS)
    assert shown["application"].tolist() == ["New application"]
    assert "No application at Globex in your log yet" in shown["why"].iloc[0]
    assert messages[0]["application_id"] is None


def test_a_row_matched_again_keeps_what_the_person_must_know_first():
    table, messages = _review("Data Analyst")
    # a new application from a "no": the email dates it unless the day applied is typed
    shown = rematched(table.assign(company="Globex"), messages, LOG, LABELS)
    assert shown["why"].iloc[0].startswith("A new application: the email doesn't say when you applied")
    # still no day in the email: that is said before the match
    table, messages = _review("Data Analyst")
    shown = rematched(table.assign(role="IT Support Analyst", date=None), messages, LOG, LABELS)
    assert shown["why"].iloc[0].startswith("No date in the email: type the day it came. Matched to")
    # recorded before: nothing to add, whatever it now matches
    table, messages = _review("Data Analyst")
    messages[0]["before"] = True
    shown = rematched(table.assign(role="IT Support Analyst"), messages, LOG, LABELS)
    assert shown["why"].tolist() == ["Recorded before: importing it again adds nothing."]


def test_renaming_the_application_email_changes_what_the_other_rows_of_its_company_say():
    table, messages = _review("Data Analyst")
    receipt = {**table.iloc[0].to_dict(), "kind": "application", "company": "Globex"}
    table = pd.concat([table.assign(company="Globex"), pd.DataFrame([receipt])], ignore_index=True)
    messages = [
        {
            "kind": "rejection",
            "company": "Globex",
            "role": "Data Analyst",
            "application_id": None,
            "reason": "r",
        },
        {
            "kind": "application",
            "company": "Globex",
            "role": "Data Analyst",
            "application_id": None,
            "reason": "a",
        },
    ]
    # the "no" from Globex: its application email is in the batch, so it dates the application
    shown = rematched(table.assign(role=["Data Analyst", "Analyst"]), messages, LOG, LABELS)
    assert not shown["why"].iloc[0].startswith("A new application")
    # the application email renamed to " Initech": the "no" from Globex now starts one of its own
    edited = shown.copy()
    edited.loc[1, "company"] = " Initech"
    again = rematched(edited, messages, LOG, LABELS)
    assert again["why"].iloc[0].startswith("A new application: the email doesn't say when you applied")


def test_a_guess_says_so_first_and_keeps_saying_it_when_matched_again():
    # an unticked row with only a sentence for its Why read as a mistake, not as a doubt
    table, messages = _review("Data Analyst")
    messages[0]["guess"] = True
    shown = rematched(table.assign(role="IT Support Analyst"), messages, LOG, LABELS)
    assert shown["why"].iloc[0].startswith("A guess, so not ticked: tick it if it's right. Matched to")
    messages[0]["guess"] = False
    shown = rematched(table.assign(role="Data Analyst"), messages, LOG, LABELS)
    assert shown["why"].iloc[0].startswith("Matched to")


def test_a_reply_in_a_thread_says_so_first_in_its_why():
    # after "A guess, so not ticked… A new application: …" the reply's reason was cut off: three rows alike
    from ui.data.email_import import _why

    reason = "A reply in the thread of “Interview invitation”, which says this already: tick it only if new."
    why = _why("interview", "Contoso", None, dt.date(2026, 2, 1), False, set(), reason, confident=False)
    assert why.startswith("A reply in the thread of “Interview invitation”")
    undated = _why("interview", "Contoso", None, None, False, set(), reason, confident=False)
    assert undated.endswith("No date in the email: type the day it came.")  # still said
