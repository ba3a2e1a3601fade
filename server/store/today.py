"""Today as the screen draws it: each habit's day judged on the server (state, the rule in force,
its period's progress, streak, pause), the strip of days and the mood. A write answers with the
items it changed, in the same shape (today_items)."""
from .. import domain
from ..domain.plans import today_plan
from ..domain.taps import tap_of
from ..models import Checkin, Reflection
from . import chapters, pauses
from . import wellbeing
from .lapses import lapse_item, look_back_from, slip_item
from .checkins import with_done
from .common import local_today
from .habits import habits_of
from .stats import recent_state


def today(user, day):
    """GET /today: every non-archived habit that exists on `day`, with its state that day; the
    habits that start later (logging one there moves its start back); the strip; the mood."""
    habits = habits_of(user, "false")
    real_today = local_today(user)
    items = items_of(user, [h for h in habits if h.start_date <= day], day, real_today)
    return {"date": day, "habits": items, "left": sum(item["left"] for item in items),
            "later": [later_item(h) for h in habits if h.start_date > day],
            "strip": domain.day_strip(day, real_today),
            "reflection": Reflection.get_or_none(Reflection.user == user, Reflection.day == day),
            # a fresh start at a landmark the user chose, offered on their today only
            "fresh_start": chapters.offer(user, real_today) if day == real_today else None,
            "wellbeing_invite": day == real_today and wellbeing.invitation(user, real_today)}


def today_items(user, day, habit_ids):
    """The Today items of these habits on `day`, as GET /today shows them (a habit archived or
    starting after the day has the item of "Before their start date" or none)."""
    wanted = set(habit_ids)
    habits = [h for h in habits_of(user, "all") if h.id in wanted]
    items = items_of(user, [h for h in habits if h.start_date <= day], day, local_today(user))
    return items + [later_item(h) for h in habits if h.start_date > day]


def items_of(user, habits, day, real_today):
    """One item per habit (each starting on or before `day`)."""
    # For a past day, the rest of its week (or month) counts towards `due` too.
    specs, found, recent = recent_state(user, habits, day, also_from=look_back_from(day),
                                        end=real_today)
    checkins = {c.habit_id: c for c in Checkin.select().where(
        Checkin.user == user, Checkin.day == day, Checkin.habit.in_([h.id for h in habits]))}
    resting = pauses.pauses_on(user, day)
    items = []
    for habit in habits:
        spec, entries = specs[habit.id], recent[habit.id]
        state = domain.resume(spec, found[habit.id], entries, day)
        due = state.due if day == real_today else domain.is_due(spec, entries, day, real_today)
        checkin = checkins.get(habit.id)
        pause = pauses.covering(resting, habit.id, day)
        period = domain.period_progress(spec, entries, day, real_today)
        rule = domain.rule_on(spec, day)
        # Still to do: a build habit due and not done, neither skipped nor resting (the app's
        # badge counts these; a quit habit has nothing left to do, only a slip to avoid).
        left = (habit.kind == "build" and due and not state.done and pause is None
                and (checkin is None or checkin.status != "skipped"))
        items.append({"habit": habit, "due": due, "done": state.done, "left": left,
                      "before_start": False,
                      "rule": {"target": rule.target, "schedule": rule.schedule.to_dict()},
                      "period": {"start": period.start, "end": period.end,
                                 "times": domain.times_required(  # by the rule of its first day
                                     spec, domain.rule_on(spec, period.start), period.start),
                                 "required": period.required, "done": period.done_days,
                                 "unit": period.unit, "state": period.state},
                      "paused": pause is not None, "pause": pause,
                      "plan": today_plan(habit.plan_cue, habit.plan_action, habit.kind,
                                         state.done, pause is not None and checkin is None),
                      "checkin": with_done(habit, checkin) if checkin else None,
                      "streak": {"current": state.current_streak.length,
                                 "unit": state.current_streak.unit},
                      "strength": state.strength,
                      "lapse": None if pause is not None else lapse_item(
                          habit, spec, found[habit.id], entries, day),
                      "slip": slip_item(habit, spec, found[habit.id], entries, day,
                                        checkin is not None and not state.done),
                      "tap": tap_of(habit.kind, habit.measure, rule.target,
                                    checkin and (checkin.status, checkin.value), state.done)})
    return items


def later_item(habit):
    """A habit on a day before its start date: nothing is judged yet."""
    rule = habit.rules[0]
    return {"habit": habit, "due": False, "done": False, "left": False, "before_start": True,
            "rule": {"target": rule.target, "schedule": rule.schedule},
            "period": None, "paused": False, "pause": None, "plan": None, "checkin": None,
            "streak": {"current": 0, "unit": "days"}, "strength": 0.0, "lapse": None,
            "slip": None, "tap": tap_of(habit.kind, habit.measure, rule.target, None, False,
                                        before_start=True)}


def items_by_day(user, pairs):
    """{(habit_id, day): Today item} of (habit id, day) pairs, one reading of each day."""
    days = {}
    for habit_id, day in pairs:
        days.setdefault(day, set()).add(habit_id)
    found = {}
    for day, habit_ids in days.items():
        for item in today_items(user, day, habit_ids):
            found[(item["habit"].id, day)] = item
    return found
