"""Properties of never miss twice (issue 24) over random habits and histories: strength is never
touched by the option, the default rule is the streak rule as it always was, the option only ever
joins streaks (every met period counted once, either way), paused days still behave exactly as
skipped ones, and checkpoints resume to what the whole history says."""
import dataclasses
import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.domain import (Checkpoint, calendar, make_checkpoint, resume, strength_series,
                           streaks, today_state)
from server.domain.ledger import Ledger
from server.domain.periods import MET, MISSED, judged_periods
from server.domain.streaks import Streak

from .strategies import histories
from .test_pauses import assert_like_skipped, paused, pauses

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def with_option(h, on):
    return dataclasses.replace(h, never_miss_twice=on)


def reference_streaks(h, entries, today):
    """RULES.md's streak rule written out again, plainly: runs of met periods of one unit,
    neutral and open ones bridging, a miss ending them; newest first, the end never past today."""
    periods = judged_periods(h, Ledger(h, entries, today), h.start_date, today, today)
    runs, run, unit = [], [], None
    for period in periods:
        if period.unit != unit or period.state == MISSED:
            if run:
                runs.append((run, unit))
            run = []
        unit = period.unit
        if period.state == MET:
            run.append(period)
    if run:
        runs.append((run, unit))
    return [Streak(len(r), u, r[0].start, min(r[-1].end, today)) for r, u in runs][::-1]


@FAST
@given(histories())
def test_strength_is_the_same_with_and_without_the_option(history):
    h, entries, today = history
    assert (strength_series(with_option(h, True), entries, h.start_date, today)
            == strength_series(with_option(h, False), entries, h.start_date, today))


@FAST
@given(histories())
def test_the_default_rule_is_the_streak_rule_as_it_was(history):
    h, entries, today = history
    assert streaks(with_option(h, False), entries, today) == reference_streaks(h, entries, today)


@FAST
@given(histories())
def test_the_option_only_joins_streaks(history):
    h, entries, today = history
    on, off = (streaks(with_option(h, flag), entries, today) for flag in (True, False))
    assert sum(s.length for s in on) == sum(s.length for s in off)  # each met period once
    assert len(on) <= len(off)
    for streak in off:  # every default streak lies within one of the option's
        assert any(o.unit == streak.unit and o.start <= streak.start and streak.end <= o.end
                   for o in on)
    if h.kind == "quit":
        assert on == off


@FAST
@given(histories())
def test_the_calendar_differs_only_by_bridged_days_that_were_missed(history):
    h, entries, today = history
    on, off = (calendar(with_option(h, flag), entries, h.start_date, today, today)
               for flag in (True, False))
    for mine, theirs in zip(on, off, strict=True):
        assert mine.state == theirs.state or (mine.state, theirs.state) == ("bridged", "missed")


@FAST
@given(histories())
def test_a_checkpoint_resumes_to_what_the_whole_history_says(history):
    h, entries, today = history
    h = with_option(h, True)
    for back in (1, 4, 9):
        through = today - timedelta(days=back)
        checkpoint = make_checkpoint(h, entries, through)
        if today <= checkpoint.as_of:
            continue
        since = [e for e in entries if e.day >= checkpoint.entries_from]
        assert resume(h, checkpoint, since, today) == today_state(h, entries, today)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(histories(), st.data())
def test_paused_days_still_behave_exactly_like_skipped_days(history, data):
    h, entries, today = history
    h = with_option(paused(h, data.draw(pauses(h.start_date))), True)
    assert_like_skipped(h, entries, today)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(histories(), st.data())
def test_a_checkpoint_anywhere_back_resumes_exactly_with_pauses(history, data):
    h, entries, today = history
    h = with_option(paused(h, data.draw(pauses(h.start_date))), True)
    through = today - timedelta(days=data.draw(st.integers(1, 60)))
    checkpoint = Checkpoint.from_dict(json.loads(json.dumps(
        make_checkpoint(h, entries, through).to_dict())))
    since = [e for e in entries if e.day >= checkpoint.entries_from]
    assert resume(h, checkpoint, since, today) == today_state(h, entries, today)
