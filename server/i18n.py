"""Orbit's languages: the gettext catalogues of translations/ (read by Babel once per process), the
words the server sends in a user's language, and the same catalogue as JSON for the browser.

One lookup serves both sides: a plural is chosen by the locale's CLDR category (Babel's
Locale.plural_form here, Intl.PluralRules in the browser), mapped onto the catalogue's gettext
forms by evaluating its Plural-Forms on sample numbers. A form left empty (French "many", the form
of a million, is often left to fall back) is the "other" form; an untranslated message is the
English source. Placeholders are "{name}", as in web/i18n.js."""
import gettext
import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.dates import format_date as babel_format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from .config import ROOT

TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
SOURCE = "en"
# Generated from the .pot at start (server/i18n_pseudo.py), for the tests: never offered.
PSEUDO = {"en-XA": "en", "ar-XB": "ar"}
# Integers that reach every CLDR category of the shipped languages, a million ("many") included.
SAMPLES = [*range(0, 201), 1000, 10000, 100000, 1000000, 2000000, 1000001]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def shipped():
    """The tags of the shipped languages ("en", "de", "pt-BR"): English and every catalogue."""
    tags = [path.parent.parent.name.replace("_", "-") for path in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")]
    return (SOURCE, *sorted(tag for tag in tags if tag not in PSEUDO))  # read once: the files ship


def available():
    """Every tag the server can serve: the shipped ones and the pseudo-locales."""
    return [*shipped(), *PSEUDO]


def known(tag):
    """The tag as the server spells it, or None when Orbit has no such language."""
    return next((name for name in available() if tag and name.lower() == tag.lower()), None)


def negotiate(accept_languages):
    """The shipped tag closest to an Accept-Language list, best first ("de-AT" is "de")."""
    wanted = [str(tag) for tag in accept_languages]
    chosen = negotiate_locale(wanted, shipped(), sep="-")
    if chosen:
        return known(chosen)
    for tag in wanted:  # a region Orbit has not: the language's own ("pt-PT" reads "pt-BR")
        near = next((name for name in shipped() if name.split("-")[0].lower() == tag.split("-")[0].lower()), None)
        if near:
            return near
    return SOURCE


def intl_locale(tag):
    """The Babel locale whose rules (plurals, dates, numbers) a tag uses."""
    try:
        return Locale.parse(PSEUDO.get(tag, tag), sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE)


def read_catalog(tag):
    """The Babel catalogue of a tag: the .pot for English, generated for a pseudo-locale."""
    if tag in PSEUDO:
        from .i18n_pseudo import pseudo_catalog
        return pseudo_catalog(read_catalog(SOURCE), tag, PSEUDO[tag])
    path = POT if tag == SOURCE else TRANSLATIONS / tag.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=None if tag == SOURCE else tag.replace("-", "_"))


def plural_map(catalog, cldr):
    """{CLDR category: index of the gettext form} by the catalogue's own Plural-Forms."""
    form_of = gettext.c2py(catalog.plural_expr)
    mapping = {}
    for n in SAMPLES:
        mapping.setdefault(cldr.plural_form(n), form_of(n))
    mapping.setdefault("other", catalog.num_plurals - 1)
    return mapping


@lru_cache(maxsize=None)
def compiled(tag):
    """The catalogue of a tag as the browser loads it (server/i18n_web.py) and the server reads
    it: {locale, intl, direction, pseudo, plural, messages}, built once per process."""
    catalog = read_catalog(tag)
    cldr = intl_locale(tag)
    plural = plural_map(catalog, cldr) if tag != SOURCE else {"one": 0, "other": 1}
    messages = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id[0] if message.pluralizable else message.id
        if message.context:
            key = f"{message.context}\u0004{key}"
        if message.pluralizable:
            forms = list(message.string)
            fallback = forms[plural["other"]] if plural["other"] < len(forms) else ""
            if fallback:
                messages[key] = [form or fallback for form in forms]
        elif message.string:
            messages[key] = message.string
    return {"locale": tag, "intl": str(cldr).replace("_", "-"), "direction": cldr.text_direction,
            "pseudo": tag in PSEUDO, "plural": plural, "messages": messages}


def fill(text, params):
    """{name} placeholders replaced; numbers as the locale writes them (by the caller)."""
    return PLACEHOLDER.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), text)


class Words:
    """The server's words in one language: gettext, ngettext and pgettext with {name} params,
    dates and numbers by Babel. Babel's extractor (babel.cfg) finds the calls by these names."""

    def __init__(self, tag=SOURCE):
        self.tag = known(tag) or SOURCE
        self.catalogue = compiled(self.tag)
        self.locale = intl_locale(self.tag)

    def _params(self, params):
        return {key: self.number(value) if isinstance(value, (int, float)) and not isinstance(value, bool)
                else value for key, value in params.items()}

    def gettext(self, msgid, **params):
        """The translation of msgid, its placeholders filled."""
        return fill(self.catalogue["messages"].get(msgid) or msgid, self._params(params))

    _ = gettext

    def pgettext(self, context, msgid, **params):
        """msgid in a context (msgctxt)."""
        found = self.catalogue["messages"].get(f"{context}\u0004{msgid}")
        return fill(found or msgid, self._params(params))

    def ngettext(self, singular, plural, n, **params):
        """The plural form for n by the locale's CLDR category; {n} is available."""
        forms = self.catalogue["messages"].get(singular)
        if isinstance(forms, list):
            mapping = self.catalogue["plural"]
            text = forms[mapping.get(self.locale.plural_form(n), mapping["other"])]
        else:
            text = singular if Locale.parse(SOURCE).plural_form(n) == "one" else plural
        return fill(text, self._params({"n": n, **params}))

    def date(self, day, format="medium"):
        """A date as the locale writes it ("7. Dezember 2026")."""
        return babel_format_date(day, format=format, locale=self.locale)

    def number(self, value):
        """A number as the locale writes it ("1.234,5")."""
        return format_decimal(value, locale=self.locale)

    def decimal(self, value, digits=1):
        """A number with exactly `digits` decimals, as the locale writes it ("4,0")."""
        return format_decimal(value, format="#,##0." + "0" * digits, locale=self.locale)


@lru_cache(maxsize=None)
def words_in(tag):
    """The Words of a tag, made once per process."""
    return Words(tag)


def words_for(user=None, tag=None):
    """The words for what the server sends a user: their chosen language, else the one their
    browser last asked for, else English (tag: a request's, for someone not signed in)."""
    chosen = getattr(user, "locale", None) or getattr(user, "browser_locale", None) or tag
    return words_in(known(chosen) or SOURCE)


def reader_words(user, accept_languages=()):
    """The words of an API answer the app shows: the account's chosen language, else the one this
    request's browser asks for (as web/i18n.js negotiates it, a pseudo-locale named exactly
    included, so that the app and its server sentences agree), else the last one noted, else
    English."""
    if getattr(user, "locale", None) and known(user.locale):
        return words_in(known(user.locale))
    wanted = [str(tag) for tag in accept_languages]
    for tag in wanted:
        if known(tag) in PSEUDO:
            return words_in(known(tag))
        languages = {name.split("-")[0].lower() for name in shipped()}
        if known(tag) or tag.split("-")[0].lower() in languages:
            return words_in(negotiate([tag]))
    return words_for(user)
