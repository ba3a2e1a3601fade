"""The page of a reminder's "Later" (issue 27): what a tap on a notification opens where the
browser shows no action buttons (Safari on iOS), and what a reminder email's Later link opens.
Its GET only shows (mail scanners open links); each choice is a form that POSTs. No script, as
the unsubscribe page; every word the user reads is here."""
from html import escape

PAGE = """<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title} · Orbit</title>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#1d2330;background:#fafaf7">
<h1 style="font-size:1.5rem;margin:0 0 .25rem">{title}</h1><p style="margin:0 0 1.25rem">{text}</p>
{forms}<p style="margin-top:1.5rem"><a href="{app}" style="color:#2454b8">Open Orbit</a></p></body></html>"""
BUTTON = ('<form method="post" action="{action}" style="margin:0 0 .75rem">'
          '<button type="submit" style="{style}">{label}</button></form>')
STYLE = ("display:block;width:100%;min-height:48px;font-size:1.05rem;border-radius:12px;"
         "padding:.7rem 1rem;cursor:pointer;")
PRIMARY = STYLE + "background:#2454b8;color:#fff;border:0;"
SECONDARY = STYLE + "background:#fff;color:#1d2330;border:1px solid #b9bfcc;"

WORDS = {
    "ask": "Done already, or later? Orbit reminds you once more at the time you pick, unless "
           "it's done by then.",
    "ask_no_done": "Not now? Orbit reminds you once more at the time you pick, unless it's done "
                   "by then.",
    "done": "Done", "30m": "In 30 minutes ({time})", "1h": "In an hour ({time})",
    "evening": "This evening ({time})", "later_heading": "Later",
    "snoozed_title": "Reminder at {time}",
    "snoozed": "Orbit reminds you again at {time}, unless it's done by then.",
    "logged_title": "Logged",
    "logged": "Done for the day. Every one counts.",
    "used": "This Done was used already or has expired. Open Orbit to log it there.",
    "gone_title": "This link no longer works",
}


def choices_page(title, times, done_action, app_url):
    """Done (when the notification had one) and Later's three times, each a POST."""
    forms = []
    if done_action:
        forms.append(BUTTON.format(action=escape(done_action), style=PRIMARY,
                                   label=WORDS["done"]))
    forms.append(f'<h2 style="font-size:1.1rem;margin:1.25rem 0 .5rem">{WORDS["later_heading"]}'
                 "</h2>")
    for choice, (action, time) in times.items():
        forms.append(BUTTON.format(action=escape(action), style=SECONDARY,
                                   label=WORDS[choice].format(time=time)))
    return PAGE.format(title=escape(title), text=WORDS["ask" if done_action else "ask_no_done"],
                       forms="".join(forms), app=escape(app_url))


def snoozed_page(title, time, app_url):
    return PAGE.format(title=escape(WORDS["snoozed_title"].format(time=time)),
                       text=escape(WORDS["snoozed"].format(time=time)) + f" ({escape(title)})",
                       forms="", app=escape(app_url))


def logged_page(title, app_url, ok=True):
    return PAGE.format(title=escape(f"{WORDS['logged_title']}: {title}" if ok else title),
                       text=WORDS["logged" if ok else "used"], forms="", app=escape(app_url))
