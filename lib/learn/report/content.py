"""What a report says, built from the loaded frames (data.load) and the person's choices: pure
pandas, no file format. html.py and pdf.py render the same `Report`.

Only what was chosen is put in: a part left out is never computed into the report, so it cannot
leak into the file. Numbers follow the claim rules: rates with their 95% interval and n, nothing
claimed from fewer than 5 cases (an insight is kept only when it rests on enough).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lib.core import vocab
from lib.core.text import plural
from lib.learn import charts, claims, insights, traction
from lib.learn.report import private
from lib.learn.report.mask import Masker
from lib.learn.report.options import ReportOptions
from lib.learn.report.week import week_lines
from lib.learn.strategy_bank import STRATEGY
from lib.reflect.questionnaires import answer_lines

TRACTION_CHARTS = ("company", "channel", "role", "over_time", "closer", "funnel", "endings", "response_times")
# insight key -> the private part it needs. What a reflection or a debrief says of the person
# (how they rated themselves, their comfort, why a "no" came, whether they wanted the job, where
# they would try again) is theirs: a report that says reflections are left out leaves these out too.
PRIVATE_INSIGHTS = {
    "mood": "mood",
    "self_assessment": "reflections",
    "comfort": "reflections",
    "nos": "reflections",
    "motivation": "reflections",
    "reapply": "reflections",
    "targets": "reflections",
}
CONTEXT_KEY = "_numbers"  # a review's stored on-track numbers (lib.store.strategy): not an answer
PRACTISE_LIMIT = 15
WEEK_WORDS = ("change", "skills_to_build", "confidence")


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    detail: str


@dataclass(frozen=True)
class ChartPart:
    key: str
    title: str
    description: str
    spec: dict[str, Any]
    rows: int
    note: str = ""  # said under the chart: what it leaves out (the companies not drawn)


@dataclass(frozen=True)
class Finding:
    title: str
    sentence: str
    n: int


@dataclass(frozen=True)
class Answer:
    prompt: str
    text: str


@dataclass
class Report:
    options: ReportOptions
    made_on: dt.date
    applications: int
    figures: list[Figure] = field(default_factory=list)
    strongest: str = ""
    charts: list[ChartPart] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    review_on: dt.date | None = None
    review: list[Answer] = field(default_factory=list)
    targets: list[Answer] = field(default_factory=list)
    plan: list[Answer] = field(default_factory=list)
    practise: list[dict[str, Any]] = field(default_factory=list)
    private: dict[str, Any] = field(default_factory=dict)  # only the ticked private parts
    notes: list[str] = field(default_factory=list)  # plain remarks: "no applications in this period"

    @property
    def period(self) -> str:
        return self.options.period_text()


def _in_period(dates: pd.Series, options: ReportOptions) -> pd.Series:
    days = pd.to_datetime(dates, errors="coerce")
    keep = pd.Series(True, index=dates.index)
    if options.date_from:
        keep &= days >= pd.Timestamp(options.date_from)
    if options.date_to:
        keep &= days < pd.Timestamp(options.date_to) + pd.Timedelta(days=1)
    return keep


def _narrowed(data: dict[str, Any], options: ReportOptions, masker: Masker) -> dict[str, Any]:
    """The frames for the period's applications, with company names masked when asked."""
    out = dict(data)
    log = data["log"][_in_period(data["log"]["applied_on"], options)].copy()
    ids = set(log["id"])
    log["company"] = masker.column(log["company"])
    out["log"] = log
    out["applications"] = data["applications"][data["applications"]["id"].isin(ids)].assign(
        company=lambda f: masker.column(f["company"])
    )
    out["events"] = data["events"][data["events"]["application_id"].isin(ids)]
    for key in ("reflections", "interviews", "feedback"):
        out[key] = data[key][data[key]["application_id"].isin(ids)]
    out["questions"] = data["questions"][data["questions"]["interview_id"].isin(set(out["interviews"]["id"]))]
    out["moods"] = data["moods"][_in_period(data["moods"]["recorded_at"], options)]
    out["companies"] = data["companies"].assign(name=lambda f: masker.column(f["name"]))
    return out


def _rate(label: str, hits: int, n: int, what: str) -> Figure:
    if n < claims.MIN_CASES:
        return Figure(label, claims.TOO_FEW, f"{hits:,} of {n:,} {what}")
    low, high = claims.wilson_interval(hits, n)
    return Figure(label, f"{hits / n:.0%}", f"95% interval {low:.0%}–{high:.0%}; {hits:,} of {n:,} {what}")


def _figures(table: pd.DataFrame) -> tuple[list[Figure], str]:
    n = len(table)
    responses, reached = int(table["responded"].sum()), int(table["traction"].sum())
    # by the furthest stage, dated or not, as Home counts them (a stage without a day still happened)
    finals = int((table["stage_rank"] >= vocab.STAGE_RANK["final"]).sum())
    offers = int((table["stage_rank"] >= vocab.STAGE_RANK["offer"]).sum())
    figures = [
        Figure("Applications", f"{n:,}", "sent in this period (n)"),
        _rate("Response rate", responses, n, "got an answer (a screen or later, or a rejection)"),
        _rate("Traction rate", reached, n, "reached an interview or further"),
        Figure("Final rounds", f"{finals:,}", f"of {plural(n, 'application')} reached a final round"),
        Figure("Offers", f"{offers:,}", f"of {plural(n, 'application')} reached an offer"),
    ]
    return figures, traction.strongest_sentence(table)


