"""Home's headline: applications, response rate, traction rate, final rounds and offers, each with
the last 30 days against the 30 before, and one sentence on where traction is strongest."""

from __future__ import annotations

import streamlit as st

from lib.learn.claims import MIN_CASES
from lib.learn.traction import count_of
from ui.learn import traction_data
from ui.text import md


def show() -> None:
    figures, sentence = traction_data.headline()
    for figure, column in zip(figures, st.columns(len(figures))):
        change = figure.last_30 - figure.previous_30
        # A direction only when both 30-day counts hold 5 or more: "↓ 0 answers" against 2 is no
        # trend, and a row of down arrows on a hard day says more than the numbers can
        compared = min(figure.last_30, figure.previous_30) >= MIN_CASES
        column.metric(
            figure.label,
            figure.value,  # a rate, or under 5 the counts ("2 of 3"): the note says why
            delta=count_of(figure, figure.last_30),  # "in the last 30 days" opens the note under it
            delta_color="off",  # the arrow says which way; no red/green to tell apart
            delta_arrow="off" if change == 0 or not compared else ("up" if change > 0 else "down"),
            help=f"{figure.help} Last 30 days: {figure.last_30:,}; the 30 days before: {figure.previous_30:,}."
            + (
                f" {figure.undated:,} with no known day {'is' if figure.undated == 1 else 'are'} in the total "
                "but in neither 30-day count."
                if figure.undated
                else ""
            ),
        )
        # The 30 days before in words under the pill: "vs 3" beside it read as a riddle, and was cut;
        # "↑ 4 interviews in 30 days" was cut too, so the pill says what and the note says when.
        before = f"in the last 30 days ({figure.previous_30:,} in the 30 before)"
        undated = f"{figure.undated:,} undated: in neither 30-day count" if figure.undated else ""
        # the big number's basis on a line of its own: after "in the last 30 days" on one line,
        # "47 of 60" read as if it were the last 30 days too
        column.caption("  \n".join(part for part in (before, figure.note, undated) if part))
    st.markdown(f":material/insights: {md(sentence)}")  # the sentence names companies and roles
    st.page_link("pages/traction.py", label="See where your search gets traction", icon=":material/insights:")
