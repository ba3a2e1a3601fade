"""Orbit in the user's language (issue 26), server side: plurals by CLDR mapped onto each
catalogue's gettext forms, the catalogue the browser loads, the account's language (PATCH /me,
else the browser's), and what the server sends in German (an email, a push text, the .ics)
parsed back. On both databases."""
import datetime
import email
import email.policy
import json

import pytest
from icalendar import Calendar

from server import i18n
from server.notify import channels
from server.web import release

from .. import clock
from ..conftest import make_habit
from .helpers import error_of, field_errors
from .test_reminders import due_now, make_reminder, run


@pytest.mark.parametrize("tag, expected", [
    ("en", {"one": 0, "other": 1}),
    ("de", {"one": 0, "other": 1}),
    ("es", {"one": 0, "many": 1, "other": 2}),
    ("fr", {"one": 0, "many": 1, "other": 2}),
    ("pt-BR", {"one": 0, "many": 1, "other": 2}),
    ("ar-XB", {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 4, "other": 5}),
])
def test_each_cldr_category_maps_onto_the_catalogues_form(tag, expected):
    assert i18n.compiled(tag)["plural"] == expected


def french(forms):
    """French Words with one plural message of the given forms (one, many, other)."""
    words = i18n.Words("fr")
    words.catalogue = {**words.catalogue, "messages": {"{n} day": forms}}
    return words


def test_plurals_by_the_locale_and_many_falls_back_on_other():
    de = i18n.words_in("de")
    assert [de.ngettext("{n} day", "{n} days", n) for n in (1, 0, 2, 1000000)] == [
        "1 Tag", "0 Tage", "2 Tage", "1.000.000 Tage"]
    full = french(["{n} jour", "{n} de jours", "{n} jours"])
    assert [full.ngettext("{n} day", "{n} days", n) for n in (0, 1, 2, 1000000)] == [
        "0 jour", "1 jour", "2 jours", "1\u202f000\u202f000 de jours"]
    # A translator who leaves "many" empty: the catalogue as compiled fills it from "other".
    catalog = i18n.read_catalog("fr")
    catalog.add(("{n} test", "{n} tests"), ("{n} essai", "", "{n} essais"))
    forms = [m for m in catalog if m.id == ("{n} test", "{n} tests")][0].string
    mapping = i18n.plural_map(catalog, i18n.intl_locale("fr"))
    assert mapping["many"] == 1 and forms[mapping["many"]] == ""
    # English has no "many": the source falls back on its own rule, in every language.
    assert i18n.words_in("es").ngettext("{n} apple", "{n} apples", 1000000) == "1.000.000 apples"
    assert i18n.words_in("pt-BR").ngettext("{n} apple", "{n} apples", 0) == "0 apples"


def test_the_compiled_catalogue_fills_an_empty_many(monkeypatch):
    catalog = i18n.read_catalog("fr")
    catalog.add(("{n} test", "{n} tests"), ("{n} essai", "", "{n} essais"))
    monkeypatch.setattr(i18n, "read_catalog", lambda tag: catalog)
    i18n.compiled.cache_clear()
    try:
        assert i18n.compiled("fr")["messages"]["{n} test"] == ["{n} essai", "{n} essais", "{n} essais"]
    finally:
        i18n.compiled.cache_clear()


def test_dates_and_numbers_by_the_locale():
    day = datetime.date(2026, 3, 1)
    assert i18n.words_in("de").date(day, "EEEE, d. MMMM y") == "Sonntag, 1. März 2026"
    assert i18n.words_in("fr").date(day, "d MMMM") == "1 mars"
    assert i18n.words_in("pt-BR").date(day, "d 'de' MMMM") == "1 de março"
    assert i18n.words_in("de").number(1234.5) == "1.234,5"
    assert i18n.words_in("en").number(1234.5) == "1,234.5"
    assert i18n.words_in("fr").number(1234.5) == "1\u202f234,5"


def test_negotiation_follows_accept_language():
    assert i18n.negotiate(["de-AT", "en"]) == "de"
    assert i18n.negotiate(["pt-PT"]) == "pt-BR"
    assert i18n.negotiate(["ja", "es-MX"]) == "es"
    assert i18n.negotiate(["ja"]) == "en"
    assert i18n.negotiate([]) == "en"


