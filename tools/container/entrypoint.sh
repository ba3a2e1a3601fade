#!/bin/sh
# The image's entrypoint: bring the schema up to date (`flask --app server init-db`), then run the
# command (gunicorn by default; `flask --app server reminders run` for a dispatcher). The database
# may still be starting (compose starts PostgreSQL alongside), so init-db is tried for a while.
set -e
tries=${ORBIT_INIT_DB_TRIES:-30}
until flask --app server init-db; do
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then
        echo "orbit: the database did not answer; giving up." >&2
        exit 1
    fi
    echo "orbit: the database is not ready; trying again in 2 s." >&2
    sleep 2
done
exec "$@"
