"""What the API tests share: checking the error envelope, and the dates of a user's today."""
import datetime
import threading

from tests import clock
from tests.clock import day  # noqa: F401 (the API tests import it from here)

ONE_DAY = datetime.timedelta(days=1)


def error_of(response, status, code):
    """Assert that `response` is the one error envelope with this status and code; its `error`."""
    assert response.status_code == status, (response.status_code, response.get_json())
    body = response.get_json()
    assert list(body) == ["error"], body
    error = body["error"]
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and error["message"], error
    assert ("fields" in error) == (code == "validation_error"), error  # for validation only
    return error


def field_errors(response, field):
    """Assert a 422 naming `field`; the messages for it."""
    error = error_of(response, 422, "validation_error")
    assert field in error["fields"], error
    return error["fields"][field]


def local_today(tz=clock.ZONE):
    """Today's date in the time zone `tz`, computed apart from the server's own code."""
    return clock.today(tz)


def put_checkin(client, habit, date, body=None):
    """PUT a check-in that must succeed; its JSON."""
    response = client.put(f"/habits/{habit['id']}/checkins/{date}", body or {})
    assert response.status_code in (200, 201), response.get_json()
    return response.get_json()


def at_once(calls):
    """Run the calls in threads released together; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
