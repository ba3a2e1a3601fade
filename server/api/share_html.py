"""The HTML of a share's page (issue 25), the printable week's sibling: one document, its style
inline and allowed by hash, its charts inline SVG, no script and no address of anything else,
so that what it shows is all it sends. Every word the reader sees is in WORDS."""
import base64
import datetime
import hashlib
from html import escape

WORDS = {
    "title": "Shared by Orbit", "brand": "Orbit · Shared with {name}",
    "heading": "Progress, {first} – {last}",
    "lead": "Read-only, shared on purpose: only what the person who sent this link chose.",
    "habits": "Habits", "summaries": "Week by week", "identities": "Who they are becoming",
    "mood": "Mood", "mood_none": "No moods recorded in these weeks.",
    "mood_scale": "Weekly average, 1 (low) to 5 (high).",
    "wellbeing": "Wellbeing (WHO-5)",
    "wellbeing_scale": "Score 0–100; 50 or below suggests talking it through with someone.",
    "wellbeing_none": "No wellbeing checks in these weeks.",
    "notes": "Notes", "notes_none": "No notes in these weeks.",
    "week": "Week of {day}", "done": "{done} of {asked}", "month": "{done} of {asked} this month",
    "not_asked": "not asked", "streak": "streak {length}", "strength": "strength {percent}",
    "totals": "{done} of {asked} done ({percent}).", "mood_line": "Mood {average:.1f}.",
    "votes": "“{statement}”: {votes} votes.",
    "foot": "Made with Orbit. This link works until the person who shared it ends it.",
    "gone_title": "This link doesn't work", "gone": "It may have expired or been ended by the "
    "person who shared it, or been copied only in part. Ask them for a new one if you need it.",
}
UNITS = {"days": ("day", "days"), "weeks": ("week", "weeks"), "months": ("month", "months")}

CSS = """:root{color-scheme:light dark;--bg:#f5f4fb;--surface:#fff;--surface-2:#efeef7;
--text:#1b1a2e;--muted:#5b5972;--border:#e1dfee;--accent:#5b4fe0}
@media (prefers-color-scheme:dark){:root{--bg:#0f1016;--surface:#1a1b25;--surface-2:#242533;
--text:#eeedf7;--muted:#a8a7bd;--border:#2f3042;--accent:#9a91ff}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);
font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:44rem;margin:0 auto;padding:16px}
.sheet{display:grid;gap:18px;padding:22px 20px;border-radius:20px;background:var(--surface)}
h1{font-size:24px;margin:0;letter-spacing:-.02em}p{margin:0}
.brand,.muted,.foot{color:var(--muted);font-size:13.5px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 8px}
table{width:100%;border-collapse:collapse;font-size:14.5px}
th,td{padding:7px 6px;text-align:left;vertical-align:top;border-bottom:1px solid var(--border)}
thead th{color:var(--muted);font-size:12.5px}td:nth-child(2){white-space:nowrap}tbody th{font-weight:650;overflow-wrap:anywhere}
ul{margin:0;padding-left:20px;display:grid;gap:6px}
.habit{margin-bottom:14px}.habit h3{margin:0 0 4px;font-size:16px;overflow-wrap:anywhere}
svg{display:block;width:100%;max-width:36rem;height:auto}
.line{fill:none;stroke:var(--accent);stroke-width:2.5}.dot{fill:var(--accent)}
.grid{stroke:var(--border)}.label{fill:var(--muted);font-size:11px}
.foot{text-align:center}
@media print{@page{size:A4;margin:16mm}:root{color-scheme:light;--bg:#fff;--surface:#fff;
--text:#111018;--muted:#4d4b60;--border:#d9d7e6;--accent:#4b3fd0}main{max-width:none;padding:0}
.sheet{padding:0}section,tr{break-inside:avoid}}"""
# The policy: nothing may be fetched, run, framed or submitted; only this style block applies.
POLICY = ("default-src 'none'; style-src 'sha256-"
          + base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
          + "'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
DOCUMENT = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            'content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">'
            '<title>{title}</title><style>{css}</style></head><body><main>{body}</main></body>'
            '</html>')


def document(body):
    return DOCUMENT.format(title=escape(WORDS["title"]), css=CSS, body=body)


def gone_page():
    """The one answer for an unknown, revoked or expired link."""
    return document(f'<article class="sheet"><h1>{escape(WORDS["gone_title"])}</h1>'
                    f'<p>{escape(WORDS["gone"])}</p></article>')


def short_date(day):
    day = day if isinstance(day, datetime.date) else datetime.date.fromisoformat(day)
    return f"{day:%a} {day.day} {day:%b}"


def long_date(day):
    return f"{short_date(day)} {day.year}"


def percent(rate):
    return "–" if rate is None else f"{round(rate * 100)}%"


def streak(row):
    length, unit = row["streak"]["current"], row["streak"]["unit"]
    one, many = UNITS.get(unit, (unit, unit))
    return WORDS["streak"].format(length=f"{length} {one if length == 1 else many}")


def progress(row):
    if row["scheduled"] is None:
        return WORDS["month"].format(done=row.get("month_done", 0),
                                     asked=row.get("month_required", 0))
    if not row["scheduled"]:
        return WORDS["not_asked"]
    return WORDS["done"].format(done=row["done"], asked=row["scheduled"])


def section(title, inner):
    return f'<section><h2>{escape(WORDS[title])}</h2>{inner}</section>'


def trend_svg(points, low, high, label):
    """A small line chart of (label date, value or None), drawn here: no script, no request."""
    width, height, pad = 320, 120, 24
    known = [(i, v) for i, (_, v) in enumerate(points) if v is not None]
    step = (width - 2 * pad) / max(len(points) - 1, 1)

    def y(value):
        return height - pad - (value - low) / (high - low) * (height - 2 * pad)
    coords = [(pad + i * step, y(v)) for i, v in known]
    parts = [f'<line class="grid" x1="{pad}" x2="{width - pad}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
             f'<text class="label" x="0" y="{y(v) + 4:.1f}">{v:g}</text>' for v in (low, high)]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coords)
        parts.append(f'<polyline class="line" points="{path}"/>')
    parts += [f'<circle class="dot" cx="{x:.1f}" cy="{yy:.1f}" r="3.5"/>' for x, yy in coords]
    if points:
        parts.append(f'<text class="label" x="{pad}" y="{height - 4}">'
                     f'{escape(short_date(points[0][0]))}</text>')
        parts.append(f'<text class="label" x="{width - pad}" y="{height - 4}" text-anchor="end">'
                     f'{escape(short_date(points[-1][0]))}</text>')
    text = "; ".join(f"{short_date(d)}: {'–' if v is None else f'{v:g}'}" for d, v in points)
    return (f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}: '
            f'{escape(text)}">{"".join(parts)}</svg>')
