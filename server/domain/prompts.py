"""The weekly reflection prompts: one short question a week about the evidence and the next
step, never open venting (expressive writing slowed recovery after a separation for some people:
Sbarra et al. 2013). The words live here, in one place, in English: a week keeps the question as
the source wrote it, and the reader sees it in their language (question_in)."""
from __future__ import annotations

from datetime import date

from .wording import SOURCE


def _(msgid: str) -> str:
    """Marks a msgid for `make i18n` (babel.cfg's `_`); translated when shown, in question_in."""
    return msgid


PROMPTS = (
    ("becoming", _("What did you do this week that the person you are becoming would do?")),
    ("evidence", _("Which piece of this week's evidence are you glad to have?")),
    ("easier", _("What made a habit easier this week, and how could you keep that?")),
    ("next_step", _("What is one small step you will take next week?")),
    ("steady", _("When did you stay steady this week, and what helped?")),
)
QUESTIONS = dict(PROMPTS)


def question_in(key: str, question: str, words=SOURCE) -> str:
    """A week's question in the reader's words: the source's own question translated; one Orbit
    no longer asks (or asks otherwise now) as it was kept."""
    return words.gettext(question) if QUESTIONS.get(key) == question else question


def prompt_for_week(week_start: date) -> tuple[str, str]:
    """(key, question) of the week that begins on `week_start`: the prompts in turn, week by
    week (consecutive weeks get consecutive prompts, whatever day weeks start on)."""
    return PROMPTS[(week_start.toordinal() // 7) % len(PROMPTS)]
