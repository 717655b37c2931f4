"""The claim rules: what Rebound may say about a person's search, and how.

One place for every number stated about the search (Home, Traction, Insights, Strategy review,
the target list, worth another try). The rules (docs/product.md, "Promises to the person"):
- no rate, ranking, comparison, correlation or recommendation from fewer than `MIN_CASES` cases in
  any group it rests on;
- every rate shown as a number comes with its 95% interval (Wilson score);
- a correlation only from `MIN_CORRELATION` cases, with a 95% bootstrap interval (fixed seed, so
  the same data always says the same thing), called a link only when the interval excludes zero;
  it "tends to go with", never causes;
- every claim sentence names its n.

A `Claim` is a sentence with the sizes of the groups it rests on, so tests can check the rules on
any data without parsing words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.core.text import plural  # noqa: F401 - re-exported: claims and insights say counts with it

MIN_CASES = 5
MIN_CORRELATION = 10
Z_95 = 1.959963984540054
TOO_FEW = "too few to tell"
BOOTSTRAP_SAMPLES = 1_000
SEED = 20_260_101  # fixed: a correlation's interval never changes from one rerun to the next


@dataclass(frozen=True)
class Claim:
    """A sentence and what it rests on: `rests_on` holds the size of every group it compares or
    states a number from (empty when it claims nothing, e.g. "not enough data yet")."""

    text: str
    rests_on: tuple[int, ...] = ()

    @property
    def claims_something(self) -> bool:
        return bool(self.rests_on)

    def __str__(self) -> str:
        return self.text


def enough(n: int) -> bool:
    return n >= MIN_CASES


def not_enough(n: int, what: str, many: str | None = None, need: int = MIN_CASES) -> Claim:
    return Claim(f"Not enough data yet: {plural(n, what, many)} so far; a finding needs at least {need}.")


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


def share_text(successes: int, n: int) -> str:
    """ "4 of 10 (40%, 95% interval 17–69%)"; under MIN_CASES only the counts and "too few to tell"."""
    if n < MIN_CASES:
        return f"{successes} of {n} ({TOO_FEW})"
    low, high = wilson_interval(successes, n)
    return f"{successes} of {n} ({successes / n:.0%}, 95% interval {low:.0%}–{high:.0%})"


def averages_differ(mean_a: float, sd_a: float, n_a: int, mean_b: float, sd_b: float, n_b: int) -> bool:
    """Whether two groups' average ratings differ by more than chance easily gives: the gap is
    beyond the 95% margin of the difference (Welch's standard error; a spread of NaN, one rating,
    counts as none). Below it, 3.9 against 3.8 is "about the same", never a finding."""
    spread = (np.nan_to_num(sd_a) ** 2) / n_a + (np.nan_to_num(sd_b) ** 2) / n_b
    return bool(abs(mean_a - mean_b) > Z_95 * np.sqrt(spread))


# --- correlation -------------------------------------------------------------------------------


def spearman(x, y) -> float:
    """Spearman's rank correlation: Pearson's on average ranks (no scipy needed). NaN if flat."""
    rx, ry = pd.Series(np.asarray(x, dtype=float)).rank(), pd.Series(np.asarray(y, dtype=float)).rank()
    if len(rx) < 2 or rx.std() == 0 or ry.std() == 0:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


@dataclass(frozen=True)
class Correlation:
    rho: float
    low: float
    high: float
    n: int

    @property
    def defined(self) -> bool:
        return self.n >= MIN_CORRELATION and not np.isnan(self.rho)

    @property
    def is_link(self) -> bool:
        """Said as a link only when the whole 95% interval is on one side of zero."""
        return self.defined and not np.isnan(self.low) and (self.low > 0 or self.high < 0)


def correlation(x, y, samples: int = BOOTSTRAP_SAMPLES, seed: int = SEED) -> Correlation:
    """Spearman's rho with a 95% percentile bootstrap interval (resampling pairs, fixed seed)."""
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(xs)
    rho = spearman(xs, ys) if n >= MIN_CORRELATION else float("nan")
    if np.isnan(rho):
        return Correlation(rho, float("nan"), float("nan"), n)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, n, size=(samples, n))
    rx = pd.DataFrame(xs[picks]).rank(axis=1).to_numpy()
    ry = pd.DataFrame(ys[picks]).rank(axis=1).to_numpy()
    rx -= rx.mean(axis=1, keepdims=True)
    ry -= ry.mean(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        rhos = (rx * ry).sum(axis=1) / np.sqrt((rx**2).sum(axis=1) * (ry**2).sum(axis=1))
    rhos = rhos[~np.isnan(rhos)]  # a resample with no spread says nothing
    if len(rhos) < samples // 2:
        return Correlation(rho, float("nan"), float("nan"), n)
    low, high = np.quantile(rhos, [0.025, 0.975])
    return Correlation(rho, float(low), float(high), n)


def strength(rho: float) -> str:
    size = abs(rho)
    return "weak" if size < 0.3 else "moderate" if size < 0.5 else "strong"


def correlation_claim(label: str, c: Correlation, outcome: str = "how far you got") -> Claim:
    """A rank correlation said in plain, non-causal words, with its interval and n."""
    if c.n < MIN_CORRELATION:
        return Claim(  # in plain words: "2 of 10 needed for a rank correlation" was jargon
            f"{label} — not enough data yet: {c.n} so far, and {MIN_CORRELATION} are needed to see "
            f"any link with {outcome}."
        )
    if np.isnan(c.rho):
        return Claim(
            f"{label} — no correlation to state (every answer or every stage was the same; n = {c.n})."
        )
    numbers = f"rank correlation {c.rho:+.2f}"
    if not np.isnan(c.low):
        numbers += f", 95% interval {c.low:+.2f} to {c.high:+.2f}"
    numbers += f", n = {c.n}"
    if not c.is_link:
        return Claim(f"{label} — no clear link with {outcome} yet ({numbers}).", (c.n,))
    direction = (
        "a higher rating tends to go with getting further"
        if c.rho > 0
        else ("a higher rating tends to go with stopping earlier")
    )
    return Claim(
        f"{label} — {direction}: a {strength(c.rho)} link ({numbers}). A pattern, not a cause.", (c.n,)
    )
