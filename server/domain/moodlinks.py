"""Mood links (RULES.md "Mood links"): is the mood different on days a habit was done? Welch's
t-test, two-sided, small and exact enough to write here (Student's t from the regularised
incomplete beta function), so no statistics library is needed."""
from __future__ import annotations

import math
from statistics import fmean, variance

from .wording import SOURCE

MIN_DAYS = 7
ALPHA = 0.05


def welch_p_value(a: list[float], b: list[float]) -> float:
    """Two-sided p-value of Welch's t-test for a difference between the means of a and b."""
    mean_a, mean_b = fmean(a), fmean(b)
    var_a, var_b = variance(a) / len(a), variance(b) / len(b)
    if var_a + var_b == 0:  # every mood equal within each group
        return 1.0 if mean_a == mean_b else 0.0
    t = (mean_a - mean_b) / math.sqrt(var_a + var_b)
    df = (var_a + var_b) ** 2 / (var_a ** 2 / (len(a) - 1) + var_b ** 2 / (len(b) - 1))
    return incomplete_beta(df / 2, 0.5, df / (df + t * t))


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b), by its continued fraction."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return front * _fraction(a, b, x) / a
    return 1 - front * _fraction(b, a, 1 - x) / b


def _fraction(a: float, b: float, x: float) -> float:
    """Lentz's evaluation of the continued fraction of the incomplete beta function."""
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 300):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= c * d
        if abs(c * d - 1) < 1e-12:
            break
    return result


def mood_link(done: list[int], not_done: list[int]) -> dict | None:
    """The link between a habit and mood, or None with fewer than 7 days in a group or p >= 0.05."""
    if len(done) < MIN_DAYS or len(not_done) < MIN_DAYS:
        return None
    p = welch_p_value([float(m) for m in done], [float(m) for m in not_done])
    if p >= ALPHA:
        return None
    return {"mood_done": round(fmean(done), 1), "mood_not_done": round(fmean(not_done), 1),
            "days_done": len(done), "days_not_done": len(not_done), "p_value": float(f"{p:.3g}")}


def link_text(name: str, quit: bool, link: dict, words=SOURCE) -> str:
    """Plain, careful words: a link, not proof of cause (in `words`, server/domain/wording.py)."""
    days = link["days_done"] + link["days_not_done"]
    done, not_done = words.decimal(link["mood_done"]), words.decimal(link["mood_not_done"])
    if quit:
        return words.ngettext(
            "On days you kept clear of {habit}, your mood averaged {done}; on days you didn't, "
            "{not_done} (over {n} day). A link, not proof of cause.",
            "On days you kept clear of {habit}, your mood averaged {done}; on days you didn't, "
            "{not_done} (over {n} days). A link, not proof of cause.",
            days, habit=name, done=done, not_done=not_done)
    return words.ngettext(
        "On days you did {habit}, your mood averaged {done}; on days you didn't, {not_done} "
        "(over {n} day). A link, not proof of cause.",
        "On days you did {habit}, your mood averaged {done}; on days you didn't, {not_done} "
        "(over {n} days). A link, not proof of cause.",
        days, habit=name, done=done, not_done=not_done)
