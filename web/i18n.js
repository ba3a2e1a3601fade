// The app's words in the user's language. The catalogues are gettext .po files
// (translations/<lang>/LC_MESSAGES/messages.po) that the server turns into JSON for the release
// (server/i18n_web.py): {locale, intl, direction, pseudo, plural, messages}. `messages` maps a
// msgid (with a context: "context\u0004msgid") to its translation, or a plural msgid to the list
// of gettext's forms; `plural` maps each of Intl.PluralRules' categories to a form's index.
//
// Rules for callers, so that `make i18n` (Babel's extractor: keywords t, tn:1,2, tc:1c,2) finds
// every msgid: the msgid is always a plain string literal in double quotes, the first argument
// (never a template literal, a variable or a concatenation). Call t() when drawing, never at a
// module's top level: modules are loaded before the catalogue is.

// The languages Orbit ships, in its picker's order; a new one is a catalogue and a tag here.
export const SHIPPED = ["en", "de", "es", "fr", "pt-BR"];
// Generated from the .pot for tests (server/i18n_pseudo.py): longer accented words in ⟦…⟧, and
// a right-to-left one. Loadable, never offered in Settings.
export const PSEUDO = ["en-XA", "ar-XB"];
const SOURCE = "en"; // the msgids are English
const EMPTY = { locale: SOURCE, intl: SOURCE, direction: "ltr", pseudo: false, plural: {}, messages: {} };

let catalogue = EMPTY;
let plurals = new Intl.PluralRules(SOURCE);
const sourcePlurals = new Intl.PluralRules(SOURCE);

/** The tag of the locale on show ("de", "pt-BR"). */
export function locale() {
  return catalogue.locale;
}

/** "ltr" or "rtl": the writing direction of the locale on show. */
export function direction() {
  return catalogue.direction;
}

/** Installs a catalogue (as the server serves it) as the one on show; with none, the English
 * source. Used by loadCatalogue and by tests. */
export function setLocale(tag, data = null) {
  catalogue = data ? { ...EMPTY, ...data, locale: data.locale || tag } : { ...EMPTY, locale: tag || SOURCE, intl: tag || SOURCE };
  plurals = new Intl.PluralRules(catalogue.intl);
  if (typeof document !== "undefined") {
    document.documentElement.lang = catalogue.locale;
    document.documentElement.dir = catalogue.direction;
  }
}

/** The supported tag closest to the ones given, best first (navigator.languages by default):
 * "de-AT" is "de", "pt-PT" is "pt-BR", anything else English. */
export function negotiate(preferred = globalThis.navigator?.languages || []) {
  const available = [...SHIPPED, ...PSEUDO];
  for (const wanted of preferred) {
    const exact = available.find((tag) => tag.toLowerCase() === String(wanted).toLowerCase());
    if (exact) return exact;
    const language = String(wanted).split("-")[0].toLowerCase();
    const near = SHIPPED.find((tag) => tag.split("-")[0].toLowerCase() === language);
    if (near) return near;
  }
  return SOURCE;
}

/** Loads and installs the catalogue of `tag` (the account's choice; null: the browser's
 * languages) and sets <html lang dir>. Awaited once at start-up, before the first screen. A
 * catalogue that cannot be loaded leaves the English source on show. Returns the tag on show. */
export async function loadCatalogue(tag = null) {
  const wanted = tag && [...SHIPPED, ...PSEUDO].includes(tag) ? tag : negotiate();
  if (wanted === SOURCE) {
    setLocale(SOURCE);
    return SOURCE;
  }
  try {
    const { readReleaseFile } = await import("./http.js");
    setLocale(wanted, await readReleaseFile(new URL(`i18n/${wanted}.json`, import.meta.url).href));
  } catch {
    setLocale(SOURCE);
  }
  return locale();
}

// A pseudo-locale marks what the locale formatted too: the test helper sees it came from here.
const marked = (text) => (catalogue.pseudo ? `⟦${text}⟧` : text);

function fill(text, params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === "number" ? formatNumber(value) : String(value);
  });
}

/** The translation of msgid, its {name} placeholders filled from params (numbers as the locale
 * writes them). */
export function t(msgid, params) {
  const found = catalogue.messages[msgid];
  return fill(typeof found === "string" && found ? found : msgid, params);
}

/** The plural form for n (Intl.PluralRules' category mapped onto the catalogue's forms); {n}
 * and params filled in. */
export function tn(singular, plural, n, params) {
  return fill(pluralForm(singular, singular, plural, n), { n, ...params });
}

/** msgid in a context (gettext's msgctxt), for words that differ by use ("Week" as a tab, as a
 * unit). */
export function tc(context, msgid, params) {
  const found = catalogue.messages[`${context}\u0004${msgid}`];
  return fill(typeof found === "string" && found ? found : msgid, params);
}

function pluralForm(key, singular, plural, n) {
  const forms = catalogue.messages[key];
  if (Array.isArray(forms)) {
    const other = catalogue.plural.other ?? forms.length - 1;
    const chosen = forms[catalogue.plural[plurals.select(n)] ?? other] || forms[other];
    if (chosen) return chosen;
  }
  return sourcePlurals.select(n) === "one" ? singular : plural;
}

const UTC_DAY = (iso) => {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};

/** A calendar day ("YYYY-MM-DD") as the locale writes it (Intl.DateTimeFormat options). */
export function formatDate(isoDay, options) {
  return marked(new Intl.DateTimeFormat(catalogue.intl, { timeZone: "UTC", ...options }).format(UTC_DAY(isoDay)));
}

/** A number as the locale writes it (Intl.NumberFormat options); "" for none. */
export function formatNumber(n, options) {
  if (n === null || n === undefined || n === "") return "";
  return marked(new Intl.NumberFormat(catalogue.intl, { maximumFractionDigits: 2, ...options }).format(Number(n)));
}

/** The name of weekday i, Monday = 0 as the API counts; width "long", "short" or "narrow". */
export function weekdayName(i, width = "long") {
  return formatDate(`2024-01-0${1 + (i % 7)}`, { weekday: width }); // 2024-01-01 was a Monday
}

/** The name of month m, January = 1 as in ISO dates; width "long", "short" or "narrow". */
export function monthName(m, width = "long") {
  return marked(new Intl.DateTimeFormat(catalogue.intl, { timeZone: "UTC", month: width })
    .format(new Date(Date.UTC(2024, m - 1, 1))));
}

/** The shipped languages with their own names ("Deutsch"), for the Settings picker. */
export function languages() {
  return SHIPPED.map((tag) => ({ tag, name: new Intl.DisplayNames([tag], { type: "language" }).of(tag) }));
}