def _charts(table: pd.DataFrame, today: dt.date) -> list[ChartPart]:
    bounds = traction.table_bounds(table)
    freq = "week" if bounds and (bounds[1] - bounds[0]).days < 120 else "month"
    # the view counted by the same period the charts are titled with (monthly counts were drawn
    # as "Applications by week", each month's total on its first day)
    view = traction.traction_view(table, traction.TractionFilter(), freq)
    specs = charts.traction_specs(view, freq, today)
    frames = {
        "company": view.company_stages,
        "channel": view.channel_rates,
        "role": view.role_rates,
        "over_time": view.over_time,
        "closer": view.over_time,
        "funnel": view.funnel,
        "endings": view.endings,
        "response_times": view.response_times,
    }
    others, other_apps = traction.grouped_companies(view.company_stages)
    notes = {  # as Traction says under its chart: the report left it out, the bars read as all
        "company": f"{plural(others, 'other company', 'other companies')} ({plural(other_apps, 'application')}) "
        f"{'is' if others == 1 else 'are'} not drawn, so these bars stay readable."
        if others
        else ""
    }
    parts = []
    for key in TRACTION_CHARTS:
        if key not in specs:
            continue
        title = specs[key].get("title", {})
        parts.append(
            ChartPart(
                key,
                title.get("text", key) if isinstance(title, dict) else str(title),
                title.get("subtitle", "") if isinstance(title, dict) else "",
                specs[key],
                len(frames[key]),
                notes.get(key, ""),
            )
        )
    return parts


def passes_claim_rules(insight: insights.Insight) -> bool:
    """An insight is stated only when it claims something and every group it rests on holds at
    least `claims.MIN_CASES` cases (lib.learn.claims); its n goes beside it."""
    return bool(insight.rests_on) and min(insight.rests_on) >= claims.MIN_CASES and claims.enough(insight.n)


def _findings(data: dict[str, Any], options: ReportOptions, today: dt.date) -> list[Finding]:
    settings = data["settings"]
    found = insights.all_insights(data, today, settings["reapproach_months"], settings["ghost_days"])
    kept = []
    for key, insight in found.items():
        needs = PRIVATE_INSIGHTS.get(key)
        if needs and needs not in options.private:
            continue
        if key == "mood":  # ticked, the mood part says it, beside its chart: not twice
            continue
        if key == "questions" and "questions" not in options.sections:  # from the debriefs' ratings:
            continue  # it goes with the questions to practise, or not at all
        if passes_claim_rules(insight):
            kept.append(Finding(insight.title, insight.sentence, insight.n))
    return kept


def _review(review: dict[str, Any], masker: Masker) -> tuple[list[Answer], list[Answer]]:
    answers = {k: v for k, v in (review.get("answers") or {}).items() if k != CONTEXT_KEY}
    lines = [Answer(line.prompt, masker.text(line.text)) for line in answer_lines(STRATEGY, answers)]
    if review.get("weekly_goal") is not None:
        # the goal as it was set then: "This week" gives the one that holds now (Settings')
        lines.append(Answer("Weekly goal this review set", f"{review['weekly_goal']} applications a week"))
    targets = [
        Answer(
            masker.name(t.get("company")),
            " · ".join(
                part
                for part in (
                    {1: "High", 2: "Medium", 3: "Low"}.get(t.get("priority"), ""),
                    masker.text(t.get("reason") or ""),
                )
                if part
            ),
        )
        for t in review.get("targets") or []
    ]
    return lines, targets


def _plan(data: dict[str, Any], today: dt.date, masker: Masker) -> list[Answer]:
    """This week: the plan from the last review with its progress, else the weekly goal (Settings'
    own, as the app's: a review writes its goal there, and a later change in Settings wins)."""
    review = data.get("review") or {}
    goal = data["settings"].get("weekly_goal")
    lines = week_lines(data["plans"], data["log"]["applied_on"], today, goal, masker.name)
    answers = review.get("answers") or {}
    for key in WEEK_WORDS:
        if answers.get(key) not in (None, "", []):
            line = answer_lines(STRATEGY, {key: answers[key]})[0]
            lines.append((STRATEGY.by_id[key].prompt, masker.text(line.text)))
    return [Answer(prompt, text) for prompt, text in lines]


def build(data: dict[str, Any], options: ReportOptions, today: dt.date | None = None) -> Report:
    """The report for `options` from the frames of data.load (see there)."""
    today = today or dt.date.today()
    names = pd.concat([data["log"]["company"], data["companies"]["name"]]).dropna().tolist()
    masker = Masker(names, active=options.mask_companies)
    data = _narrowed(data, options, masker)
    ghost_days = data["settings"]["ghost_days"]
    table = traction.traction_table(data["applications"], data["events"], today, ghost_days)
    report = Report(options=options, made_on=today, applications=len(table))
    if table.empty:
        report.notes.append("No applications were sent in this period, so there are no numbers or charts.")
    else:
        if "headline" in options.sections:
            report.figures, report.strongest = _figures(table)
        if "traction" in options.sections:
            report.charts = _charts(table, today)
    if "insights" in options.sections:
        report.findings = _findings(data, options, today)
    review = data.get("review")
    if "strategy" in options.sections and review:
        report.review_on = pd.Timestamp(review["created_at"]).date()
        report.review, report.targets = _review(review, masker)
    if "plan" in options.sections:
        report.plan = _plan(data, today, masker)
    if "questions" in options.sections:
        practise = insights.weakest_questions(data["questions"], PRACTISE_LIMIT).extra["practise"]
        report.practise = [
            {k: masker.text(v) if isinstance(v, str) else v for k, v in row.items()}
            for row in practise.to_dict("records")
        ]
    report.private = private.parts(data, options, masker, today)
    return report
