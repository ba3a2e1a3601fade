// An API error, beside its field, in plain words made from its code and parameters (the error
// envelope's `codes`): {code: "too_long", min: 1, max: 80} on a name reads "Write 1 to 80
// characters.", or "Give it a name: up to 80 characters." when the name is empty; a field may
// word a code its own way (a missing amount). A message with
// no code (the browser's own checks) or a code the app has no words for is shown as it is.
import { formatNumber, t, tn } from "./i18n.js";

// Functions, not strings: the words are the catalogue's for the language on show when the error
// is drawn (web/i18n.js), not when this module was loaded.
const BY_FIELD = {
  name: { empty: () => t("Give it a name: up to 80 characters.") },
  statement: { empty: () => t("Write who you are becoming: up to 140 characters.") },
  target: { empty: () => t("How much makes a day done? Enter a number above 0.") },
  email: { empty: () => t("Enter your email address.") },
  password: { empty: () => t("Enter your password.") },
  value: { required: () => t("How much? Enter a number: 0 is allowed.") }, // a count or a duration's day
};

const has = (value) => value !== undefined && value !== null;
const isNumber = (value) => typeof value === "number";
// A bound as the language writes numbers ("0,01" in German), ungrouped as the server sends it.
const number = (value) => formatNumber(value, { useGrouping: false });

function characters({ min, max }) {
  if (has(min) && has(max)) {
    return tn("Write {min} to {n} character.", "Write {min} to {n} characters.", max, { min: number(min), n: number(max) });
  }
  return has(max) ? tn("Use at most {n} character.", "Use at most {n} characters.", max, { n: number(max) })
    : tn("Use at least {n} character.", "Use at least {n} characters.", min, { n: number(min) });
}

function range({ min, max }) {
  if (isNumber(min) && isNumber(max)) return t("Use a number from {min} to {max}.", { min: number(min), max: number(max) });
  if (isNumber(min) && !has(max)) return t("Use {min} or more.", { min: number(min) });
  if (isNumber(max) && !has(min)) return t("Use {max} or less.", { max: number(max) });
  return null; // dates: the server's own words say which
}

// Each code's words; null leaves the server's message.
const WORDS = {
  required: () => t("This is needed."),
  null: () => t("This is needed."),
  too_short: characters,
  too_long: characters,
  out_of_range: range,
  invalid_number: () => t("Enter a number."),
  invalid_date: () => t("Enter a date."),
  invalid_email: () => t("That doesn't look like an email address."),
  // The choices are the API's own values (build, quit, mon): sent as they are.
  not_one_of: ({ choices }) => (choices ? t("Choose one of: {choices}.", { choices: choices.join(", ") }) : null),
  locked_after_checkins: () => t("This can't change any more: the habit already has days logged."),
};

/** One field's error as one plain sentence: `codes` are the envelope's for the field (the same
 * order as `messages`); `empty` when its control holds nothing. */
export function plainMessage(field, messages, empty = false, codes = []) {
  const coded = codes[0];
  if (empty && BY_FIELD[field]?.empty && coded?.code !== "locked_after_checkins") return BY_FIELD[field].empty();
  return (coded && (BY_FIELD[field]?.[coded.code]?.() ?? WORDS[coded.code]?.(coded)))
    || String(messages[0] ?? "").replaceAll("`", "");
}

/** A field's messages as a flat list, nested ones (a list's items, a nested object's fields)
 * in the order they come. */
export function flattenMessages(messages) {
  if (typeof messages === "string") return [messages];
  if (Array.isArray(messages)) return messages.flatMap(flattenMessages);
  if (messages && typeof messages === "object") return Object.values(messages).flatMap(flattenMessages);
  return [];
}

/** The envelope's codes for a field, in the order flattenMessages gives its messages. */
export function flattenCodes(codes) {
  if (Array.isArray(codes)) return codes.flatMap((c) => (c && typeof c.code === "string" ? [c] : flattenCodes(c)));
  if (codes && typeof codes === "object") return Object.values(codes).flatMap(flattenCodes);
  return [];
}
