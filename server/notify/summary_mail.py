"""The weekly summary as an email: a subject, a plain-text part and an HTML part with inline
styles only and nothing fetched from anywhere. The summary given was computed with private
habits hidden ("Private habit"), so nothing here can name one."""
import datetime
from html import escape

from ..domain.plans import sentence

ACCENT, INK, MUTED, LINE = "#2f6fed", "#1f2430", "#5b6270", "#e6e8ee"


def _date(iso, year=False):
    day = datetime.date.fromisoformat(iso)
    return f"{day:%a} {day.day} {day:%b}" + (f" {day.year}" if year else "")


def _percent(rate):
    return "–" if rate is None else f"{round(rate * 100)}%"


def summary_subject(summary):
    totals = summary["totals"]
    done = (f"{totals['done']} of {totals['scheduled']} done" if totals["scheduled"]
            else "a fresh start")
    return f"Your week, {_date(summary['week_start'])} – {_date(summary['week_end'])}: {done}"


def habit_line(row):
    """"Walk: 5 of 7 · streak 5 days" (per_month habits: the month so far)."""
    if row["scheduled"] is None:
        progress = f"{row.get('month_done', 0)} of {row.get('month_required', 0)} this month"
    else:
        progress = f"{row['done']} of {row['scheduled']}"
    streak = row["streak"]
    unit = streak["unit"] if streak["current"] != 1 else streak["unit"].removesuffix("s")
    return f"{row['name']}: {progress} · streak {streak['current']} {unit}"


def sections(summary):
    """(heading, lines) of the summary, shared by both parts."""
    totals, mood = summary["totals"], summary["mood"]
    overview = [f"{totals['done']} of {totals['scheduled']} done ({_percent(totals['rate'])}), "
                f"last week {_percent(totals['previous_rate'])}."]
    if totals["minutes"]:
        overview.append(f"{totals['minutes']:g} minutes of practice.")
    if mood["average"] is not None:
        before = (f" (last week {mood['previous_average']:.1f})"
                  if mood["previous_average"] is not None else "")
        overview.append(f"Mood {mood['average']:.1f} over {mood['days']} days{before}.")
    habits = []
    for row in summary["habits"]:
        habits.append(habit_line(row))
        if row["suggestion"]:
            habits.append(f"  Next step: {row['suggestion']['text']}")
        if row.get("plan"):  # a week that went hard: the habit's own if-then plan (issue 24)
            habits.append(f"  Your plan: {sentence(row['plan']['cue'], row['plan']['action'])}")
    identities = [f"“{i['statement']}”: {i['votes']} votes (last week {i['previous_votes']})"
                  for i in summary["identities"]]
    return [(None, overview), ("Highlights", summary["highlights"]), ("Habits", habits),
            ("Who you are becoming", identities),
            ("Insights", [insight["text"] for insight in summary["insights"]])]


def summary_text(summary, base_url):
    title = (f"Your week, {_date(summary['week_start'])} – "
             f"{_date(summary['week_end'], year=True)}")
    parts = [title, ""]
    for heading, lines in sections(summary):
        if not lines:
            continue
        if heading:
            parts.append(heading)
        parts.extend(f"- {line}" if heading else line for line in lines)
        parts.append("")
    parts.append(f"Open the week in Orbit: {base_url}/#/week/{summary['week_start']}")
    return "\n".join(parts) + "\n"


def summary_html(summary, base_url):
    title = escape(f"Your week, {_date(summary['week_start'])} – "
                   f"{_date(summary['week_end'], year=True)}")
    blocks = [f'<h1 style="font-size:22px;margin:0 0 12px;color:{INK}">{title}</h1>']
    for heading, lines in sections(summary):
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
    blocks.append(f'<p style="margin:24px 0 0"><a href="{link}" style="color:#fff;background:'
                  f'{ACCENT};padding:10px 16px;border-radius:8px;text-decoration:none;'
                  'display:inline-block">Open the week in Orbit</a></p>')
    body = "".join(blocks)
    return ('<!doctype html><html><body style="margin:0;padding:0;background:#f5f6f8">'
            f'<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;'
            f'font-family:-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;'
            f'line-height:1.5;color:{INK}">{body}'
            f'<p style="margin:24px 0 0;font-size:12px;color:{MUTED}">Sent by your Orbit. '
            "Private habits are never named in email.</p></div></body></html>")
