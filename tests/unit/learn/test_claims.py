"""The claim rules: unit tests at their boundaries, and a property test that no sentence built from
small, skewed, tied or empty data breaks them."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.learn import claims, insights, traction
from tests.unit.learn.test_insights import STAGE_EVENTS, TODAY, D, make_log, reflections

# --- units at the boundaries -------------------------------------------------------------------


def test_a_rate_from_four_is_too_few_and_from_five_has_its_interval():
    assert claims.rate_text(2, 4) == "too few to tell"
    assert claims.rate_text(2, 5) == "40% (95% interval 12%–77%)"
    assert claims.share_text(1, 4) == "1 of 4 (too few to tell)"
    assert claims.share_text(1, 5) == "1 of 5 (20%, 95% interval 4%–62%)"


def test_the_wilson_interval_matches_the_textbook_and_is_undefined_for_nothing():
    low, high = claims.wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    assert all(np.isnan(v) for v in claims.wilson_interval(0, 0))


def test_a_correlation_needs_ten_cases():
    nine = claims.correlation(range(9), range(9))
    ten = claims.correlation(range(10), range(10))
    assert not nine.defined and "9 so far, and 10 are needed" in claims.correlation_claim("X", nine).text
    assert ten.defined and ten.is_link and ten.rho == pytest.approx(1.0)


def test_equal_ratings_have_no_correlation_to_state():
    flat = claims.correlation([3] * 12, range(12))
    claim = claims.correlation_claim("Prepared", flat)
    assert np.isnan(flat.rho) and not claim.claims_something
    assert "no correlation to state" in claim.text and "n = 12" in claim.text


def test_noise_is_not_called_a_link_and_the_interval_is_shown():
    rng = np.random.default_rng(1)
    x, y = rng.integers(1, 6, 20), rng.integers(0, 5, 20)
    found = claims.correlation(x, y)
    claim = claims.correlation_claim("Prepared", found)
    assert found.low < 0 < found.high and not found.is_link
    assert "no clear link" in claim.text and "95% interval" in claim.text and "n = 20" in claim.text


def test_the_bootstrap_interval_is_the_same_every_time():
    x, y = [1, 2, 2, 3, 4, 4, 5, 1, 3, 5, 2], [0, 1, 2, 1, 3, 2, 4, 1, 0, 4, 2]
    assert claims.correlation(x, y) == claims.correlation(x, y)


def test_a_link_says_tends_to_go_with_and_never_a_cause():
    claim = claims.correlation_claim("Prepared", claims.correlation(range(10), range(10, 0, -1)))
    assert "tends to go with stopping earlier" in claim.text and "A pattern, not a cause." in claim.text


# --- the property: no sentence breaks the rules, whatever the data ---------------------------

STAGES = st.integers(0, 4)
RATING = st.one_of(st.none(), st.integers(1, 5))


@st.composite
def searches(draw):
    n = draw(st.integers(0, 16))
    companies = draw(st.sampled_from([["Acme"], ["Acme", "Beta"], ["Acme", "Beta", "Cole", "Dune"]]))
    channels = draw(
        st.sampled_from([["referral"], ["referral", "job board"], ["referral", "job board", "other"]])
    )
    ranks = draw(st.lists(STAGES, min_size=n, max_size=n))
    tied = draw(st.booleans())
    rows, events, answers = [], [], []
    for app_id, rank in enumerate(ranks, start=1):
        company = companies[draw(st.integers(0, len(companies) - 1))]
        channel = channels[draw(st.integers(0, len(channels) - 1))]
        rows.append((app_id, company, D, channel))
        for step, kind in enumerate(STAGE_EVENTS[rank]):
            events.append((app_id, kind, D + dt.timedelta(days=step + 1)))
        if rank < 4:
            events.append((app_id, draw(st.sampled_from(["rejected", "ghosted"])), D + dt.timedelta(days=10)))
        rating = 3 if tied else draw(RATING)
        answers.append(
            (
                app_id,
                {
                    "prepared": rating,
                    "qualified": draw(RATING),
                    "motivation": draw(st.sampled_from(["dream job", "I was bored", None])),
                    "still_interested": draw(st.sampled_from([True, False, None])),
                },
            )
        )
    log, ev = (
        make_log(rows, events)
        if rows
        else (_empty_log(), pd.DataFrame(columns=["application_id", "kind", "occurred_on"]))
    )
    interviews = pd.DataFrame(
        {
            "id": range(len(log)),
            "application_id": log["id"].tolist() if len(log) else [],
            "round_type": [draw(st.sampled_from(["technical", "case"])) for _ in range(len(log))],
            "format": [draw(st.sampled_from(["video", "onsite"])) for _ in range(len(log))],
            "comfort": [3 if tied else draw(st.integers(1, 5)) for _ in range(len(log))],
            "occurred_on": [D] * len(log),
        }
    )
    return log, ev, reflections(*answers), interviews


def _empty_log() -> pd.DataFrame:
    apps = pd.DataFrame(columns=["id", "company_id", "company", "role", "applied_on", "channel"])
    return traction.with_status(apps, pd.DataFrame(columns=["application_id", "kind", "occurred_on"]))


def check(text: str, rests_on: tuple[int, ...]) -> None:
    assert text and not text.startswith("nan")
    if rests_on:
        assert min(rests_on) >= claims.MIN_CASES, (text, rests_on)
        assert re.search(r"\d", text), text  # names its n
    # every rate shown as a number carries its interval: p%, 95%, low%, high%
    rates = len(re.findall(r"95% interval \d+%–\d+%", text))
    correlations = len(re.findall(r"95% interval [+-]\d", text))
    assert rates + correlations == text.count("95% interval"), text
    assert text.count("%") == 4 * rates + correlations, text
    assert "cause" not in text.replace("not a cause", ""), text
    if "tends to go with" in text:
        assert "95% interval" in text and "n = " in text, text
    assert "overdue" not in text.casefold()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(searches())
def test_no_sentence_breaks_the_claim_rules(search):
    log, events, refl, interviews = search
    companies = pd.DataFrame({"id": sorted(set(log["company_id"])) if len(log) else []})
    companies["name"] = companies["id"].map(dict(zip(log["company_id"], log["company"]))) if len(log) else []
    companies["target_priority"] = 2
    found = [
        insights.self_assessment(log, refl, interviews),
        insights.comfort_where(log, interviews),
        insights.was_it_for_me(log, refl, interviews),
        insights.most_traction(log),
        insights.target_suggestions(log, companies, refl, interviews, TODAY),
    ]
    for insight in found:
        check(insight.sentence, insight.rests_on)
    for words, rests_on in zip(
        found[0].extra["correlations"]["words"], found[0].extra["correlations"]["rests_on"]
    ):
        check(words, rests_on)
    targets = found[-1].frame
    assert set(targets.loc[targets["tries"] < claims.MIN_CASES, "verdict"]) <= {"watch"}
    table = traction.traction_table(log.drop(columns=["outcome"], errors="ignore"), events, TODAY)
    claim = traction.strongest_claim(table)
    check(claim.text, claim.rests_on)
    figures, _ = traction.headline(table, TODAY)
    for figure in figures:
        assert "%" not in figure.value or len(table) >= claims.MIN_CASES
        assert "%" not in figure.value or "95% interval" in figure.note


def test_too_little_for_a_link_is_said_in_plain_words():
    said = claims.correlation_claim(
        "Fully prepared", claims.Correlation(rho=float("nan"), low=float("nan"), high=float("nan"), n=2)
    ).text
    assert said == (
        "Fully prepared — not enough data yet: 2 so far, and 10 are needed to see any link with how "
        "far you got."
    )
    assert "rank correlation" not in said
