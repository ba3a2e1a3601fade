"""The weekly summary as an email: a subject, a plain-text part and an HTML part with inline
styles only and nothing fetched from anywhere. The summary given was computed with private
habits hidden ("Private habit"), so nothing here can name one."""
import datetime
from html import escape

from ..domain.plans import sentence
from ..i18n import words_in

ACCENT, INK, MUTED, LINE = "#2f6fed", "#1f2430", "#5b6270", "#e6e8ee"
ENGLISH = words_in("en")


def _date(iso, words, year=False):
    day = datetime.date.fromisoformat(iso)
    # TRANSLATORS: a date in a weekly summary's title, in Babel's (CLDR) date pattern letters.
    return words.date(day, words.pgettext("date", "EEE d MMM y") if year
                      else words.pgettext("date", "EEE d MMM"))


def _percent(rate, words):
    return "–" if rate is None else words._("{percent}%", percent=round(rate * 100))


def _title(summary, words):
    return words._("Your week, {start} – {end}", start=_date(summary["week_start"], words),
                   end=_date(summary["week_end"], words, year=True))


def summary_subject(summary, words=ENGLISH):
    """The email's subject: the week and how much was done."""
    totals = summary["totals"]
    done = (words._("{done} of {scheduled} done", done=totals["done"], scheduled=totals["scheduled"])
            if totals["scheduled"] else words._("a fresh start"))
    return words._("Your week, {start} – {end}: {done}", start=_date(summary["week_start"], words),
                   end=_date(summary["week_end"], words), done=done)


def habit_line(row, words=ENGLISH):
    """"Walk: 5 of 7 · streak 5 days" (per_month habits: the month so far)."""
    if row["scheduled"] is None:
        progress = words._("{done} of {required} this month", done=row.get("month_done", 0),
                           required=row.get("month_required", 0))
    else:
        progress = words._("{done} of {scheduled}", done=row["done"], scheduled=row["scheduled"])
    streak = streak_text(row["streak"]["current"], row["streak"]["unit"], words)
    return words._("{name}: {progress} · streak {streak}", name=row["name"], progress=progress,
                   streak=streak)


def streak_text(n, unit, words):
    """"5 days", "1 week": a streak's length in its unit."""
    if unit == "weeks":
        return words.ngettext("{n} week", "{n} weeks", n)
    if unit == "months":
        return words.ngettext("{n} month", "{n} months", n)
    return words.ngettext("{n} day", "{n} days", n)


def sections(summary, words=ENGLISH):
    """(heading, lines) of the summary, shared by both parts."""
    totals, mood = summary["totals"], summary["mood"]
    overview = [words._("{done} of {scheduled} done ({rate}), last week {previous}.",
                        done=totals["done"], scheduled=totals["scheduled"],
                        rate=_percent(totals["rate"], words),
                        previous=_percent(totals["previous_rate"], words))]
    if totals["minutes"]:
        overview.append(words.ngettext("{n} minute of practice.", "{n} minutes of practice.",
                                       totals["minutes"]))
    if mood["average"] is not None:
        average = words.number(round(mood["average"], 1))
        if mood["previous_average"] is not None:
            overview.append(words.ngettext(
                "Mood {average} over {n} day (last week {previous}).",
                "Mood {average} over {n} days (last week {previous}).", mood["days"],
                average=average, previous=words.number(round(mood["previous_average"], 1))))
        else:
            overview.append(words.ngettext("Mood {average} over {n} day.",
                                           "Mood {average} over {n} days.", mood["days"],
                                           average=average))
    habits = []
    for row in summary["habits"]:
        habits.append(habit_line(row, words))
        if row["suggestion"]:
            habits.append("  " + words._("Next step: {step}", step=row["suggestion"]["text"]))
        if row.get("plan"):  # a week that went hard: the habit's own if-then plan (issue 24)
            plan = sentence(row["plan"]["cue"], row["plan"]["action"],
                            words._("When {cue}, I will {action}"))
            habits.append("  " + words._("Your plan: {plan}", plan=plan))
    identities = [words.ngettext("“{statement}”: {n} vote (last week {previous})",
                                 "“{statement}”: {n} votes (last week {previous})", i["votes"],
                                 statement=i["statement"], previous=i["previous_votes"])
                  for i in summary["identities"]]
    return [(None, overview), (words._("Highlights"), summary["highlights"]),
            (words._("Habits"), habits), (words._("Who you are becoming"), identities),
            (words._("Insights"), [insight["text"] for insight in summary["insights"]])]


def summary_text(summary, base_url, words=ENGLISH):
    """The plain-text part."""
    parts = [_title(summary, words), ""]
    for heading, lines in sections(summary, words):
        if not lines:
            continue
        if heading:
            parts.append(heading)
        parts.extend(f"- {line}" if heading else line for line in lines)
        parts.append("")
    parts.append(words._("Open the week in Orbit: {url}",
                         url=f"{base_url}/#/week/{summary['week_start']}"))
    return "\n".join(parts) + "\n"


def summary_html(summary, base_url, words=ENGLISH):
    """The HTML part: inline styles only, nothing fetched."""
    title = escape(_title(summary, words))
    blocks = [f'<h1 style="font-size:22px;margin:0 0 12px;color:{INK}">{title}</h1>']
    for heading, lines in sections(summary, words):
        if not lines:
            continue
        if heading:
            blocks.append(f'<h2 style="font-size:16px;margin:20px 0 6px;color:{ACCENT}">'
                          f"{escape(heading)}</h2>")
        items = "".join(
            f'<li style="margin:4px 0;padding:6px 0;border-bottom:1px solid {LINE}">'
            f"{escape(line.strip())}</li>" for line in lines)
        blocks.append(f'<ul style="list-style:none;margin:0;padding:0">{items}</ul>')
    link = escape(f"{base_url}/#/week/{summary['week_start']}", quote=True)
    button = escape(words._("Open the week in Orbit"))
    blocks.append(f'<p style="margin:24px 0 0"><a href="{link}" style="color:#fff;background:'
                  f'{ACCENT};padding:10px 16px;border-radius:8px;text-decoration:none;'
                  f'display:inline-block">{button}</a></p>')
    body = "".join(blocks)
    footer = escape(words._("Sent by your Orbit. Private habits are never named in email."))
    return (f'<!doctype html><html lang="{words.tag}" dir="{words.catalogue["direction"]}">'
            '<body style="margin:0;padding:0;background:#f5f6f8">'
            f'<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;'
            f'font-family:-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;'
            f'line-height:1.5;color:{INK}">{body}'
            f'<p style="margin:24px 0 0;font-size:12px;color:{MUTED}">{footer}'
            "</p></div></body></html>")
