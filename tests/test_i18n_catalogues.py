"""The catalogues (translations/): the .pot is exactly what the source says (extracted again here
by Babel, with babel.cfg), each shipped language has every key of it and none other, its
placeholders and plural forms match the source (Babel's own checkers, and one for "{name}"), and
German has every word the server sends. `make i18n` brings them up to date."""
import re
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from server import i18n

ROOT = i18n.ROOT
LANGUAGES = [tag for tag in i18n.shipped() if tag != i18n.SOURCE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def read(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def keys(catalog):
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def po_of(tag):
    return i18n.read_catalog(tag)


def problems(catalog, pot):
    """What is wrong with a language's catalogue against the .pot, in words."""
    found = [f"missing: {key}" for key in sorted(keys(pot) - keys(catalog), key=str)]
    found += [f"unused: {key}" for key in sorted(keys(catalog) - keys(pot), key=str)]
    found += [f"{message.id}: {error}" for message, errors in catalog.check() for error in errors]
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:  # a guess, never shown
            continue
        source = set(PLACEHOLDER.findall(" ".join(message.id if message.pluralizable else [message.id])))
        strings = message.string if message.pluralizable else (message.string,)
        if message.pluralizable and len(strings) != catalog.num_plurals:
            found.append(f"{message.id}: {len(strings)} forms, the language has {catalog.num_plurals}")
        for string in filter(None, strings):
            names = set(PLACEHOLDER.findall(string))
            # A plural form may leave out {n} ("eine Minute"), never add a name or lose another.
            if names - source or (source - {"n"}) - names or (not message.pluralizable and names != source):
                found.append(f"{message.id}: placeholders {sorted(names)}, the source has {sorted(source)}")
    return found


def test_the_pot_is_the_source(tmp_path):
    out = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "--omit-header", "-o", str(out), "."], cwd=ROOT, check=True, capture_output=True)
    extracted, pot = read(out), read(i18n.POT)
    assert keys(extracted) == keys(pot), "run `make i18n`"
    for message in extracted:  # the English plural too: it is the browser's fallback
        if message.id:
            assert pot.get(message.id, context=message.context).id == message.id


# A call of the app's t, tn or tc with a literal message: `t("…"`, `tn("…", "…"`, `tc("ctx", "…"`.
APP_CALL = re.compile(r'(?<![\w.$])(t|tn|tc)\(\s*"((?:[^"\\]|\\.)*)"(?:\s*,\s*"((?:[^"\\]|\\.)*)")?')


def test_every_call_in_the_app_is_extracted():
    """Babel's JavaScript extractor skips a call inside another call's arguments
    (`t("{a}", {a: tn(…)})`): such a message never reaches a catalogue and shows in English in
    every language. Each call written in web/ is one the .pot has."""
    pot = {message.id if isinstance(message.id, str) else message.id[0] for message in read(i18n.POT) if message.id}
    missed = []
    for path in sorted((ROOT / "web").rglob("*.js")):
        source = path.read_text()
        for call in APP_CALL.finditer(source):
            name, first, second = call.groups()
            msgid = second if name == "tc" else first
            if msgid is not None and msgid.replace('\\"', '"') not in pot:
                missed.append(f"{path.relative_to(ROOT)}:{source.count(chr(10), 0, call.start()) + 1}: {msgid}")
    assert missed == [], "compute these into a variable first"


@pytest.mark.parametrize("tag", LANGUAGES)
def test_each_catalogue_matches_the_pot(tag):
    assert problems(po_of(tag), read(i18n.POT)) == []


@pytest.mark.parametrize("tag", LANGUAGES)
def test_each_catalogue_has_its_languages_plural_forms(tag):
    catalog = po_of(tag)
    expected = get_plural(tag.replace("-", "_"))
    assert (catalog.num_plurals, catalog.plural_expr) == (expected.num_plurals, expected.plural_expr)


def test_the_check_catches_a_wrong_catalogue():
    pot = Catalog(locale="en")
    pot.add("Open Orbit: {url}")
    pot.add(("{n} day", "{n} days"))
    pot.add("Gone soon")
    bad = Catalog(locale="de")
    bad.add("Open Orbit: {url}", "Orbit öffnen: {link}")
    bad.add(("{n} day", "{n} days"), ("{n} Tag", "{n} Tage", "{n} Tagen"))
    bad.add("Not in the source", "Nicht in der Quelle")
    found = problems(bad, pot)
    assert "missing: (None, 'Gone soon')" in found
    assert "unused: (None, 'Not in the source')" in found
    assert any("placeholders ['link']" in line for line in found)
    assert any("3 forms, the language has 2" in line for line in found)


def test_german_has_every_word_the_server_sends():
    catalog = po_of("de")
    untranslated = [m.id for m in catalog if m.id and any(path.startswith("server/") for path, _ in m.locations)
                    and not all(m.string if m.pluralizable else [m.string])]
    assert untranslated == []
    assert any(path.startswith("server/notify/") for m in catalog for path, _ in m.locations)
