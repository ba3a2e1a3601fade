"""Pseudo-locales, generated from the .pot (never written by hand): every msgid made visibly
"translated" so that a test can tell the catalogue's words from anything else on a screen.

en-XA: accented and about 40% longer, inside ⟦…⟧ (a layout must survive German's long words).
ar-XB: right-to-left (Arabic's plural rules and direction), the words inside ⟦…⟧ and a
right-to-left override, so that a screen not built for right-to-left shows it. Placeholders
("{name}") are kept as they are: the code fills them."""
import math
import re

from babel.messages.catalog import Catalog

OPEN, CLOSE = "⟦", "⟧"
ACCENTS = str.maketrans("aAcCeEgGiIlLnNoOrRsStTuUyYzZ", "áÅçÇéÉĝĜîÎļĻñÑöÖŕŔšŠţŢûÛýÝžŽ")
PIECES = re.compile(r"(\{\w+\})")
RLO, PDF = "\u202e", "\u202c"


def accented(text):
    """Letters accented, placeholders untouched, padded to about 140% of the length."""
    body = "".join(piece if PIECES.fullmatch(piece) else piece.translate(ACCENTS)
                   for piece in PIECES.split(text))
    return f"{OPEN}{body}{'·' * math.ceil(len(text) * 0.4)}{CLOSE}"


def mirrored(text):
    """The words shown right to left, marked."""
    return f"{OPEN}{RLO}{text}{PDF}{CLOSE}"


def pseudo_catalog(pot, tag, base):
    """A catalogue of tag with every message of pot "translated" (base: the locale of its rules)."""
    make = accented if tag == "en-XA" else mirrored
    catalog = Catalog(locale=base, domain="messages")
    for message in pot:
        if not message.id:
            continue
        if message.pluralizable:
            singular, plural = message.id
            # Form 1 is "one" in both bases' Plural-Forms (Arabic: n == 1; English: n != 1 is 1).
            one = 0 if base == "en" else 1
            string = tuple(make(singular if i == one else plural) for i in range(catalog.num_plurals))
        else:
            string = make(message.id)
        catalog.add(message.id, string, context=message.context)
    return catalog
