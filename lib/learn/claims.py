"""The claim rules: what Rebound may say about a person's search, and how.

One place for every number stated about the search (Home, Traction, Insights, Strategy review):
- no rate, ranking, comparison, correlation or recommendation from fewer than `MIN_CASES` cases in
  any group it rests on;
- every rate shown as a number comes with its 95% interval (Wilson score);
- a correlation only from `MIN_CORRELATION` cases, with an interval, and called a link only when
  the interval excludes zero; it "tends to go with", never causes;
- every claim sentence names its n.
"""

from __future__ import annotations

import numpy as np

MIN_CASES = 5
MIN_CORRELATION = 10
Z_95 = 1.959963984540054
TOO_FEW = "too few to tell"


def wilson_interval(successes, n, z: float = Z_95):
    """The Wilson score interval (low, high) for successes out of n; NaN where n is 0.

    Works on numbers or on arrays/Series of the same shape.
    """
    k = np.asarray(successes, dtype=float)
    total = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / total
        denom = 1 + z**2 / total
        centre = (p + z**2 / (2 * total)) / denom
        half = z * np.sqrt(p * (1 - p) / total + z**2 / (4 * total**2)) / denom
        low, high = np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)
    low = np.where(total > 0, low, np.nan)
    high = np.where(total > 0, high, np.nan)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


def rate_text(successes: int, n: int) -> str:
    """ "40% (95% interval 12–74%)", or "too few to tell" under MIN_CASES."""
    if n < MIN_CASES:
        return TOO_FEW
    low, high = wilson_interval(successes, n)
    return f"{successes / n:.0%} (95% interval {low:.0%}–{high:.0%})"
