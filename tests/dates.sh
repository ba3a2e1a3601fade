#!/usr/bin/env bash
# The suite on awkward days, hours and time zones (issue: tests must hold on every day).
# Each line: the instant the tests' clock starts at, the test users' and browser's time zone, and
# the machine's own TZ (which no test may depend on). Extra arguments go to pytest, e.g.
#   bash tests/dates.sh tests/api            # only the API tests
#   bash tests/dates.sh -k today             # only tests named *today*
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
DAYS=(
  "2026-12-07T09:00:00+00:00        UTC                  UTC                 Monday"
  "2026-12-02T23:40:00+14:00        Pacific/Kiritimati   America/Los_Angeles Wednesday, late, UTC+14"
  "2026-12-06T00:20:00-11:00        Pacific/Pago_Pago    Asia/Tokyo          Sunday, just after midnight, UTC-11"
  "2027-01-01T00:05:00+01:00        Europe/Berlin        UTC                 the 1st of a month and a year"
  "2027-01-31T23:50:00-05:00        America/New_York     Pacific/Kiritimati  the last day of a month, late"
  "2028-02-29T12:00:00+00:00        UTC                  Pacific/Pago_Pago   29 February"
  "2027-03-14T03:30:00-04:00        America/New_York     UTC                 spring forward, New York"
  "2026-11-01T01:30:00-05:00        America/New_York     Europe/London       fall back, New York (second 01:30)"
)
failed=()
for line in "${DAYS[@]}"; do
  read -r now zone machine_tz label <<<"$line"
  echo "=== $now in $zone (machine TZ $machine_tz):${label}"
  if ! ORBIT_TEST_NOW=$now ORBIT_TEST_TZ=$zone TZ=$machine_tz "$PYTHON" -m pytest -q "$@"; then
    failed+=("$now $zone")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'Failed on: %s\n' "${failed[@]}"
  exit 1
fi
echo "Every day held."
