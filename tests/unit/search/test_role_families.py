import pandas as pd
import pytest

from lib.search.role_families import role_families, role_family, role_family_key


@pytest.mark.parametrize(
    "title",
    [
        "Data Analyst",
        "data analyst",
        "Sr. Data Analyst",
        "SENIOR data-analyst",
        "Junior Data Analyst",
        "Lead Data Analyst",
        "Data Analyst II",
        "  data   analyst  ",
    ],
)
def test_case_punctuation_and_seniority_words_are_ignored(title):
    assert role_family(title) == "Data Analyst"


def test_different_jobs_stay_different_families():
    assert role_family("Data Scientist") != role_family("Data Analyst")


def test_titles_in_other_scripts_group_by_their_own_words():
    assert role_family("Аналитик данных") == role_family("аналитик  данных") == "Аналитик Данных"
    assert role_family("データアナリスト") == "データアナリスト"


def test_a_title_of_only_seniority_words_keeps_them_and_no_title_is_unknown():
    assert role_family("Senior Lead") == "Senior Lead"
    assert role_family("") == "Unknown"
    assert role_family(None) == "Unknown"


def test_many_titles_map_at_once_keeping_their_order():
    families = role_families(pd.Series(["Jr. Data Scientist", None, "data scientist"]))
    assert families.tolist() == ["Data Scientist", "Unknown", "Data Scientist"]


def test_a_family_spelled_with_capitals_of_its_own_keeps_them_and_one_name():
    titles = [
        "IT Support Analyst",
        "it support analyst",
        "Sr. IT Support Analyst",
        "Software Engineering Co-Op",
    ]
    assert role_families(pd.Series(titles)).tolist() == ["IT Support Analyst"] * 3 + [
        "Software Engineering Co-Op"
    ]
    # capitals that say nothing (a title in capitals, seniority words) still give the plain name
    assert role_families(pd.Series(["DATA ANALYST", "SENIOR data-analyst"])).tolist() == ["Data Analyst"] * 2
    assert role_families(pd.Series(["ANALYST", "QA"])).tolist() == ["Analyst", "QA"]


def test_a_jobs_reference_number_is_not_part_of_its_family():
    """ "Data Engineer (R01163597)" and "(R0992884)" were two families; so was each job ID."""
    titles = [
        "Data Engineer (R01163597)",
        "Data Engineer (R0992884)",
        "Senior Data Engineer [Job ID 75608]",
        "Data Engineer #1234",
        "Data Engineer REQ-20931",
        "Data Engineer - R0992884",
    ]
    assert {role_family(t) for t in titles} == {"Data Engineer"}
    # digits that are part of the role stay
    assert role_family("Web3 Developer") == "Web3 Developer" and role_family("3D Artist") == "3d Artist"


def test_the_placeholder_for_a_missing_role_is_no_family_of_its_own():
    assert role_family("Role not given") == "Unknown" and role_family_key("role not given") == ""


def test_rates_by_kind_of_role_leave_out_applications_without_a_role():
    import datetime as dt

    from lib.learn import traction

    apps = pd.DataFrame(
        {
            "id": range(1, 13),
            "company": ["Acme"] * 12,
            "role": ["Role not given"] * 6 + ["Data Analyst"] * 6,
            "applied_on": [dt.date(2026, 1, 5)] * 12,
            "channel": ["referral"] * 12,
        }
    )
    events = pd.DataFrame(columns=["application_id", "kind", "occurred_on", "date_known", "via"])
    table = traction.traction_table(apps, events, today=dt.date(2026, 3, 1))
    assert table["role_family"].isna().sum() == 6
    assert traction.rates_by(table, "role_family")["group"].tolist() == ["Data Analyst"]


def test_where_the_job_is_done_is_no_part_of_its_family():
    """ "Analytics Engineer (Remote)" stood apart from "Analytics Engineer" on Traction's By role."""
    titles = pd.Series(
        ["Analytics Engineer (Remote)", "Analytics Engineer", "Remote Data Engineer", "Hybrid"]
    )
    assert role_families(titles).tolist() == [
        "Analytics Engineer",
        "Analytics Engineer",
        "Data Engineer",
        "Hybrid",
    ]
