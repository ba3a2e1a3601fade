"""Settings → API tokens at 390x844 (issue 27): a token limited to logging chosen habits, made
with a tap per habit; the secret shown once with the address a shortcut sends to; the list says
what each token can do. The token made here is then used as a shortcut would use it."""
import json
import urllib.error
import urllib.request

from playwright.sync_api import expect

from tests import clock


def send(url, method, token, body=None):
    """One request as a phone shortcut sends it: (status, JSON answer)."""
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(
        body).encode(), headers={"Authorization": f"Bearer {token}",
                                 "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_token_for_logging_chosen_habits(signed_up, call_api, live_server, shoot):
    page = signed_up
    walk = call_api("return api.createHabit({ name: 'Walk' })")
    call_api("return api.createHabit({ name: 'Therapy notes', private: true })")
    call_api("return api.createToken('Laptop script')")
    page.goto("/#/settings")
    section = page.get_by_role("region", name="API tokens")
    expect(section.locator(".token-row")).to_have_count(1)
    expect(section.locator(".token-row")).to_contain_text("Full access")
    section.get_by_label("Token label").fill("Walk shortcut")
    section.get_by_role("radio", name="Log chosen habits").check()
    picker = section.get_by_role("group", name="Habits it may log")
    expect(picker.get_by_role("checkbox")).to_have_count(2)
    # None chosen: said on the form, nothing made.
    section.get_by_role("button", name="Create token").click()
    expect(picker).to_contain_text("Choose at least one habit for it to log.")
    picker.get_by_label("Walk").check()
    shoot(page, "tokens-01-scoped-form")
    section.get_by_role("button", name="Create token").click()
    reveal = section.locator(".token-reveal")
    expect(reveal).to_contain_text("Your new token “Walk shortcut”")
    today = clock.today().isoformat()
    url = f"{live_server}/api/v1/habits/{walk['id']}/checkins/{today}"
    expect(reveal).to_contain_text(f"Walk: {url}")
    rows = section.locator(".token-row")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("Logs Walk")
    reveal.scroll_into_view_if_needed()
    shoot(page, "tokens-02-scoped-made")
    page.emulate_media(color_scheme="dark")
    reveal.evaluate("(el) => el.scrollIntoView()")
    shoot(page, "tokens-03-scoped-made-dark")
    page.emulate_media(color_scheme="light")

    token = section.get_by_label("Token for Walk shortcut").input_value()
    assert send(url, "PUT", token, {})[0] == 201
    status, answer = send(f"{live_server}/api/v1/habits", "GET", token)
    assert status == 403 and answer["error"]["code"] == "forbidden"
    [listed] = [t for t in call_api("return api.listTokens()") if t["name"] == "Walk shortcut"]
    assert (listed["scope"], listed["habit_ids"]) == ("checkins", [walk["id"]])
    # Back on Today the shortcut's tap shows as done.
    page.goto("/#/today")
    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
