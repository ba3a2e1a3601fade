"""Starter templates: identities and small habits that prove them, for a first habit in a few taps."""

IDENTITIES = [
    {"key": "mover", "statement": "I am someone who moves my body", "color": "#10b981"},
    {"key": "maker", "statement": "I make art again", "color": "#f59e0b"},
    {"key": "healer", "statement": "I look after my mind", "color": "#8b5cf6"},
    {"key": "steady", "statement": "I stay steady when things get tense", "color": "#0ea5e9"},
    {"key": "learner", "statement": "I keep learning and trying new things", "color": "#ef4444"},
]


def habit(key, identity, name, description, plan, kind="build", measure="check", unit="",
          target=None, schedule=None, appointment=False):
    """A template; `plan` is its example if-then plan, (cue, action): "When <cue>, I will
    <action>"."""
    return {"key": key, "identity_key": identity, "name": name, "description": description,
            "kind": kind, "measure": measure, "unit": unit, "target": target,
            "schedule": schedule or {"type": "daily"}, "plan_cue": plan[0],
            "plan_action": plan[1], "appointment": appointment}


HABITS = [
    habit("walk", "mover", "Walk outside", "Fresh air clears my head.",
          ("I get home", "walk 20 minutes"), measure="minutes", target=20),
    habit("strength", "mover", "Strength training", "Strong body, steady mind.",
          ("I get home on a training day", "change and start my routine"),
          schedule={"type": "per_week", "times": 3}),
    habit("stretch", "mover", "Stretch", "Five minutes that make the day softer.",
          ("I get out of bed", "stretch for five minutes")),
    habit("paint", "maker", "Paint", "Making things is who I am.",
          ("I have cleared the dinner table", "set out my paints for 20 minutes"),
          measure="minutes", target=20, schedule={"type": "weekdays", "days": [0, 2, 4]}),
    habit("write", "maker", "Write", "A few lines a day add up.",
          ("I pour my first coffee", "write one page"), measure="count", unit="pages",
          target=1),
    habit("therapy", "healer", "Therapy session", "Showing up for the work.",
          ("it is the day of my session", "leave early enough to arrive calm"),
          schedule={"type": "per_week", "times": 1}, appointment=True),
    habit("journal", "healer", "Journal", "Name what I feel before it names me.",
          ("I get into bed", "write three lines about the day")),
    habit("meditate", "healer", "Meditate", "Ten calm minutes.",
          ("I have brushed my teeth in the morning", "sit for ten minutes"),
          measure="minutes", target=10),
    habit("pause", "steady", "No reactive messages", "I pause before I reply.",
          ("a message makes my chest tight", "put the phone down and wait ten minutes"),
          kind="quit"),
    habit("breathe", "steady", "Breathe before replying", "Three breaths, then words.",
          ("I open a message that upsets me", "take three slow breaths first")),
    habit("screens", "steady", "Late-night scrolling", "Phone down after ten.",
          ("it is ten in the evening", "put my phone on the charger in the hall"),
          kind="quit", measure="minutes", target=15),
    habit("read", "learner", "Read", "A few pages a day.",
          ("I get on the train", "read ten pages"), measure="count", unit="pages", target=10),
    habit("language", "learner", "Practise a language", "Small steps, every other day.",
          ("I make lunch", "do one lesson while it cooks"), measure="minutes", target=15,
          schedule={"type": "every_n_days", "n": 2}),
    habit("new", "learner", "Try something new", "A new place, a new dish, a new person.",
          ("the first weekend of the month comes", "pick one new thing to try"),
          schedule={"type": "per_month", "times": 2}),
]


def templates():
    """The starter gallery (GET /templates), each habit with its identity's statement and colour."""
    by_key = {i["key"]: i for i in IDENTITIES}
    return {"identities": IDENTITIES,
            "habits": [dict(h, identity_statement=by_key[h["identity_key"]]["statement"],
                            color=by_key[h["identity_key"]]["color"]) for h in HABITS]}
