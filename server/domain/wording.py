"""The words the domain writes (a summary's highlights and next small steps, mood links, the
week's question) in the reader's language. A caller passes `words`, a server/i18n.py Words
(gettext/_, ngettext, pgettext, number, decimal); without one, SOURCE writes the English source.
The domain imports no translation library: the msgids stay literal in its calls, so that
`make i18n` (babel.cfg: _, ngettext, pgettext) extracts them from here, one source for the API,
the app and the emails."""
from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{(\w+)\}")


class SourceWords:
    """The English source, filled in as server/i18n.py's Words("en") fills it."""

    tag = "en"

    def number(self, value) -> str:
        """"1,234", "2.5" (at most three decimals, as Babel's English)."""
        if isinstance(value, float) and not value.is_integer():
            return f"{value:,.3f}".rstrip("0").rstrip(".")
        return f"{int(value):,}"

    def decimal(self, value, digits=1) -> str:
        """A number with exactly `digits` decimals: "4.0"."""
        return f"{value:,.{digits}f}"

    def _fill(self, text, params):
        shown = {key: self.number(value) if isinstance(value, (int, float))
                 and not isinstance(value, bool) else value for key, value in params.items()}
        return PLACEHOLDER.sub(lambda m: str(shown[m.group(1)]) if m.group(1) in shown
                               else m.group(0), text)

    def gettext(self, msgid, **params) -> str:
        """msgid, its placeholders filled."""
        return self._fill(msgid, params)

    _ = gettext

    def pgettext(self, context, msgid, **params) -> str:
        """msgid in a context: the source ignores the context."""
        return self._fill(msgid, params)

    def ngettext(self, singular, plural, n, **params) -> str:
        """English's two forms; {n} is available."""
        return self._fill(singular if n == 1 else plural, {"n": n, **params})


SOURCE = SourceWords()


def listed(names: list[str], words=SOURCE) -> str:
    """Names joined as the language lists them ("a, b and c"), web/format.js's listed()."""
    if len(names) < 2:
        return names[0] if names else ""
    return words._("{first} and {last}", first=words.pgettext("between items of a list", ", ")
                   .join(names[:-1]), last=names[-1])


def streak_length(length: int, unit: str, words=SOURCE) -> str:
    """"5 days", "1 week": a streak's length in its unit."""
    if unit == "weeks":
        return words.ngettext("{n} week", "{n} weeks", length)
    if unit == "months":
        return words.ngettext("{n} month", "{n} months", length)
    return words.ngettext("{n} day", "{n} days", length)
