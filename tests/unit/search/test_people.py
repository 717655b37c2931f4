import pandas as pd

from lib.search import people as people_rules
from lib.search.people import person_key, same_person

PEOPLE = [
    {"id": 1, "name": "Jo Test", "email": "jo@northwind.example", "company": "Northwind Analytics"},
    {"id": 2, "name": "Sam Lee", "email": None, "company": None},
]


def test_the_same_name_at_the_same_company_is_already_in_the_network():
    assert same_person("  jo   TEST ", None, "northwind analytics ltd", PEOPLE)["id"] == 1
    assert person_key("Zoë  Martin") == person_key("zoe martin")


def test_the_same_email_at_the_same_company_is_the_same_person():
    assert same_person("Joanna Test", "JO@northwind.example ", "Northwind Analytics", PEOPLE)["id"] == 1


def test_the_same_email_with_the_company_left_empty_or_another_is_the_same_person():
    # an address is one person: the same Priya typed again without her company made a second one
    assert same_person("Jo Test", "jo@northwind.example", None, PEOPLE)["id"] == 1
    assert same_person("J. Test", "Jo@Northwind.example", "Acme", PEOPLE)["id"] == 1


def test_the_same_name_at_another_company_is_another_person():
    assert same_person("Jo Test", None, "Acme", PEOPLE) is None
    assert same_person("Jo Test", None, None, PEOPLE) is None
    assert same_person("Sam Lee", None, "Acme", PEOPLE) is None


def test_people_without_a_company_match_each_other_by_name():
    assert same_person("sam lee", None, "", PEOPLE)["id"] == 2


def test_the_people_search_ignores_case_and_spacing_in_name_and_company():
    import datetime as dt

    import pandas as pd

    from lib.search.people import filter_people, met_not_connected

    day = dt.date(2026, 11, 1)
    people = pd.DataFrame(
        [
            {
                "name": "Jo Test",
                "company": "Northwind  Analytics",
                "role": "recruiter",
                "met_on": day,
                "connected_on": None,
            },
            {"name": "Sam Lee", "company": None, "role": "interviewer", "met_on": None, "connected_on": None},
            {
                "name": "Ana Ruiz",
                "company": "Acme",
                "role": "interviewer",
                "met_on": day,
                "connected_on": day,
            },
        ]
    )
    assert filter_people(people, " northwind analytics")["name"].tolist() == ["Jo Test"]
    assert filter_people(people, "", ("interviewer",))["name"].tolist() == ["Sam Lee", "Ana Ruiz"]
    assert filter_people(people)["name"].tolist() == ["Jo Test", "Sam Lee", "Ana Ruiz"]
    assert met_not_connected(people)["name"].tolist() == ["Jo Test"]


def test_people_typed_in_a_debrief_who_are_known_already_are_linked_not_added():
    import pandas as pd

    from lib.core.models import ContactIn
    from lib.search.people import split_known

    known = pd.DataFrame([{"id": 4, "name": "Maya Chen", "role": "recruiter"}])
    ids, new = split_known([ContactIn(name=" maya chen"), ContactIn(name="Lee Park")], known)
    assert ids == [4] and [p.name for p in new] == ["Lee Park"]


def test_a_missing_company_is_taken_from_the_notes_line_an_import_wrote():
    people = pd.DataFrame(
        {
            "name": ["Ann", "Ben", "Cy", "Di", "Ed"],
            "company": ["Acme", None, None, None, None],
            "notes": [
                "Company: Other Co",  # a company of theirs wins over the notes
                "Company: Prepfully\nPosition: Recruiter",
                "Met at a fair. Company: Not this",  # only a first line that starts with it
                None,
                "Company:   ",
            ],
        }
    )
    shown = people_rules.with_noted_company(people)
    assert shown["company"].tolist()[:2] == ["Acme", "Prepfully"]
    assert shown["company"].iloc[2:].isna().all()
    assert people["company"].iloc[1] is None  # the data itself is unchanged
    assert people_rules.filter_people(shown, "prepfully")["name"].tolist() == ["Ben"]
