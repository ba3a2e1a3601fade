// web/store.js: the user's today as every screen asks for it, from the signed-in user's time zone
// and day start (web/dates.js does the arithmetic), on a device in another zone.
// store.js reaches the network through api.js, which loads the queue's IndexedDB script: that
// script only needs `self` to exist to load.
import { test } from "node:test";
import assert from "node:assert/strict";

process.env.TZ = "Pacific/Auckland"; // the device: far from every user below
globalThis.self ??= globalThis;
const store = await import("../../web/store.js");

function at(t, iso) {
  t.mock.method(Date, "now", () => Date.parse(iso));
}

test("signed out, today is UTC's, turning at midnight", (t) => {
  store.setUser(null);
  at(t, "2026-12-31T23:59:00Z");
  assert.equal(store.today(), "2026-12-31");
  assert.equal(store.weekStart(), "mon");
});

test("today in the user's zone, at their day start", (t) => {
  store.setUser({ id: 1, timezone: "America/New_York", day_start: "04:00", week_start: "sun" });
  at(t, "2027-01-01T08:59:00Z"); // 03:59 in New York on 1 January
  assert.equal(store.today(), "2026-12-31");
  at(t, "2027-01-01T09:00:00Z"); // 04:00
  assert.equal(store.today(), "2027-01-01");
  assert.equal(store.weekStart(), "sun");
});

test("the day start holds on the night New York's clocks go forward", (t) => {
  store.setUser({ id: 1, timezone: "America/New_York", day_start: "04:00" });
  at(t, "2026-03-08T07:59:00Z"); // 03:59 EDT, an hour after the jump
  assert.equal(store.today(), "2026-03-07");
  at(t, "2026-03-08T08:00:00Z"); // 04:00 EDT
  assert.equal(store.today(), "2026-03-08");
});

test("a change of zone or day start takes effect at once", (t) => {
  store.setUser({ id: 1, timezone: "Europe/London", day_start: "00:00" });
  at(t, "2026-12-08T02:00:00Z");
  assert.equal(store.today(), "2026-12-08");
  store.updateUser({ day_start: "03:00" });
  assert.equal(store.today(), "2026-12-07");
  store.updateUser({ timezone: "Asia/Tokyo" }); // 11:00 there
  assert.equal(store.today(), "2026-12-08");
});

test("dateOf: an instant from the API as a date in the user's zone", () => {
  store.setUser({ id: 1, timezone: "Asia/Tokyo" });
  assert.equal(store.dateOf("2026-12-31T15:30:00+00:00"), "2027-01-01");
  store.setUser({ id: 1, timezone: "America/Los_Angeles" });
  assert.equal(store.dateOf("2026-12-31T15:30:00+00:00"), "2026-12-31");
  store.setUser(null);
});
