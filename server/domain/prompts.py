"""The weekly reflection prompts: one short question a week about the evidence and the next
step, never open venting (expressive writing slowed recovery after a separation for some people:
Sbarra et al. 2013). The words live here, in one place, for a later translation layer."""
from __future__ import annotations

from datetime import date

PROMPTS = (
    ("becoming", "What did you do this week that the person you are becoming would do?"),
    ("evidence", "Which piece of this week's evidence are you glad to have?"),
    ("easier", "What made a habit easier this week, and how could you keep that?"),
    ("next_step", "What is one small step you will take next week?"),
    ("steady", "When did you stay steady this week, and what helped?"),
)
QUESTIONS = dict(PROMPTS)


def prompt_for_week(week_start: date) -> tuple[str, str]:
    """(key, question) of the week that begins on `week_start`: the prompts in turn, week by
    week (consecutive weeks get consecutive prompts, whatever day weeks start on)."""
    return PROMPTS[(week_start.toordinal() // 7) % len(PROMPTS)]
