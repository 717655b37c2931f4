"""Every kind of question in the banks has a widget, and what it holds comes back as answers."""

import datetime as dt

from streamlit.testing.v1 import AppTest


def _every_kind_app():
    from lib.reflect import questionnaires as qn
    from ui.reflect import questionnaire

    bank = qn.Bank(
        id="every",
        version=1,
        title="Every kind",
        sections=(("All", "One of each"),),
        questions=tuple(
            qn.Question(
                id=kind,
                label=kind,
                prompt=f"A {kind} question",
                kind=kind,
                section="All",
                options=("a", "b") if kind in ("single", "multi") else (),
                with_note=kind == "scale",
            )
            for kind in qn.KINDS
        ),
    )
    questionnaire.seed(
        "t",
        bank,
        {
            "scale": 3,
            "yesno": True,
            "single": "b",
            "multi": ["a"],
            "tags": ["SQL"],
            "short": "hi",
            "long": "<b>x</b>",
            "date": "2026-01-02",
            "scale_note": "n",
        },
    )
    questionnaire.section(bank, "All", "t", "t", known_tags=["dbt"])
    import streamlit as st

    st.session_state["collected"] = questionnaire.collect("t", bank)


def test_every_kind_draws_a_widget_seeded_with_its_answer():
    from lib.reflect import questionnaires as qn

    at = AppTest.from_function(_every_kind_app).run()
    assert not at.exception, [e.value for e in at.exception]
    collected = at.session_state["collected"]
    assert collected == {
        "scale": 3,
        "scale_note": "n",
        "yesno": True,
        "single": "b",
        "multi": ["a"],
        "tags": ["SQL"],
        "short": "hi",
        "long": "<b>x</b>",
        "date": dt.date(2026, 1, 2),
    }
    assert set(collected) == {k for k in qn.KINDS} | {"scale_note"}
    assert at.multiselect(key="t__tags").options == ["SQL", "dbt"]
    assert not any("can't be shown" in c.value for c in at.caption)
