"""The WHO-5 Well-Being Index (issue 25): its five items, the score, the published cut-offs and
when the next check is due. Sources, cited in the app: WHO Regional Office for Europe, "Wellbeing
Measures in Primary Health Care / The Depcare Project" (1998); Topp, Østergaard, Søndergaard &
Bech, "The WHO-5 Well-Being Index: a systematic review of the literature", Psychother Psychosom
2015;84:167-176. Orbit reports the score and what the instrument's authors say it suggests; it
never diagnoses."""
from dataclasses import dataclass
from datetime import date, timedelta

# The official English wording, after "Over the last two weeks:", in the instrument's order.
ITEMS = (("cheerful", "I have felt cheerful and in good spirits"),
         ("calm", "I have felt calm and relaxed"),
         ("active", "I have felt active and vigorous"),
         ("rested", "I woke up feeling fresh and rested"),
         ("interested", "My daily life has been filled with things that interest me"))
KEYS = tuple(key for key, _ in ITEMS)
# The answers, 5 down to 0, as the instrument words them.
SCALE = ((5, "All of the time"), (4, "Most of the time"), (3, "More than half of the time"),
         (2, "Less than half of the time"), (1, "Some of the time"), (0, "At no time"))
HIGHEST = 5

POOR_AT_MOST = 50  # raw below 13: poor wellbeing, the usual cut-off for further assessment
DEPRESSION_AT_MOST = 28  # raw 7 or below: likely depression (Topp et al. 2015)
MEANINGFUL_CHANGE = 10  # points of the 0-100 score
EVERY = timedelta(days=14)  # the instrument asks about the last two weeks
SET_ASIDE_FOR = timedelta(days=7)  # an invitation set aside comes back a week later at most
BANDS = ("good", "poor", "low")


@dataclass(frozen=True)
class Trend:
    change: int | None  # points since the check before; None for the first
    direction: str  # "first", "up", "down" or "steady" (a change under 10 points)


def raw_score(answers) -> int:
    """The sum of the five answers, 0 to 25."""
    values = list(answers)
    if len(values) != len(ITEMS) or any(not 0 <= v <= HIGHEST for v in values):
        raise ValueError("five answers from 0 to 5")
    return sum(values)


def score(answers) -> int:
    """The percentage score, 0 to 100: the raw score times four."""
    return raw_score(answers) * 4


def band(percentage: int) -> str:
    """What the score suggests: "low" (28 or below, likely depression), "poor" (50 or below, the
    screening cut-off for further assessment) or "good"."""
    if percentage <= DEPRESSION_AT_MOST:
        return "low"
    if percentage <= POOR_AT_MOST:
        return "poor"
    return "good"


def is_low(percentage: int) -> bool:
    """At or under the screening cut-off: the app offers the user's own support contacts."""
    return percentage <= POOR_AT_MOST


def trend(previous: int | None, latest: int) -> Trend:
    """The change from the check before; 10 points or more is a meaningful change."""
    if previous is None:
        return Trend(None, "first")
    change = latest - previous
    if abs(change) < MEANINGFUL_CHANGE:
        return Trend(change, "steady")
    return Trend(change, "up" if change > 0 else "down")


def next_due(last: date | None, today: date) -> date:
    """The day the next check is due: two weeks after the last, or today when there is none."""
    return today if last is None else last + EVERY


def is_due(enabled: bool, last: date | None, today: date) -> bool:
    """Due when the user chose the check and the last is 14 or more days old, or there is none."""
    return enabled and (last is None or today - last >= EVERY)


def invite(enabled: bool, last: date | None, set_aside: date | None, today: date) -> bool:
    """Today invites while the check is due, unless the invitation was set aside this week."""
    return is_due(enabled, last, today) and (set_aside is None or today - set_aside >= SET_ASIDE_FOR)