def test_the_browser_loads_a_catalogue_of_the_release(app):
    http = app.test_client()
    with app.app_context():
        name = release()
    response = http.get(f"/r/{name}/i18n/de.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "immutable" in response.headers["Cache-Control"] and response.headers["ETag"]
    body = response.json
    assert body["locale"] == "de" and body["direction"] == "ltr"
    assert body["messages"]["Private habit"] == "Private Gewohnheit"
    assert body["messages"]["notification action\u0004Done"] == "Erledigt"
    assert http.get(f"/r/{name}/i18n/xx.json").status_code == 404
    assert http.get(f"/r/{name}/i18n/DE.json").status_code == 404
    assert http.get("/r/000000000000/i18n/de.json").status_code == 404
    page = http.get("/", headers={"Accept-Language": "de-CH, en;q=0.5"})
    assert '<html lang="de" dir="ltr">' in page.text and "Accept-Language" in page.headers["Vary"]


def test_pseudo_locales_come_from_the_pot(app):
    pot = {f"{m.context}\u0004{m.id}" if m.context else m.id
           for m in i18n.read_catalog("en") if m.id and not m.pluralizable}
    accented, mirrored = i18n.compiled("en-XA"), i18n.compiled("ar-XB")
    assert accented["pseudo"] and mirrored["direction"] == "rtl"
    assert set(accented["messages"]) >= pot
    text = accented["messages"]["Open Orbit: {url}"]
    assert text.startswith("⟦") and text.endswith("⟧") and "{url}" in text
    assert len(text) >= 1.4 * len("Open Orbit: {url}")
    assert text.startswith("⟦Öpéñ Öŕbîţ: {url}")  # accented, the placeholder left as it is
    assert mirrored["messages"]["Open Orbit: {url}"] == "⟦\u202eOpen Orbit: {url}\u202c⟧"


def test_the_account_keeps_its_language(client, other):
    assert client.get("/me").json["locale"] is None
    assert client.patch("/me", {"locale": "pt-BR"}).json["locale"] == "pt-BR"
    assert client.get("/me").json["locale"] == "pt-BR"
    assert other.get("/me").json["locale"] is None  # someone else's account is untouched
    field_errors(client.patch("/me", {"locale": "xx"}), "locale")
    field_errors(client.patch("/me", {"locale": "en-XA"}), "locale")  # a test's, not offered
    field_errors(client.patch("/me", {"locale": 3}), "locale")
    assert client.patch("/me", {"locale": None}).json["locale"] is None  # the browser's again


def test_what_the_server_sends_follows_the_browser_until_one_is_chosen(app, client):
    from server.models import User
    client.get("/me", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    client.get("/me")  # an API client naming no language changes nothing
    with app.app_context():
        user = User.get_by_id(client.user["id"])
        assert (user.locale, user.browser_locale) == (None, "fr")
        assert i18n.words_for(user).tag == "fr"
    client.patch("/me", {"locale": "de"})
    with app.app_context():
        assert i18n.words_for(User.get_by_id(client.user["id"])).tag == "de"


@pytest.fixture
def german(app, client, smtp):
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    client.patch("/me", {"locale": "de"})
    return inbox


def test_a_reminder_email_in_german(app, client, german):
    secret = make_habit(client, name="Therapy", private=True)
    reminder = make_reminder(client, target="habit", habit_id=secret["id"], channels=["email"])
    assert run(app, due_now(app, reminder)) == {"sent": 1}
    [raw] = german.messages
    message = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
    assert message["Subject"] == "Private Gewohnheit"
    text = message.get_body(("plain",)).get_content()
    assert "Ein kleiner Schritt heute lässt es weiter wachsen." in text
    assert "Orbit öffnen: http" in text and "Diese Erinnerung abbestellen: http" in text
    assert "Therapy" not in message.as_string()


def test_the_weekly_summary_email_in_german(app, client, german):
    make_habit(client, name="Walk", start_date=(clock.today() - datetime.timedelta(days=20)).isoformat())
    reminder = make_reminder(client, target="weekly_summary", channels=["email"])
    assert run(app, due_now(app, reminder)) == {"sent": 1}
    [raw] = german.messages
    message = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
    assert message["Subject"].startswith("Deine Woche, ")
    html = message.get_body(("html",)).get_content()
    assert '<html lang="de" dir="ltr">' in html and "Die Woche in Orbit öffnen" in html
    assert "Gewohnheiten" in message.get_body(("plain",)).get_content()


def test_a_push_text_in_german(app, client, monkeypatch):
    client.patch("/me", {"locale": "de"})
    sent = []
    monkeypatch.setattr(channels, "push", lambda config, user, payload: sent.append(json.dumps(payload)))
    walk = make_habit(client, name="Walk")
    reminder = make_reminder(client, target="habit", habit_id=walk["id"], channels=["push"])
    answer = client.post(f"/reminders/{reminder['id']}/test").json
    assert answer["outcomes"] == [{"channel": "push", "status": "sent", "message": "Gesendet."}]
    [payload] = [json.loads(text) for text in sent]
    assert (payload["title"], payload["lang"], payload["dir"]) == ("Walk", "de", "ltr")
    assert payload["body"] == "Ein kleiner Schritt heute lässt es weiter wachsen. Tippe, um ihn einzutragen."
    assert payload["action"]["title"] == "Erledigt" and payload["later"]["title"] == "Später"
    reflection = make_reminder(client, target="reflection", channels=["email"])
    answer = client.post(f"/reminders/{reflection['id']}/test").json
    assert answer["outcomes"][0]["message"] == "E-Mail ist auf diesem Server nicht eingerichtet."


def test_the_calendar_feed_in_german(client, anon):
    client.patch("/me", {"locale": "de"})
    url = client.post("/calendar/token").json["url"]
    secret = make_habit(client, name="Therapy", private=True)
    client.post("/reminders", {"target": "habit", "habit_id": secret["id"], "time": "18:00"})
    client.post("/reminders", {"target": "reflection", "time": "21:00"})
    calendar = Calendar.from_ical(anon.get(url.split("/api/v1", 1)[1]).data)
    assert str(calendar["x-wr-calname"]) == "Orbit-Erinnerungen"
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == [
        "Private Gewohnheit", "Wie war dein Tag?"]
    error_of(anon.get("/calendar/nonsense.ics"), 404, "not_found")
