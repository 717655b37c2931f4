"""What the person chooses to put in a report: the period, the sections, the private parts, masking.

Private parts (feelings, what was written for oneself, other people's details) are left out
unless ticked; the sections about the search itself are in unless unticked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SECTIONS: dict[str, str] = {
    "headline": "Headline numbers (with their 95% intervals)",
    "traction": "Traction charts: by company, channel, role family, over time, the funnel",
    "insights": "Insights that rest on enough cases (those from my reflections or mood only if ticked)",
    "strategy": "My latest strategy review",
    "plan": "This week's plan",
    "questions": "Questions I want to practise (with how I rated my answers, and my weakest kinds)",
}
PRIVATE: dict[str, str] = {
    "mood": "My mood over time (check-ins and their words)",
    "reflections": "My reflections, and the insights drawn from my reflections and debriefs",
    "writing": "My written-out sessions",
    "contacts": "The people I met, with their contact details",
}


@dataclass(frozen=True)
class ReportOptions:
    """Everything the person decides before a report is written (hashable: a cache key)."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    private: frozenset[str] = frozenset()  # nothing private unless ticked
    mask_companies: bool = False
    title: str = "My job search"

    def __post_init__(self) -> None:
        unknown = (set(self.sections) - set(SECTIONS)) | (set(self.private) - set(PRIVATE))
        if unknown:
            raise ValueError(f"unknown report parts: {', '.join(sorted(unknown))}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("the period starts after it ends")

    def has(self, part: str) -> bool:
        return part in self.sections or part in self.private

    def period_text(self) -> str:
        if self.date_from and self.date_to:
            return f"Applications sent {self.date_from:%d %b %Y} – {self.date_to:%d %b %Y}"
        if self.date_from:
            return f"Applications sent since {self.date_from:%d %b %Y}"
        if self.date_to:
            return f"Applications sent up to {self.date_to:%d %b %Y}"
        return "All applications"

    def included(self) -> list[str]:
        parts = [label for key, label in SECTIONS.items() if key in self.sections]
        parts += [label for key, label in PRIVATE.items() if key in self.private]
        return parts

    def left_out(self) -> list[str]:
        parts = [label for key, label in PRIVATE.items() if key not in self.private]
        return parts + [label for key, label in SECTIONS.items() if key not in self.sections]
