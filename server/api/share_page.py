"""A share's page at /s/<token> (issue 25): read-only, no sign-in, drawn here from exactly what
the user chose (store/share_content.py). An unknown, revoked and expired link get one answer,
the same kind page; every opening of a live one is logged (store/shares.py)."""
from html import escape

from flask import Blueprint, Response, request

from ..store.share_content import share_content
from ..store.shares import open_share
from .share_html import (POLICY, WORDS, document, gone_page, long_date, percent, progress,
                         section, short_date, streak, trend_svg)

page = Blueprint("share_page", __name__)
# Nothing about the link leaves with a click, is stored, or is indexed.
HEADERS = {"Content-Security-Policy": POLICY, "Cache-Control": "no-store",
           "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow"}


@page.get("/s/<token>")
def shared(token):
    """The share's page, or the one kind 404 page."""
    share = open_share(token, request.headers.get("User-Agent"))
    if share is None:
        return Response(gone_page(), 404, mimetype="text/html", headers=HEADERS)
    return Response(document(page_body(share, share_content(share))), mimetype="text/html",
                    headers=HEADERS)


def page_body(share, content):
    """The sheet: heading, habits week by week, then each part chosen."""
    weeks = content["weeks"]
    heading = WORDS["heading"].format(first=short_date(content["first"]),
                                      last=long_date(content["today"]))
    parts = [f'<header><p class="brand">{escape(WORDS["brand"].format(name=content["name"]))}'
             f'</p><h1>{escape(heading)}</h1><p class="muted">{escape(WORDS["lead"])}</p></header>']
    if content["habits"]:
        parts.append(section("habits", "".join(habit_block(h, weeks) for h in content["habits"])))
    if share.summaries:
        parts.append(section("summaries", "".join(summary_block(w, share.mood) for w in weeks)))
    if content["identities"]:
        parts.append(section("identities", "<ul>" + "".join(
            f'<li>{escape(i["statement"])}<span class="muted"> · '
            f'{escape(", ".join(i["habits"]))}</span></li>' for i in content["identities"])
            + "</ul>"))
    if content["mood"] is not None:
        known = any(v is not None for _, v in content["mood"])
        parts.append(section("mood", (trend_svg(content["mood"], 1, 5, WORDS["mood"])
                                      + f'<p class="muted">{escape(WORDS["mood_scale"])}</p>')
                             if known else f'<p class="muted">{escape(WORDS["mood_none"])}</p>'))
    if content["wellbeing"] is not None:
        points = [(day.isoformat(), score) for day, score in content["wellbeing"]]
        parts.append(section("wellbeing", (trend_svg(points, 0, 100, WORDS["wellbeing"])
                                           + f'<p class="muted">{escape(WORDS["wellbeing_scale"])}'
                                           "</p>") if points else
                             f'<p class="muted">{escape(WORDS["wellbeing_none"])}</p>'))
    if content["notes"] is not None:
        parts.append(section("notes", "<ul>" + "".join(
            f'<li><strong>{escape(short_date(n["day"]))}, {escape(n["habit"])}:</strong> '
            f'{escape(n["note"])}</li>' for n in content["notes"]) + "</ul>"
            if content["notes"] else f'<p class="muted">{escape(WORDS["notes_none"])}</p>'))
    parts.append(f'<p class="foot">{escape(WORDS["foot"])}</p>')
    return f'<article class="sheet">{"".join(parts)}</article>'


def habit_block(habit, weeks):
    """One habit's recent weeks: done of asked, streak and strength at each week's end."""
    rows = []
    for week in weeks:
        row = next((r for r in week["habits"] if r["habit_id"] == habit["id"]), None)
        if row is None:
            continue
        rows.append(f'<tr><th>{escape(WORDS["week"].format(day=short_date(week["week_start"])))}'
                    f'</th><td>{escape(progress(row))}</td><td>{escape(streak(row))}</td>'
                    f'<td>{escape(WORDS["strength"].format(percent=percent(row["strength_end"])))}</td></tr>')
    return (f'<div class="habit"><h3>{escape(habit["name"])}</h3>'
            f'<table><tbody>{"".join(rows)}</tbody></table></div>')


def summary_block(week, with_mood):
    """A week's summary in words, of the shown habits only (they are all it was computed from)."""
    totals = week["totals"]
    lines = []
    if totals["scheduled"]:
        lines.append(WORDS["totals"].format(done=totals["done"], asked=totals["scheduled"],
                                            percent=percent(totals["rate"])))
    if with_mood and week["mood"]["average"] is not None:
        lines.append(WORDS["mood_line"].format(average=week["mood"]["average"]))
    lines += week["highlights"]
    lines += [WORDS["votes"].format(**i) for i in week["identities"] if i["votes"]]
    if with_mood:
        lines += [insight["text"] for insight in week["insights"]]
    if not lines:
        return ""
    return (f'<h3>{escape(WORDS["week"].format(day=short_date(week["week_start"])))}</h3><ul>'
            + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
