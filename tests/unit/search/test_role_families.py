import pandas as pd
import pytest

from lib.search.role_families import role_families, role_family


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
