import datetime as dt

import pandas as pd

from lib.follow_up.feedback import feedback_overview

TODAY = dt.date(2026, 3, 20)


def _items():
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "company": ["Acme", "Globex", "Initech", "Acme"],
            "role": ["Analyst", "Engineer", "Analyst", "Analyst"],
            "contact_name": ["Maya", None, None, None],
            "asked_on": [dt.date(2026, 3, 1), dt.date(2026, 3, 15), dt.date(2026, 2, 1), None],
            "received_on": [None, None, dt.date(2026, 2, 5), None],
            "themes": [[], [], ["communication", "technical depth"], ["communication"]],
        }
    )


def test_waiting_means_asked_and_unanswered_and_late_means_past_the_chase_threshold():
    overview = feedback_overview(_items(), TODAY, chase_after_days=7)
    assert overview.waiting["id"].tolist() == [1, 2]
    assert (overview.waiting_count, overview.late_count, overview.total) == (2, 1, 4)


def test_themes_are_counted_across_entries_most_common_first():
    overview = feedback_overview(_items(), TODAY, chase_after_days=7)
    assert overview.theme_counts.to_dict() == {"communication": 2, "technical depth": 1}
    assert overview.shown["themes"].tolist() == ["", "", "communication, technical depth", "communication"]


def test_only_the_first_rows_are_kept_for_the_browser():
    overview = feedback_overview(_items(), TODAY, chase_after_days=7, shown_rows=2, listed=1)
    assert len(overview.shown) == 2 and len(overview.recent) == 1 and len(overview.waiting) == 1
    assert overview.waiting_labels == {1: "Acme · Analyst · Maya (asked 01 Mar)"}
    assert list(overview.recent_labels) == overview.recent["id"].tolist()


def test_recording_an_answer_keeps_what_was_asked_and_adds_what_came_back():
    import datetime as _dt

    from lib.follow_up.feedback import answered, waiting_label

    waiting = pd.DataFrame(
        {
            "id": [4],
            "application_id": [2],
            "contact_id": [float("nan")],
            "asked_on": [_dt.date(2026, 3, 1)],
            "asked_via": ["LinkedIn"],
            "company": ["Acme"],
            "role": ["Analyst"],
            "contact_name": [None],
        }
    )
    item = answered(waiting, 4, _dt.date(2026, 3, 9), "More SQL depth", ["technical depth"])
    assert (item.application_id, item.contact_id, item.asked_via) == (2, None, "LinkedIn")
    assert (item.received_on, item.text, item.themes) == (
        _dt.date(2026, 3, 9),
        "More SQL depth",
        ["technical depth"],
    )
    row = next(waiting.itertuples())
    assert waiting_label(row, _dt.date(2026, 6, 1)) == "Acme · Analyst (asked 01 Mar)"
    assert waiting_label(row, _dt.date(2027, 1, 5)) == "Acme · Analyst (asked 01 Mar 2026)"


def test_an_entry_to_delete_is_named_with_who_it_came_from():
    """ "Contoso · Product Analyst (asked 06 Dec)": two people's entries read alike."""
    overview = feedback_overview(_items(), TODAY, chase_after_days=7)
    assert any(" · Maya (asked " in label for label in overview.recent_labels.values())
