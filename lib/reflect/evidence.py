"""Why each practice helps: one line per practice naming the study (authors, year, what they found).

Shown beside the practice it backs, once, in Rebound's own words; never as pressure.
"""

from __future__ import annotations

WHY: dict[str, str] = {
    "writing": (
        "Why this helps: in one small study, people who had lost their jobs and wrote for 20 minutes a "
        "day on 5 days about their deepest thoughts and feelings on it were re-employed more often 8 "
        "months later (53%, against 24% and 14% in the other groups) — not through more interviews: "
        "more of their interviews became offers (Spera, Buhrfeind & Pennebaker, 1994). A hopeful "
        "finding, not a promise."
    ),
    "self_compassion": (
        "Why this helps: writing to yourself kindly about a setback lowered sadness and self-criticism "
        "(Kreemers et al., 2020); paired with a wish to improve, self-compassion goes with renewed "
        "effort (Miyagawa & Taniguchi, 2018). So: kind first, then what you'll do next."
    ),
    "learning": (
        "Why this helps: treating the search as something to learn from raised search effort and "
        "re-employment (van Hooft & Noordzij, 2009)."
    ),
    "plan": (
        "Why this helps: job seekers who made a detailed plan sent more applications and got more "
        "offers (Abel et al., 2019); if-then plans carry intentions into action (van Hooft et al., 2005)."
    ),
    "quality": (
        "Why this helps: how well people search — planning, preparation, handling feelings and keeping "
        "on, learning — predicts outcomes better than sheer volume (van Hooft et al., 2021, a review of "
        "many studies). The four questions are Rebound's own words, not a validated scale."
    ),
    "coast": (
        "Why this helps: after a day of felt progress, people searched less the next day "
        "(Wanberg, Zhu & van Hooft, 2010) — a running interview is a good reason to keep one more going."
    ),
    "breadth": (
        "Why this helps: suggesting related occupations to people with a narrow search raised their "
        "interviews (Belot, Kircher & Muller, 2019)."
    ),
    "setback": (
        "Why this helps: rehearsing how to handle a setback before it comes protected people against "
        "distress (the JOBS programme: Caplan et al., 1989; Vinokur & Schul, 1997)."
    ),
    "practice": (
        "Why this helps: recalling an answer before you check it, and spreading practice over days, "
        "are two of the best-supported ways to remember what you learn (Dunlosky et al., 2013, a review "
        "of learning techniques — studied with students, not interviews). Preparing is part of how well "
        "people search, which predicts outcomes better than sheer volume (van Hooft et al., 2021)."
    ),
}
