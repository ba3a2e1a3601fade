// web/messages.js: a field's API error in plain words, from the envelope's `codes`. Every code the
// server can send (FIELD_CODES in server/errors.py, read from that file here) has a case below, so
// a code added to the server fails this test until the app has decided what it says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { plainMessage } from "../../web/messages.js";

const ERRORS_PY = new URL("../../server/errors.py", import.meta.url);

/** FIELD_CODES as server/errors.py spells it: the tuple of strings after `FIELD_CODES = (`. */
function serverCodes() {
  const source = readFileSync(ERRORS_PY, "utf8");
  const tuple = source.match(/^FIELD_CODES = \(([^)]*)\)/m);
  assert.ok(tuple, "FIELD_CODES = (...) is in server/errors.py");
  return [...tuple[1].matchAll(/"([a-z_]+)"/g)].map((match) => match[1]);
}

const SERVER_WORDS = "Server words with `backticks`.";

// For each code: [its parameters, what the person reads]. The server's own words (backticks
// dropped) where the app has none of its own.
const CASES = {
  required: [[{}, "This is needed."]],
  null: [[{}, "This is needed."]],
  too_short: [
    [{ min: 8 }, "Use at least 8 characters."],
    [{ min: 1, max: 80 }, "Write 1 to 80 characters."],
  ],
  too_long: [
    [{ min: 1, max: 80 }, "Write 1 to 80 characters."],
    [{ max: 140 }, "Use at most 140 characters."],
    [{ min: 0, max: 2000 }, "Write 0 to 2000 characters."],
  ],
  out_of_range: [
    [{ min: 1, max: 7 }, "Use a number from 1 to 7."],
    [{ min: 0, max: 0 }, "Use a number from 0 to 0."],
    [{ min: 0.01 }, "Use 0.01 or more."],
    [{ max: 100000 }, "Use 100000 or less."],
    [{ min: -5, max: 5 }, "Use a number from -5 to 5."],
    // Dates and instants: the bounds are strings, and the server's words say which.
    [{ min: "1970-01-01", max: "2026-12-07" }, "Server words with backticks."],
    [{ min: "1970-01-01T00:00:00+00:00" }, "Server words with backticks."],
    [{ min: 1, max: "2026-12-07" }, "Server words with backticks."],
    [{}, "Server words with backticks."],
  ],
  not_one_of: [
    [{ choices: ["build", "quit"] }, "Choose one of: build, quit."],
    [{ choices: ["mon"] }, "Choose one of: mon."],
    [{}, "Server words with backticks."], // too many choices to send (a time zone)
  ],
  not_unique: [[{}, "Server words with backticks."]],
  not_allowed: [[{}, "Server words with backticks."]],
  unknown_field: [[{}, "Server words with backticks."]],
  invalid_type: [[{}, "Server words with backticks."]],
  invalid_number: [[{}, "Enter a number."]],
  invalid_date: [[{}, "Enter a date."]],
  invalid_email: [[{}, "That doesn't look like an email address."]],
  invalid_format: [[{}, "Server words with backticks."]],
  locked_after_checkins: [[{}, "This can't change any more: the habit already has days logged."]],
  not_found: [[{}, "Server words with backticks."]],
  out_of_order: [[{}, "Server words with backticks."]], // "The last day of a pause cannot be before its first."
  wrong_password: [[{}, "Server words with backticks."]],
  other: [[{}, "Server words with backticks."]],
};

test("every code the server sends has a case here", () => {
  const missing = [...new Set(serverCodes())].filter((code) => !Object.hasOwn(CASES, code));
  assert.deepEqual(missing, [], `FIELD_CODES in server/errors.py with no case in this file: ${missing.join(", ")} `
    + "(decide their words in web/messages.js, or that the server's own words show, and add a case)");
});

test("every case here is for a code the server sends", () => {
  const codes = new Set(serverCodes());
  const stale = Object.keys(CASES).filter((code) => !codes.has(code));
  assert.deepEqual(stale, [], `cases for codes server/errors.py no longer sends: ${stale.join(", ")}`);
});

for (const [code, cases] of Object.entries(CASES)) {
  test(`${code}: its words`, () => {
    for (const [params, words] of cases) {
      assert.equal(plainMessage("note", [SERVER_WORDS], false, [{ code, ...params }]), words, JSON.stringify(params));
    }
  });
}

test("a message with no code (the browser's own checks) is shown as it is, without backticks", () => {
  assert.equal(plainMessage("note", ["Must not be after `to` (or after today)."]), "Must not be after to (or after today).");
  assert.equal(plainMessage("note", ["Please fill in this field."], false, []), "Please fill in this field.");
  assert.equal(plainMessage("note", []), "");
  assert.equal(plainMessage("", [undefined]), "");
});

test("a code the app does not know shows the server's words", () => {
  assert.equal(plainMessage("note", ["Spelled by the server."], false, [{ code: "brand_new" }]), "Spelled by the server.");
});

test("only the first code and message count (they come in the same order)", () => {
  const codes = [{ code: "too_long", max: 80 }, { code: "required" }];
  assert.equal(plainMessage("note", ["Too long.", "Missing."], false, codes), "Use at most 80 characters.");
});

test("an empty control of a named field asks for it in its own words", () => {
  const tooShort = [{ code: "too_short", min: 1, max: 80 }];
  assert.equal(plainMessage("name", ["Shorter than minimum length 1."], true, tooShort), "Give it a name: up to 80 characters.");
  assert.equal(plainMessage("statement", ["x"], true, [{ code: "required" }]), "Write who you are becoming: up to 140 characters.");
  assert.equal(plainMessage("target", ["x"], true, [{ code: "null" }]), "How much makes a day done? Enter a number above 0.");
  assert.equal(plainMessage("email", ["x"], true, []), "Enter your email address.");
  assert.equal(plainMessage("password", ["x"], true, [{ code: "required" }]), "Enter your password.");
  // Not empty: the code's words; another field: no words of its own for empty.
  assert.equal(plainMessage("name", ["x"], false, tooShort), "Write 1 to 80 characters.");
  assert.equal(plainMessage("note", ["x"], true, [{ code: "required" }]), "This is needed.");
});

test("a field locked after check-ins says so even when its control is empty", () => {
  const locked = [{ code: "locked_after_checkins" }];
  assert.equal(plainMessage("target", ["Cannot change once the habit has check-ins."], true, locked),
    "This can't change any more: the habit already has days logged.");
});

test("a field may word a code its own way: a day's missing amount", () => {
  const required = [{ code: "required" }];
  assert.equal(plainMessage("value", ["How many minutes? A value is required (0 is allowed)."], false, required),
    "How much? Enter a number: 0 is allowed.");
  assert.equal(plainMessage("mood", ["Missing data for required field."], false, required), "This is needed.");
  assert.equal(plainMessage("value", ["A check habit takes no value."], false, [{ code: "not_allowed" }]),
    "A check habit takes no value.");
});
