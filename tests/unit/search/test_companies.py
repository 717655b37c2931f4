import pytest

from lib.search.companies import (
    best_match,
    company_key,
    is_probably_same,
    match_companies,
    picker_state,
    same_company,
    sure_matches,
)


@pytest.mark.parametrize(
    "a, b",
    [
        ("acme ", "ACME"),
        ("Acme, Inc.", "Acme"),
        ("Société Générale", "Societe Generale"),
        ("Société Générale S.A.", "societe generale"),
        ("Harbor & Vale", "Harbor and Vale"),
        ("  Harbor   &  Vale ", "harbor and vale"),
        ("Northwind Analytics Ltd.", "Northwind Analytics"),
        ("Northwind Analytics GmbH", "northwind analytics"),
        ("Otter SE", "Otter"),
        ("Otter LLC", "Otter"),
        ("Otter BV", "Otter"),
        ("Otter AG", "Otter"),
        ("Otter plc", "Otter"),
        ("Acme Corp.", "Acme..."),
        ("Smith & Co.", "Smith"),
        ("Zürich Re", "Zurich Re"),
        ("Amazon.com Inc.", "Amazon"),
        ("Booking.com B.V.", "booking.com"),
        ("Fly.io", "Fly"),
    ],
)
def test_names_that_differ_only_in_how_they_are_written_are_one_company(a, b):
    assert company_key(a) == company_key(b)
    assert is_probably_same(a, b)
    assert same_company(a, [b]) == b


@pytest.mark.parametrize(
    "a, b",
    [
        ("Meta", "Metabase"),
        ("Metabase", "Meta"),
        ("Meta", "Beta"),
        ("Acme", "Acne"),
        ("Apple", "Snapple"),
        ("Northwind", "Southwind Labs"),
        ("Google", "Alphabet"),
        ("Acme.company", "Acme"),
    ],
)
def test_names_that_only_look_alike_are_not_matched(a, b):
    assert company_key(a) != company_key(b)
    assert not is_probably_same(a, b)
    assert match_companies(a, [b]) == []


def test_a_legal_form_alone_is_still_a_name():
    assert company_key("SE") == "se"
    assert company_key("The Company") == "the"


def test_typing_the_first_word_proposes_the_longer_name_with_the_reason():
    [match] = match_companies("northwind", ["Northwind Analytics", "Zeta"])
    assert match.name == "Northwind Analytics"
    assert match.reason == "starts with what you typed"


def test_small_typos_are_proposed_in_long_names_not_in_short_ones():
    assert [m.name for m in match_companies("Nortwind Analytics", ["Northwind Analytics"])] == [
        "Northwind Analytics"
    ]
    assert [m.name for m in match_companies("Northwnd", ["Northwind Analytics"])] == ["Northwind Analytics"]
    assert match_companies("Goggle", ["Google"])[0].reason == "a letter or two apart"
    assert match_companies("Mta", ["Meta"]) == []


def test_best_match_comes_first():
    names = ["Acme Robotics", "Acme", "Acme Robotics Europe", "Zeta"]
    assert [m.name for m in match_companies("acme robotics", names)] == [
        "Acme Robotics",
        "Acme Robotics Europe",
        "Acme",
    ]


def test_empty_or_blank_typing_matches_nothing():
    assert match_companies("   ", ["Acme"]) == []
    assert match_companies("...", ["Acme"]) == []
    assert picker_state("  ", ["Acme"]).new_label is None


def test_the_picker_asks_did_you_mean_and_lists_a_new_company_last():
    state = picker_state("northwind", ["Northwind Analytics", "Acme"])
    assert state.exact is None
    assert state.did_you_mean == "Northwind Analytics"
    assert state.new_label == "Add 'northwind' as a new company"


def test_the_picker_takes_the_same_name_written_differently_without_asking():
    state = picker_state("northwind analytics ltd", ["Northwind Analytics"])
    assert state.exact == "Northwind Analytics"
    assert state.new_label is None


def test_the_picker_offers_only_a_new_company_for_an_unknown_name():
    state = picker_state("Meta", ["Metabase"])
    assert state.suggestions == [] and state.did_you_mean is None
    assert state.new_label == "Add 'Meta' as a new company"


def test_imports_are_matched_only_when_one_company_is_a_sure_match():
    assert best_match("Northwind Analytics Inc", ["Northwind Analytics"]).name == "Northwind Analytics"
    assert best_match("Nortwind Analytics", ["Northwind Analytics"]).name == "Northwind Analytics"
    assert best_match("Northwind", ["Northwind Analytics"]) is None  # a guess: asked, not assumed
    assert best_match("Meta", ["Metabase"]) is None


def test_an_import_maps_only_sure_lookalikes_onto_companies_already_there():
    existing = [company_key("Northwind Analytics"), company_key("Metabase")]
    typed = [company_key(n) for n in ("Nortwind Analytics", "Meta", "northwind", "Metabase Inc", "")]
    assert sure_matches(typed, existing) == {"nortwind analytics": "northwind analytics"}


def test_an_import_never_joins_short_names_or_a_name_with_letters_added():
    """ "Globe" was joined to "Globex" and "Hooly" to "Hooli", with no way to keep them apart."""
    existing = [company_key(n) for n in ("Globex", "Hooli", "Brightpath Learning", "Otter Cloud")]
    typed = [company_key(n) for n in ("Globe", "Hooly", "Brightpth Learning", "Otter Clouds")]
    assert sure_matches(typed, existing) == {"brightpth learning": "brightpath learning"}
