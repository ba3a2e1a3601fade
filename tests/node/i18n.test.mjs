// web/i18n.js: a catalogue's words, its plurals mapped from Intl.PluralRules' categories onto
// gettext's forms (the "plural" map the server builds, server/i18n.py), and dates and numbers as
// each locale writes them.
process.env.TZ = "America/New_York";
const { test } = await import("node:test");
const assert = (await import("node:assert/strict")).default;
const i18n = await import("../../web/i18n.js");
const { t, tn, tc, setLocale, locale, direction, negotiate, formatDate, formatNumber, weekdayName, monthName } = i18n;

// As server/i18n.py serves them: German has two forms; French three (one, many, other), the
// "many" of a million left empty by the translator falls back on "other".
const GERMAN = {
  locale: "de", intl: "de", direction: "ltr", plural: { one: 0, other: 1 },
  messages: {
    "Saved": "Gespeichert",
    "{name} is done": "{name} ist erledigt",
    "{n} day": ["{n} Tag", "{n} Tage"],
    "navigation\u0004Week": "Woche",
  },
};
const FRENCH = {
  locale: "fr", intl: "fr", direction: "ltr", plural: { one: 0, many: 1, other: 2 },
  messages: { "{n} day": ["{n} jour", "", "{n} jours"], "{n} time": ["{n} fois", "{n} de fois", "{n} fois"] },
};

test("t: the translation with its placeholders filled; the English source when there is none", () => {
  setLocale("de", GERMAN);
  assert.equal(locale(), "de");
  assert.equal(direction(), "ltr");
  assert.equal(t("Saved"), "Gespeichert");
  assert.equal(t("{name} is done", { name: "Lesen" }), "Lesen ist erledigt");
  assert.equal(t("Not in the catalogue {x}", { x: 1234.5 }), "Not in the catalogue 1.234,5");
  assert.equal(t("{name} is done", {}), "{name} ist erledigt"); // a missing parameter stays visible
  setLocale("en");
  assert.equal(t("Saved"), "Saved");
});

test("tn: the plural form by the locale's rules, never n === 1", () => {
  setLocale("de", GERMAN);
  assert.equal(tn("{n} day", "{n} days", 1), "1 Tag");
  assert.equal(tn("{n} day", "{n} days", 0), "0 Tage");
  assert.equal(tn("{n} day", "{n} days", 2500), "2.500 Tage");
  setLocale("fr", FRENCH);
  assert.equal(tn("{n} day", "{n} days", 0), "0 jour"); // French: 0 and 1 are singular
  assert.equal(tn("{n} day", "{n} days", 1.5), "1,5 jour");
  assert.equal(tn("{n} day", "{n} days", 2), "2 jours");
  assert.equal(tn("{n} day", "{n} days", 1000000), "1\u202f000\u202f000 jours"); // "many", empty: "other"
  assert.equal(tn("{n} time", "{n} times", 1000000), "1\u202f000\u202f000 de fois");
  setLocale("en");
  assert.equal(tn("{n} day", "{n} days", 1), "1 day");
  assert.equal(tn("{n} day", "{n} days", 3), "3 days");
});

test("tc: the same word in two uses", () => {
  setLocale("de", GERMAN);
  assert.equal(tc("navigation", "Week"), "Woche");
  assert.equal(tc("unit", "Week"), "Week");
  assert.equal(t("Week"), "Week");
});

test("dates, weekdays, months and numbers as the locale writes them", () => {
  setLocale("de", GERMAN);
  assert.equal(formatDate("2026-03-01", { weekday: "long", day: "numeric", month: "long" }), "Sonntag, 1. März");
  assert.equal(weekdayName(0), "Montag");
  assert.equal(weekdayName(6), "Sonntag");
  assert.equal(monthName(12), "Dezember");
  assert.equal(formatNumber(1234.567), "1.234,57");
  setLocale("pt-BR", { locale: "pt-BR", intl: "pt-BR" });
  assert.equal(formatDate("2026-03-01", { day: "numeric", month: "long" }), "1 de março");
  assert.equal(weekdayName(2), "quarta-feira");
  setLocale("fr", FRENCH);
  assert.equal(monthName(2, "long"), "février");
  assert.equal(formatNumber(0.5, { style: "percent" }), "50\u00a0%");
  setLocale("en");
  assert.equal(formatDate("2026-03-01", { day: "numeric", month: "short" }), "Mar 1"); // no zone shift
});

test("a pseudo-locale marks what it formats, and a right-to-left one says so", () => {
  setLocale("en-XA", { locale: "en-XA", intl: "en", pseudo: true, messages: { "Saved": "⟦Šàvéð~~⟧" } });
  assert.equal(t("Saved"), "⟦Šàvéð~~⟧");
  assert.equal(formatNumber(3), "⟦3⟧");
  setLocale("ar-XB", { locale: "ar-XB", intl: "ar", direction: "rtl", pseudo: true });
  assert.equal(direction(), "rtl");
  setLocale("en");
});

test("negotiate: the browser's languages against the shipped ones", () => {
  assert.equal(negotiate(["de-AT", "en"]), "de");
  assert.equal(negotiate(["pt-PT"]), "pt-BR");
  assert.equal(negotiate(["pt-br"]), "pt-BR");
  assert.equal(negotiate(["ja", "fr-CA"]), "fr");
  assert.equal(negotiate(["ja"]), "en");
  assert.equal(negotiate([]), "en");
  assert.equal(negotiate(["en-XA"]), "en-XA");
});
