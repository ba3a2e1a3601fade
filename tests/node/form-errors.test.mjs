// What web/dom.js's showFormError words beside each field: the envelope's `fields` and `codes`
// (server/errors.py codes_of: the same tree, each message's code at its place) flattened in the
// same order (web/messages.js), so each message gets its own code's words, nested fields too.
// The envelopes below are what codes_of builds for these fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { flattenCodes, flattenMessages, plainMessage } from "../../web/messages.js";

const ENVELOPE = {
  code: "validation_error",
  message: "Some fields are not valid; see `fields`.",
  fields: {
    schedule: {
      days: { 0: ["Must be between 0 and 6."], 2: ["Not a valid integer."] },
      times: ["Missing data for required field."],
    },
    name: ["Longer than maximum length 80."],
    password: ["Shorter than minimum length 8.", "Not a valid string."],
    items: { 1: { date: ["Not a valid date."], value: ["Must be greater than or equal to 0."] } },
  },
  codes: {
    schedule: {
      days: { 0: [{ code: "out_of_range", min: 0, max: 6 }], 2: [{ code: "other" }] },
      times: [{ code: "required" }],
    },
    name: [{ code: "too_long", min: 1, max: 80 }],
    password: [{ code: "too_short", min: 8 }, { code: "invalid_type" }],
    items: { 1: { date: [{ code: "invalid_date" }], value: [{ code: "out_of_range", min: 0 }] } },
  },
};

/** Each message of a field with its own words, as showFormError's summary words them. */
function worded(name) {
  const messages = flattenMessages(ENVELOPE.fields[name]);
  const codes = flattenCodes(ENVELOPE.codes[name]);
  assert.equal(codes.length, messages.length, `${name}: one code for each message`);
  return messages.map((text, index) => plainMessage("", [text], false, [codes[index]]));
}

test("a nested field's messages and codes flatten in the same order", () => {
  assert.deepEqual(flattenMessages(ENVELOPE.fields.schedule),
    ["Must be between 0 and 6.", "Not a valid integer.", "Missing data for required field."]);
  assert.deepEqual(flattenCodes(ENVELOPE.codes.schedule).map((code) => code.code), ["out_of_range", "other", "required"]);
  assert.deepEqual(worded("schedule"), ["Use a number from 0 to 6.", "Not a valid integer.", "This is needed."]);
  assert.deepEqual(worded("items"), ["Enter a date.", "Use 0 or more."]);
  assert.deepEqual(worded("password"), ["Use at least 8 characters.", "Not a valid string."]);
});

test("a field's first message is worded with its first code", () => {
  const name = "name";
  assert.equal(plainMessage(name, flattenMessages(ENVELOPE.fields[name]), false, flattenCodes(ENVELOPE.codes[name])),
    "Write 1 to 80 characters.");
});

test("a message given as plain text, with its code as codes_of gives it", () => {
  assert.deepEqual(flattenMessages("Just text."), ["Just text."]);
  assert.deepEqual(flattenCodes([{ code: "other" }]), [{ code: "other" }]);
});

test("no codes (an older server, the browser's own checks): none, and the messages as they are", () => {
  assert.deepEqual(flattenCodes(undefined), []);
  assert.deepEqual(flattenCodes(null), []);
  assert.deepEqual(flattenMessages(undefined), []);
  assert.deepEqual(flattenMessages([["a", "b"], { x: ["c"] }]), ["a", "b", "c"]);
  assert.equal(plainMessage("name", flattenMessages(ENVELOPE.fields.name), false, flattenCodes(undefined)),
    "Longer than maximum length 80.");
});

test("a code's parameters stay with it when flattened", () => {
  assert.deepEqual(flattenCodes(ENVELOPE.codes.items), [{ code: "invalid_date" }, { code: "out_of_range", min: 0 }]);
  assert.deepEqual(flattenCodes([[{ code: "not_one_of", choices: ["mon", "sun"] }]]), [{ code: "not_one_of", choices: ["mon", "sun"] }]);
});
