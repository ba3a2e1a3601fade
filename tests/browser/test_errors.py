"""API errors reach the person as readable messages, and forms keep what was typed."""
import json

from playwright.sync_api import expect


def test_taken_email_is_explained_and_the_form_keeps_its_values(app_page, email, sign_up, console_errors, shoot):
    page = app_page
    sign_up(page, email)
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()

    console_errors.allow("status of 409")
    page.get_by_role("link", name="Create an account").click()
    # The sign-up form replaces the sign-in one once it knows who may sign up (GET /signups):
    # typing before that typed into the form about to go.
    expect(page.get_by_role("heading", level=1, name="Create your account")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("another long password")
    page.get_by_role("button", name="Create account").click()
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    assert "409" not in alert.inner_text() and alert.inner_text().strip()
    expect(page.get_by_label("Email")).to_have_value(email)
    expect(page.get_by_label("Password")).to_have_value("another long password")
    shoot(page, "30-error-email-taken")

    console_errors.allow("status of 401")
    page.get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", level=1, name="Welcome back")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()


def test_editor_shows_field_errors_from_the_api(signed_up, console_errors, shoot):
    page = signed_up
    console_errors.allow("status of 422")
    page.get_by_role("button", name="New habit").click()
    page.get_by_label("Name").fill("Read")
    page.get_by_label("Why it matters").fill("Stories calm me down.")
    page.get_by_role("radio", name="A count").check()
    page.get_by_label("Unit").fill("pages")
    page.get_by_role("button", name="Save").click()  # no target: the API refuses it

    expect(page.get_by_role("alert")).to_be_visible()
    target_field = page.locator('[data-field="target"]')
    expect(target_field.locator(".field-error")).to_be_visible()
    expect(page.get_by_label("Daily target")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Name")).to_have_value("Read")
    expect(page.get_by_label("Why it matters")).to_have_value("Stories calm me down.")
    expect(page.get_by_label("Unit")).to_have_value("pages")
    shoot(page, "31-error-editor-field")

    page.get_by_label("Daily target").fill("10")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()

    # Changing how a habit is measured once it has check-ins is refused, with the reason shown.
    page.get_by_role("button", name="Add 1 page to Read").click()
    expect(page.locator(".habit-card")).to_contain_text("1 / 10 pages")
    page.get_by_role("link", name="Read").first.click()
    page.get_by_role("link", name="Edit Read").click()
    page.get_by_role("radio", name="Minutes", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator('[data-field="measure"] .field-error')).to_have_text(
        "This can't change any more: the habit already has days logged.")
    expect(page.get_by_role("radio", name="Minutes", exact=True)).to_be_checked()
    expect(page.get_by_role("heading", level=1, name="Edit habit")).to_be_visible()


def test_a_field_error_is_worded_from_its_code_not_its_english(signed_up, console_errors):
    """The server's real answer to a name of 81 characters, with every word of English in it
    replaced: only its codes ({"code": "too_long", "min": 1, "max": 80}) can say what is wrong."""
    page = signed_up
    console_errors.allow("status of 422")
    seen = []

    def too_long_a_name(route):
        body = json.loads(route.request.post_data) | {"name": "x" * 81}
        response = route.fetch(post_data=json.dumps(body))
        error = response.json()["error"]
        seen.append(error["codes"])
        error["message"] = "..."
        error["fields"] = {name: ["(no words to read)"] for name in error["fields"]}
        route.fulfill(response=response, json={"error": error})

    page.route("**/api/v1/habits", lambda route: too_long_a_name(route)
               if route.request.method == "POST" else route.continue_())
    page.get_by_role("button", name="New habit").click()
    page.get_by_label("Name").fill("Read")
    page.get_by_role("button", name="Save").click()
    name_error = page.locator('[data-field="name"] .field-error')
    expect(name_error).to_have_text("Write 1 to 80 characters.")
    assert seen == [{"name": [{"code": "too_long", "min": 1, "max": 80}]}]
    expect(page.get_by_text("no words to read")).to_have_count(0)
    expect(page.get_by_label("Name")).to_have_value("Read")
