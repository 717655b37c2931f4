from lib.learn.report.mask import Masker, letters


def test_letters_run_past_z():
    assert [letters(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


def test_each_company_keeps_one_alias_in_names_and_text():
    masker = Masker(["Acme", "Acme Labs", "acme", "Beta Corp"])
    assert masker.name("Acme") == masker.name("ACME ") == "Company A"
    assert masker.name("Acme Labs") == "Company B"
    assert (
        masker.text("Drop acme, add Acme Labs and Beta Corp.")
        == "Drop Company A, add Company B and Company C."
    )


def test_a_name_inside_a_longer_word_is_left_alone():
    assert Masker(["Acme"]).text("Acmeville is not Acme") == "Acmeville is not Company A"


def test_an_inactive_masker_changes_nothing():
    masker = Masker(["Acme"], active=False)
    assert masker.name("Acme") == "Acme" and masker.text("Acme") == "Acme"
