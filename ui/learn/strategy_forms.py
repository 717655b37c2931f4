"""The strategy review's forms: the review itself, the target list (edited in place) and the
side-by-side comparison of two saved reviews."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from lib.core.models import StrategyReviewIn, TargetIn, max_chars
from lib.learn.insights import Insight
from lib.learn.strategy import (
    PRIORITY_LABELS,
    compare_answers,
    compare_targets,
    priority_label,
    review_due,
    target_changes,
)
from lib.reflect import questionnaires
from lib.store import strategy as strategy_store
from lib.store.base import StoreError
from ui import focus, forms, state, tables
from ui.learn import insight_sections, insights_data
from ui.reflect import questionnaire
from ui.search import company_picker
from ui.setting_input import as_typed, whole_number_input
from ui.text import md

PREFIX = "strategy"
FORM = "strategy_review"
TARGETS_FORM = "targets_table"
TARGET_FORM = "target_one"
NOT_A_TARGET = "Not a target"
PRIORITY_CHOICES = [*PRIORITY_LABELS.values(), NOT_A_TARGET]
PRIORITY_OF = {label: value for value, label in PRIORITY_LABELS.items()} | {NOT_A_TARGET: None}
EDITOR_LIMIT = 300
NEXT_TAB = "strategy_next_tab"  # the tab the page opens on its next run (set before the tabs exist)
SAVED = "strategy_review_saved"  # the word after a saved review, said once in the plan's tab


def _done(message: str) -> None:
    forms.flash(message)
    st.rerun()


# --- the review ------------------------------------------------------------------------------


def review_form(
    bank: questionnaires.Bank, weekly_goal: int, found: dict[str, Insight], known_skills: list[str]
) -> None:
    questionnaire.seed(PREFIX, bank, {})
    forms.form_error(FORM)
    # said, not found out: unlike a reflection, this form keeps no draft while it is filled in
    st.caption(
        "Take your time. The answers are kept when you press Save review, so save before you leave this page."
    )
    with st.form(FORM, border=False):
        for name, _intro in bank.sections:
            questionnaire.section(bank, name, PREFIX, FORM, known_tags=known_skills)
            if name == bank.sections[1][0]:
                whole_number_input(  # no min/max: the browser would hold 500 back without a word
                    "My weekly goal (applications a week)",
                    weekly_goal,
                    f"{PREFIX}__weekly_goal",
                    help="Saved with the review and used for “Am I on track” from now on. From 0 "
                    "(no goal) to 100.",
                )
                forms.field_error(FORM, "weekly_goal", "The weekly goal")
        submitted = st.form_submit_button("Save review", type="primary", icon=":material/save:")
    if not submitted:
        return
    clean, errors = questionnaires.validate(bank, questionnaire.collect(PREFIX, bank))
    if errors:
        forms.set_errors(FORM, errors)
        st.rerun()
    goal = as_typed(st.session_state.get(f"{PREFIX}__weekly_goal"))
    try:
        review = StrategyReviewIn(
            answers=questionnaires.to_stored(bank, clean), weekly_goal=goal, bank_version=bank.version
        )
        numbers = {"on_track": found["on_track"].sentence, "traction": found["traction"].sentence}
        strategy_store.save_review(state.engine(), review, numbers)
    except (ValidationError, StoreError) as exc:
        forms.set_errors(FORM, forms.errors_from(exc))
        st.rerun()
    forms.clear_errors(FORM)
    questionnaire.forget(PREFIX)
    due = review_due(dt.date.today(), dt.date.today())
    st.session_state[NEXT_TAB] = "Plan the week"
    # said at the top of the plan's tab, where the page opens next (the page keeps its scroll)
    st.session_state[SAVED] = (
        f"Review saved. The next one is due on {due:%d %b %Y}; it will show up in your next actions. "
        "Now, a plan for the week:"
    )
    st.rerun()


# --- the target list -------------------------------------------------------------------------


def targets_editor(targets: pd.DataFrame, suggestions: Insight) -> None:
    edit_col, one_col = st.columns([3, 2], gap="large")
    with one_col:
        known = [*targets["name"], *suggestions.frame["company"]]
        _one_target_form(list(dict.fromkeys(known))[:EDITOR_LIMIT])
    with edit_col:
        _target_list(targets)
    _suggestions(suggestions)  # across the page: its reasons are sentences, read whole


def _suggestions(suggestions: Insight) -> None:
    st.markdown("#### Suggestions from your data")
    insight_sections.targets(suggestions)  # as Insights shows them


def _target_list(targets: pd.DataFrame) -> None:
    st.markdown(f"#### My target list ({len(targets):,})" if len(targets) else "#### My target list")
    if targets.empty:
        st.info(
            "No target companies yet. Add one with the form beside: the companies you most want to "
            "work for, with the reason.",
            icon=":material/flag:",
        )
        return
    st.caption("Edit priority and reason in place, then save. “Not a target” takes a company off the list.")
    forms.form_error(TARGETS_FORM)
    table = targets.head(EDITOR_LIMIT).assign(
        priority=lambda f: f["target_priority"].map(priority_label),
        target_reason=lambda f: f["target_reason"].fillna(""),
    )
    with st.form(TARGETS_FORM, border=False):
        edited = st.data_editor(
            table,
            hide_index=True,
            num_rows="fixed",
            key="targets_editor",
            disabled=["name"],
            column_order=["name", "priority", "target_reason"],
            column_config={
                "name": st.column_config.TextColumn("Company"),
                "priority": st.column_config.SelectboxColumn(
                    "Priority", options=PRIORITY_CHOICES, required=True
                ),
                "target_reason": st.column_config.TextColumn("Reason", width="large", max_chars=2000),
            },
            placeholder="",
        )
        save = st.form_submit_button("Save the target list", icon=":material/save:")
    if len(targets) > EDITOR_LIMIT:
        st.caption(f"Showing the first {EDITOR_LIMIT} of {len(targets):,} targets, high priority first.")
    if save:
        _save_table(table, edited)


def _save_table(before: pd.DataFrame, after: pd.DataFrame) -> None:
    try:
        changes = target_changes(before, after, PRIORITY_OF)
        changed = strategy_store.set_targets(state.engine(), changes)
    except (ValidationError, StoreError) as exc:
        forms.set_errors(
            TARGETS_FORM,
            {
                "form": "Nothing was saved: "
                + "; ".join(f"{k.replace('_', ' ')} {v}" for k, v in forms.errors_from(exc).items())
            },
        )
        st.rerun()
    forms.clear_errors(TARGETS_FORM)
    _done(f"Target list saved ({changed} {'company' if changed == 1 else 'companies'} changed).")


def _one_target_form(names: list[str]) -> None:
    """`names`: targets and suggested companies; any other company can be typed in."""
    st.markdown("#### Add or change a target")
    forms.form_error(TARGET_FORM)
    company = company_picker.pick(
        "target_company", sorted(set(names) | set(state.company_names())), label="Company"
    )
    forms.field_error(TARGET_FORM, "company", "Company", answered=company is not None)
    with st.form(forms.form_key(TARGET_FORM), clear_on_submit=False):
        priority = st.radio(
            "Priority", PRIORITY_CHOICES, index=0, horizontal=True, key=forms.key(TARGET_FORM, "priority")
        )
        reason = st.text_area(  # a box of its own: in one line, the counter sat over a long reason
            "Reason",
            height=68,
            key=forms.key(TARGET_FORM, "reason"),
            placeholder="Why this company",
            max_chars=max_chars(TargetIn, "target_reason"),
        )
        forms.field_error(TARGET_FORM, "target_reason", "Reason")
        submitted = st.form_submit_button("Save target", icon=":material/flag:")
    focus.show(TARGET_FORM)
    if not submitted:
        return
    if company is None and company_picker.waiting("target_company"):
        forms.set_errors(TARGET_FORM, {"company": company_picker.UNANSWERED})
        st.rerun()
    value = PRIORITY_OF[priority]
    if value is None and (reason or "").strip():  # a reason is kept with a priority: said, not dropped
        forms.set_errors(
            TARGET_FORM,
            {
                "target_reason": "A reason is kept for a company on the list. To take it off, clear "
                "the reason; to keep it, pick a priority."
            },
        )
        st.rerun()
    if value and not (reason or "").strip():  # a priority changed: the reason written before stays
        reason = _reason_now(company)
    try:
        target = TargetIn(
            company=company or "", target_priority=value, target_reason=reason if value else None
        )
        strategy_store.set_target(state.engine(), target)
    except (ValidationError, StoreError) as exc:
        forms.set_errors(TARGET_FORM, forms.errors_from(exc))
        st.rerun()
    forms.clear_errors(TARGET_FORM)
    # fresh keys: a popped one kept showing the last reason, saved again with the next company
    forms.renew(TARGET_FORM)
    company_picker.clear("target_company")
    focus.after_save(TARGET_FORM, company_picker.input_key("target_company"))  # the next one starts there
    _done(f"{target.company}: " + (f"{priority} priority." if value else "taken off the target list."))


def _reason_now(company: str | None) -> str | None:
    """The reason a target already has (changing only its priority erased it)."""
    if not company:
        return None
    targets = strategy_store.load_targets(state.engine())
    same = targets[targets["name"].str.casefold() == company.casefold()]
    return same["target_reason"].iloc[0] if not same.empty else None


# --- comparing two reviews -------------------------------------------------------------------


def _review_label(reviews: pd.DataFrame):
    when = dict(zip(reviews["id"], reviews["created_at"]))
    return lambda review_id: f"{when[review_id]:%d %b %Y, %H:%M} · #{review_id}"


def compare(reviews: pd.DataFrame) -> None:
    if len(reviews) < 2:
        st.info(
            "Save two reviews to compare them side by side: what you wanted, how on track you were, and "
            "how your target list changed."
            + (" One is saved so far: here it is." if len(reviews) == 1 else ""),
            icon=":material/compare_arrows:",
        )
        if len(reviews) == 1:
            _one_review(int(reviews["id"].iloc[0]), _review_label(reviews))
        return
    ids = reviews["id"].tolist()
    label = _review_label(reviews)
    left, right = st.columns(2)
    earlier_id = left.selectbox("Earlier review", ids, index=1, format_func=label, key="compare_earlier")
    later_id = right.selectbox("Later review", ids, index=0, format_func=label, key="compare_later")
    earlier, later = insights_data.review(earlier_id), insights_data.review(later_id)
    if earlier is None or later is None:
        st.warning("That review no longer exists. Pick another.")
        return
    for column, review in ((left, earlier), (right, later)):
        with column:
            _numbers_then(review)
    answers = compare_answers(earlier["answers"], later["answers"])
    st.markdown("#### Answers side by side")
    # sentences that wrap, read whole: in a grid an answer was cut ("Analytics close to product decisio…")
    answers = answers.assign(changed=answers["changed"].map({True: "yes", False: ""}))
    tables.reading_table(
        answers,
        {
            "question": "Question",
            "earlier": f"Earlier ({label(earlier_id)})",
            "later": f"Later ({label(later_id)})",
            "changed": "Changed",
        },
    )
    st.markdown("#### Target list then and now")
    targets = compare_targets(earlier["targets"], later["targets"])
    if targets.empty:
        st.caption("Neither review had target companies.")
    else:
        st.dataframe(
            targets,
            hide_index=True,
            column_config={
                "company": "Company",
                "earlier": "Earlier",
                "later": "Later",
                "change": "Change",
                "reason": st.column_config.TextColumn("Reason", width="large"),
            },
            placeholder="",
        )


def _numbers_then(review: dict) -> None:
    """The weekly goal a review set, and the numbers it was written beside. Said apart: "Weekly goal
    then: 4" above "The weekly goal is 5 (Settings)" read as a contradiction (5 was the goal the
    page showed while the review set 4)."""
    numbers = (review["answers"] or {}).get(strategy_store.CONTEXT_KEY) or {}
    with st.container(border=True):
        goal = review["weekly_goal"]
        st.caption(f"Weekly goal this review set: {goal if goal is not None else '—'}")
        if numbers:
            st.caption("What the page showed as you wrote it:")
        for text in numbers.values():
            st.caption(md(text))


def _one_review(review_id: int, label) -> None:
    """The only saved review, read back (before a second one, there is nothing to compare it with)."""
    review = insights_data.review(review_id)
    if review is None:
        return
    st.markdown(f"#### Your review of {label(review_id)}")
    _numbers_then(review)
    answers = compare_answers(None, review["answers"])
    st.dataframe(
        answers,
        hide_index=True,
        column_order=["section", "question", "later"],
        column_config={
            "section": "Section",
            "question": "Question",
            "later": st.column_config.TextColumn("Your answer", width="large"),
        },
        placeholder="",
    )
    targets = compare_targets(None, review["targets"])
    if not targets.empty:
        st.markdown("#### Target list then")
        st.dataframe(
            targets,
            hide_index=True,
            column_order=["company", "later", "reason"],
            column_config={
                "company": "Company",
                "later": "Priority",
                "reason": st.column_config.TextColumn("Reason", width="large"),
            },
            placeholder="",
        )


def saved_reviews(reviews: pd.DataFrame) -> None:
    """Each saved review by its date, to delete one that no longer helps (asked first)."""
    if reviews.empty:
        return
    st.markdown("#### Saved reviews")
    label = _review_label(reviews)
    for review in reviews.itertuples():
        with st.container(border=True):
            goal = f" · weekly goal {review.weekly_goal:.0f}" if pd.notna(review.weekly_goal) else ""
            st.markdown(md(label(review.id) + goal))
            forms.ask_before_deleting(
                f"review_{review.id}",
                "Delete this review? Your target list and your other reviews stay as they are. "
                "This can't be undone.",
                lambda review_id=int(review.id): strategy_store.delete_review(state.engine(), review_id),
                "Review deleted.",
                label="Delete this review…",
            )
