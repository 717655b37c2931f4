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


def test_the_same_name_at_another_company_is_another_person():
    assert same_person("Jo Test", None, "Acme", PEOPLE) is None
    assert same_person("Jo Test", None, None, PEOPLE) is None
    assert same_person("Sam Lee", None, "Acme", PEOPLE) is None


def test_people_without_a_company_match_each_other_by_name():
    assert same_person("sam lee", None, "", PEOPLE)["id"] == 2
