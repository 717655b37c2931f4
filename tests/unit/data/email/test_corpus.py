"""The email reader measured on the corpus in tests/fixtures/emails (REBOUND_EMAIL_CORPUS for another)."""

from __future__ import annotations

import pytest

from tests.unit.data.email.corpus import load, metrics, same_name


@pytest.fixture(scope="module")
def cases():
    return load()


def test_the_corpus_meets_the_targets_and_prints_them(cases, capsys):
    found = metrics(cases)
    with capsys.disabled():
        print("\nemail corpus:", {k: round(v, 3) if isinstance(v, float) else v for k, v in found.items()})
    assert found["n"] >= 120
    assert found["rejection_precision"] >= 0.95
    assert found["rejection_recall"] >= 0.90
    assert found["kind_accuracy"] >= 0.90
    assert found["company"] >= 0.90
    assert found["role"] >= 0.80
    assert found["unrelated_confident_events"] == 0


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "nl"])
@pytest.mark.parametrize("kind", ["rejection", "interview", "application", "offer", "other"])
def test_each_kind_is_recognised_in_each_language(cases, language, kind):
    subset = [c for c in cases if c.language == language and c.kind == kind]
    assert subset, f"the corpus has no {kind} in {language}"
    right = sum(c.reading.kind == kind for c in subset)
    assert right / len(subset) >= 0.8, [(c.file, c.reading.kind) for c in subset if c.reading.kind != kind]


def test_no_unrelated_email_is_a_confident_event(cases):
    for case in cases:
        if case.kind == "other":
            assert case.reading.kind == "other" or not case.reading.confident, case.file


def test_unfortunately_alone_is_not_a_rejection(cases):
    by_file = {c.file: c for c in cases}
    for name in ("en-int-03.eml", "de-int-02.eml", "fr-int-03.eml", "es-int-02.eml", "nl-int-02.eml"):
        assert by_file[name].reading.kind == "interview", name
    for name in ("en-oth-07.eml", "de-oth-04.eml", "fr-oth-03.eml", "es-oth-03.eml", "nl-oth-03.eml"):
        assert by_file[name].reading.kind == "other", name


def test_the_stage_a_rejection_came_at_is_read_when_the_email_says_so(cases):
    stages = {c.file: c.reading.stage for c in cases if c.kind == "rejection"}
    assert stages["en-rej-04.eml"] == "final"
    assert stages["en-rej-02.eml"] == "interview"
    assert stages["en-rej-13.eml"] == "screen"
    assert stages["en-rej-01.eml"] in (None, "applied")


def test_company_names_compare_without_case_accents_or_suffix():
    assert same_name("Océane Tech", "oceane tech")
    assert same_name("Acme, Inc.", "ACME")
    assert not same_name("Acme", None)
