"""Broaden: at least 70% of at least 10 applications in one family; comparisons only from 5 cases."""

from __future__ import annotations

import pandas as pd

from lib.learn.breadth import narrow_search


def _log(rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    """rows: (role, furthest stage, how many)."""
    out = [{"role": role, "furthest_stage": stage} for role, stage, n in rows for _ in range(n)]
    return pd.DataFrame(out)


def test_seven_of_ten_in_one_family_is_narrow_six_is_not() -> None:
    assert (
        narrow_search(_log([("Data Analyst", "applied", 7), ("Gardener", "applied", 3)])).family
        == "Data Analyst"
    )
    assert narrow_search(_log([("Data Analyst", "applied", 6), ("Gardener", "applied", 4)])) is None


def test_nine_applications_are_too_few_to_call_a_search_narrow() -> None:
    assert narrow_search(_log([("Data Analyst", "applied", 9)])) is None
    assert narrow_search(_log([("Data Analyst", "applied", 10)])) is not None


def test_a_related_family_with_better_traction_is_named_from_five_cases() -> None:
    log = _log(
        [
            ("Data Analyst", "applied", 13),
            ("Sr. Data Analyst", "interview", 1),
            ("Data Scientist", "interview", 3),
            ("Data Scientist", "applied", 2),
        ]
    )
    found = narrow_search(log)
    assert found.family == "Data Analyst" and found.in_family == 14
    assert found.better["family"].tolist() == ["Data Scientist"]
    assert "3 of 5 reached an interview" in found.sentence and "1 of 14" in found.sentence


def test_a_related_family_with_four_cases_is_named_without_a_number() -> None:
    log = _log([("Data Analyst", "applied", 16), ("Data Scientist", "interview", 4)])
    found = narrow_search(log)
    assert found.better.empty and found.untried == ["Data Scientist"]
    assert "too few to compare" in found.sentence and "%" not in found.sentence.split("roles.")[-1]
