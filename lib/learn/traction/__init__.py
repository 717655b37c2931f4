"""Where the search gets traction: pure pandas over applications and stage events.

- `table`: furthest stage, outcome and the one-row-per-application traction table; filters;
- `aggregates`: rates by group (with intervals), companies' stages, over time, funnel, endings,
  response times, still silent, one company's applications;
- `headline`: the Home headline and the Traction page's view for one set of filters.
Rates and their intervals follow the claim rules in `lib.learn.claims`.
"""

from lib.learn.claims import MIN_CASES as MIN_SAMPLE
from lib.learn.claims import TOO_FEW, Z_95, rate_text, wilson_interval
from lib.learn.traction.aggregates import (
    RATE_COLUMNS,
    company_applications,
    company_stages,
    endings,
    funnel,
    grouped_companies,
    over_time,
    rates_by,
    response_times,
    still_silent,
)
from lib.learn.traction.headline import (
    EXTRA_DIMENSIONS,
    PICKER_LIMIT,
    Figure,
    TractionView,
    count_of,
    headline,
    strongest_claim,
    strongest_sentence,
    table_bounds,
    traction_view,
    undated_note,
)
from lib.learn.traction.table import (
    CHANNEL_PHRASES,
    END_STATES,
    FUNNEL_STAGES,
    OTHER_COMPANIES,
    STATUS_COLUMNS,
    TABLE_COLUMNS,
    TRACTION_RANK,
    TractionFilter,
    application_status,
    end_states,
    filter_table,
    traction_table,
    with_status,
)

__all__ = [
    "undated_note",
    "CHANNEL_PHRASES",
    "END_STATES",
    "EXTRA_DIMENSIONS",
    "FUNNEL_STAGES",
    "MIN_SAMPLE",
    "OTHER_COMPANIES",
    "PICKER_LIMIT",
    "RATE_COLUMNS",
    "STATUS_COLUMNS",
    "TABLE_COLUMNS",
    "TOO_FEW",
    "TRACTION_RANK",
    "Z_95",
    "Figure",
    "TractionFilter",
    "TractionView",
    "application_status",
    "company_applications",
    "company_stages",
    "endings",
    "filter_table",
    "funnel",
    "grouped_companies",
    "count_of",
    "headline",
    "over_time",
    "rate_text",
    "rates_by",
    "response_times",
    "still_silent",
    "strongest_claim",
    "strongest_sentence",
    "table_bounds",
    "traction_table",
    "traction_view",
    "wilson_interval",
    "end_states",
    "with_status",
]
