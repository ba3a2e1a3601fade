"""If-then plans (issue 24; implementation intentions, Gollwitzer & Sheeran 2006): "When <cue>,
I will <action>", kept as the two halves a person wrote. Here: a plan as the API sends it, and
the one line a reminder says ("When I get home: walk 20 minutes")."""
from __future__ import annotations

import re

REMINDER_LINE = "When {cue}: {action}"
SENTENCE = "When {cue}, I will {action}"
# People often type the words the form already shows ("When I get home", "I will walk"): they
# are taken off so that the line does not say them twice.
LEADING_WHEN = re.compile(r"^\s*when\s+", re.IGNORECASE)
LEADING_WILL = re.compile(r"^\s*(i\s+will|i'll|i’ll)\s+", re.IGNORECASE)


def plan_of(cue: str, action: str) -> dict | None:
    """{"cue", "action"} of a habit with a plan, None without one (both halves are needed)."""
    cue, action = (cue or "").strip(), (action or "").strip()
    return {"cue": cue, "action": action} if cue and action else None


def reminder_line(cue: str, action: str, words: str = REMINDER_LINE) -> str | None:
    """The plan as a reminder's text, None without a plan (words: REMINDER_LINE translated)."""
    return _worded(words, cue, action)


def sentence(cue: str, action: str, words: str = SENTENCE) -> str | None:
    """The plan as one sentence ("When I get home, I will walk 20 minutes"), None without one
    (words: SENTENCE translated)."""
    return _worded(words, cue, action)


def _worded(words: str, cue: str, action: str) -> str | None:
    plan = plan_of(cue, action)
    if plan is None:
        return None
    cue = LEADING_WHEN.sub("", plan["cue"]).rstrip(" ,") or plan["cue"]
    action = LEADING_WILL.sub("", plan["action"]) or plan["action"]
    return words.format(cue=cue, action=action)


def today_plan(cue: str, action: str, kind: str, done: bool, resting: bool) -> dict | None:
    """The plan Today shows under a habit: until a build habit's day is done; all day for a quit
    habit (its plan is for the moment the urge comes, kept or not); never while a pause rests
    it."""
    if resting or (kind != "quit" and done):
        return None
    return plan_of(cue, action)
