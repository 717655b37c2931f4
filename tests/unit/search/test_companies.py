from lib.search.companies import company_key, match_companies


def test_case_spacing_and_legal_suffix_do_not_make_a_new_company():
    assert company_key("acme ") == company_key("ACME") == company_key("Acme, Inc.") == "acme"
    assert company_key("  Harbor   &  Vale ") == "harbor & vale"


def test_typing_part_of_a_name_finds_it_exact_match_first():
    names = ["Acme", "Acme Robotics", "Blue Acme", "Zeta"]
    assert match_companies("acme ", names) == ["Acme", "Acme Robotics", "Blue Acme"]
    assert match_companies("rob", names) == ["Acme Robotics"]
    assert match_companies("   ", names) == []
