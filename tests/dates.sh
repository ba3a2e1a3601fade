#!/usr/bin/env bash
# The suite on every weekday and on awkward days, hours and time zones (tests must hold on every
# day). Each line: the instant the tests' clock starts at, the test users' and browser's time
# zone, the machine's own TZ (which no test may depend on), which tests run (all, or server: all
# but tests/browser), and what the day is. Extra arguments go to pytest, e.g.
#   bash tests/dates.sh tests/api            # only the API tests
#   bash tests/dates.sh -k today             # only tests named *today*
# ORBIT_DATES=week runs only the seven noons; ORBIT_DATES=awkward only the awkward days.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
WEEK=(
  "2026-12-14T12:00:00+00:00        UTC                  UTC                 all     Monday"
  "2026-12-15T12:00:00+00:00        UTC                  Asia/Tokyo          server  Tuesday"
  "2026-12-16T12:00:00+00:00        UTC                  UTC                 server  Wednesday"
  "2026-12-17T12:00:00+00:00        UTC                  America/New_York    server  Thursday"
  "2026-12-18T12:00:00+00:00        UTC                  UTC                 server  Friday"
  "2026-12-19T12:00:00+00:00        UTC                  Europe/Berlin       server  Saturday"
  "2026-12-20T12:00:00+00:00        UTC                  UTC                 all     Sunday"
)
AWKWARD=(
  "2026-12-02T23:40:00+14:00        Pacific/Kiritimati   America/Los_Angeles all     Wednesday, late, UTC+14"
  "2026-12-06T00:20:00-11:00        Pacific/Pago_Pago    Asia/Tokyo          all     Sunday, just after midnight, UTC-11"
  "2027-01-01T00:05:00+01:00        Europe/Berlin        UTC                 all     the 1st of a month and a year"
  "2027-01-31T23:50:00-05:00        America/New_York     Pacific/Kiritimati  all     the last day of a month, late"
  "2028-02-29T12:00:00+00:00        UTC                  Pacific/Pago_Pago   all     29 February"
  "2027-03-14T03:30:00-04:00        America/New_York     UTC                 all     spring forward, New York"
  "2026-11-01T01:30:00-05:00        America/New_York     Europe/London       all     fall back, New York (second 01:30)"
)
case "${ORBIT_DATES:-both}" in
  week) DAYS=("${WEEK[@]}") ;;
  awkward) DAYS=("${AWKWARD[@]}") ;;
  *) DAYS=("${WEEK[@]}" "${AWKWARD[@]}") ;;
esac
failed=()
for line in "${DAYS[@]}"; do
  read -r now zone machine_tz suite label <<<"$line"
  echo "=== $now in $zone (machine TZ $machine_tz, $suite tests): $label"
  skip=()
  [ "$suite" = server ] && skip=(--ignore=tests/browser)
  if ! ORBIT_TEST_NOW=$now ORBIT_TEST_TZ=$zone TZ=$machine_tz "$PYTHON" -m pytest -q "${skip[@]}" "$@"; then
    failed+=("$now $zone")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'Failed on: %s\n' "${failed[@]}"
  exit 1
fi
echo "Every day held."
