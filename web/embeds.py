"""Embeds for the district's website: small server-rendered HTML pages under /einbetten/v1 (models.embeds).

/einbetten/v1/<plan>/massnahme/<Kürzel>, /leitziel/<Kürzel>, /kennzahl/<Kürzel>, /ueberblick. No Streamlit, no
websocket: one request, one page of a few kilobytes, from the public rows of the read API (models.open_data: public
plans only, released reports, small counts suppressed) as of today. Every text from the database is HTML-escaped.
- A frame's parent may be the cockpit itself and the origins of MPC_EMBED_ORIGINS (Content-Security-Policy
  frame-ancestors, no X-Frame-Options); every other route stays unframeable (deploy/nginx.conf).
- The page posts its height to the parent ({type: "masterplan-cockpit:height", height}) on load and resize; the
  README has the listener for the district's page.
- ETag by the plan's change counter (and the widget and day): If-None-Match gives 304.
- An unknown or non-public plan, or an unknown code, is a German 404 page with nothing of the plan's content.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import logging
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from models import embeds, open_data
from models.embeds import EMBED_PREFIX, GOAL, HEADLINES, INDICATOR, MEASURE, Origins
from models.formats import LOCAL_TIME, format_date, format_number, format_percent
from models.open_data import NotPublic, PublicPlan
from models.rules import progress_text
from web.api import ANSWERS, TokenBucket, client_of, configured_bucket, takes_gzip
from web.database import app_engine
from web.wording import say

MAX_AGE_SECONDS = 60
EMBED_ROOT = EMBED_PREFIX.rsplit("/", 1)[0]  # /einbetten: every address below it is the embeds'
_log = logging.getLogger(__name__)

# Tells the parent page this page's height (the height of its content, not of the frame).
HEIGHT_SCRIPT = (
    "(function(){function send(){parent.postMessage({type:\"" + embeds.HEIGHT_MESSAGE + "\",height:"
    "Math.ceil(document.documentElement.getBoundingClientRect().height)},\"*\");}"
    "addEventListener(\"load\",send);addEventListener(\"resize\",send);"
    "if(window.ResizeObserver){new ResizeObserver(send).observe(document.body);}})();"
)
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(HEIGHT_SCRIPT.encode()).digest()).decode()

# Colours with a contrast of at least 4.5:1 on white; a light is always named in words beside its colour.
LIGHT_COLOURS = {"grün": "#1a7f37", "gelb": "#8a5a00", "rot": "#c62828", "grau": "#57606a"}
LIGHT_ORDER = ("rot", "gelb", "grün", "grau")
GREY = LIGHT_ORDER[-1]
# The indicators' assessments (open data's German words) that count as on course in the headline figures.
_ON_COURSE = tuple(dict(open_data.VERDICT_WORDS)[code] for code in ("on_track", "reached"))

STYLE = """
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#fff;
font-size:16px;line-height:1.45}
body{margin:0;padding:.75rem 1rem}
h1{font-size:1.15rem;margin:0 0 .4rem}
h2{font-size:1rem;margin:.8rem 0 .3rem}
p{margin:.3rem 0}
.meta{color:#57606a;font-size:.875rem}
.light{display:inline-block;padding:.05rem .5rem;border-radius:1rem;color:#fff;font-weight:600}
.progress{background:#eaeef2;border-radius:.25rem;height:.75rem;overflow:hidden;margin:.2rem 0 .5rem}
.progress>span{display:block;height:100%;background:#0a58ca}
.bar{display:flex;height:1rem;border-radius:.25rem;overflow:hidden;margin:.3rem 0}
.bar>span{display:block;height:100%}
dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .8rem;margin:.4rem 0}
dt{color:#57606a}dd{margin:0}
table{border-collapse:collapse;font-size:.875rem;margin:.3rem 0}
th,td{border-bottom:1px solid #d0d7de;padding:.15rem .6rem .15rem 0;text-align:left}
td.number{text-align:right}
figure{margin:.3rem 0}
.figures{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.4rem 0}
.figures div{min-width:7rem}.figures strong{display:block;font-size:1.4rem}
a{color:#0a58ca}
details{font-size:.875rem}
h3{font-size:.95rem;margin:0 0 .2rem}
.level{border-left:4px solid #d0d7de;padding-left:.75rem}
ul.goals{list-style:none;padding:0;margin:.3rem 0}
ul.goals>li{border-top:1px solid #d0d7de;padding:.4rem 0}
"""


def policy(origins: Origins) -> str:
    """The embeds' Content-Security-Policy: nothing from elsewhere, the one inline script by its hash, framed only
    by the cockpit and the allowed origins."""
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            f"script-src '{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'; {embeds.frame_ancestors(origins)}")


def routes(engine: Callable[[], Engine] | None = None, origins: Origins | None = None,
           bucket: TokenBucket | None = None) -> list[Route]:
    """The embeds' routes on the app's database; the allowed origins of MPC_EMBED_ORIGINS, checked once here
    (at start): a bad setting is logged in German and none applied. The same bounded rate per client as the
    read API (a bucket of its own)."""
    engine = engine or app_engine
    if origins is None:
        origins = embeds.configured_origins()
        if origins.bad:
            _log.error("%s", say("embed.bad_origins", variable=embeds.ORIGINS_ENV, entries=", ".join(origins.bad)))
    header = policy(origins)
    bucket = bucket or configured_bucket()

    def endpoint(build: Callable[[Request, Engine, PublicPlan, dt.date], tuple[str, str]]):
        def run(request: Request) -> Response:
            return _answer(request, header, lambda: _page(request, engine(), build), bucket)
        return run

    return [
        Route(f"{EMBED_PREFIX}/{{plan}}/{MEASURE}/{{code}}", endpoint(_measure), methods=["GET", "HEAD"]),
        Route(f"{EMBED_PREFIX}/{{plan}}/{GOAL}/{{code}}", endpoint(_goal), methods=["GET", "HEAD"]),
        Route(f"{EMBED_PREFIX}/{{plan}}/{INDICATOR}/{{code}}", endpoint(_indicator), methods=["GET", "HEAD"]),
        Route(f"{EMBED_PREFIX}/{{plan}}/{HEADLINES}", endpoint(_headlines), methods=["GET", "HEAD"]),
        # Any other address under /einbetten (another version, a typo) is the German 404 page, not the app's.
        Route(EMBED_ROOT, lambda request: _answer(request, header, _unknown, bucket), methods=["GET", "HEAD"]),
        Route(f"{EMBED_ROOT}/{{rest:path}}", lambda request: _answer(request, header, _unknown, bucket),
              methods=["GET", "HEAD"]),
    ]


class _Missing(LookupError):
    """Answered with the German 404 page."""


def _answer(request: Request, header: str, handle: Callable[[], Response], bucket: TokenBucket) -> Response:
    try:
        wait = bucket.take(client_of(request))
        if wait:
            seconds = max(1, math.ceil(wait))
            response = _document(say("embed.too_many_title"), f"<p>{_e(say('api.too_many', seconds=seconds))}</p>",
                                 status=429)
            response.headers["Retry-After"] = str(seconds)
        else:
            response = handle()
    except (_Missing, NotPublic):
        response = _document(say("embed.not_found_title"), f"<h1>{_e(say('embed.not_found_title'))}</h1>"
                             f"<p>{_e(say('embed.not_found'))}</p>", status=404)
    except Exception:  # noqa: BLE001 - the reader gets a German sentence, the log the traceback
        _log.exception("The embed failed on %s", request.url.path)
        response = _document(say("embed.failed_title"), f"<p>{_e(say('embed.failed'))}</p>", status=500)
    response.headers["Content-Security-Policy"] = header
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


def _page(request: Request, engine: Engine,
          build: Callable[[Request, Engine, PublicPlan, dt.date], tuple[str, str]]) -> Response:
    plan = open_data.public_plan(engine, request.path_params["plan"])
    today = dt.datetime.now(LOCAL_TIME).date()
    etag = '"' + hashlib.sha256(f"embed|{request.url.path}|{plan.id}|{plan.change_counter}|{today}|"
                                f"{_base(request)}".encode()).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE_SECONDS}"}
    asked = [tag.strip().removeprefix("W/") for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in asked:
        return Response(status_code=304, headers=headers)
    response = ANSWERS.answer(etag, lambda: _document(*build(request, engine, plan, today)), takes_gzip(request))
    response.headers.update(headers)
    return response


def _document(title: str, body: str, status: int = 200) -> HTMLResponse:
    page = (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{_e(title)}</title><style>{STYLE}</style></head>'
            f'<body><main>{body}</main><script>{HEIGHT_SCRIPT}</script></body></html>')
    headers = {} if status == 200 else {"Cache-Control": "no-store"}
    return HTMLResponse(page, status_code=status, headers=headers)


# --- the widgets ---------------------------------------------------------------------------------------

def _unknown() -> Response:
    raise _Missing()


_ROWS: OrderedDict[tuple, list[dict[str, Any]]] = OrderedDict()
_ROWS_KEPT = 8
_ROWS_LOCK = threading.Lock()


def _rows(engine: Engine, plan: PublicPlan, dataset: str, today: dt.date) -> list[dict[str, Any]]:
    """A dataset's public rows, read once per plan state and day for all the widgets that show one of them (each
    measure card would otherwise read the whole list)."""
    key = (str(engine.url), plan.id, plan.change_counter, dataset, today)
    with _ROWS_LOCK:
        found = _ROWS.get(key)
        if found is not None:
            _ROWS.move_to_end(key)
            return found
    found = open_data.rows(engine, plan, open_data.BY_NAME[dataset], today)
    with _ROWS_LOCK:
        _ROWS[key] = found
        while len(_ROWS) > _ROWS_KEPT:
            _ROWS.popitem(last=False)
    return found


def _one(rows: list[dict[str, Any]], code: str, field: str = "kuerzel") -> dict[str, Any]:
    found = next((row for row in rows if row[field] == code), None)
    if found is None:
        raise _Missing(code)
    return found


def _measure(request: Request, engine: Engine, plan: PublicPlan, today: dt.date) -> tuple[str, str]:
    measure = _one(_rows(engine, plan, "massnahmen", today), request.path_params["code"])
    reports = [row for row in _rows(engine, plan, "sachstaende", today) if row["massnahme"] == measure["kuerzel"]]
    last = reports[-1] if reports else None
    report = (f"<h2>{_e(say('embed.last_report', date=format_date(last['datum'])))}</h2>"
              f"<p>{_e(last['zusammenfassung'] or say('embed.no_summary'))}</p>" if last
              else f"<p>{_e(say('embed.no_report'))}</p>")
    body = (f"<h1>{_e(measure['kuerzel'])} · {_e(measure['titel'])}</h1>"
            f"<p>{_light(measure['ampel'], measure['ampel_text'])} <span class=\"meta\">"
            f"{_e(say('embed.status', status=measure['status']))}</span></p>"
            f"{_progress(measure['fortschritt'])}"
            f"<dl><dt>{_e(say('embed.lead'))}</dt><dd>{_e(measure['federfuehrung'] or '–')}</dd>"
            f"<dt>{_e(say('embed.period'))}</dt><dd>{_e(format_date(measure['beginn']))} – "
            f"{_e(format_date(measure['ende']))}</dd></dl>{report}"
            f"{_footer(request, plan, MEASURE, today)}")
    return f"{measure['kuerzel']} · {measure['titel']}", body


def _goal(request: Request, engine: Engine, plan: PublicPlan, today: dt.date) -> tuple[str, str]:
    """The Leitziel's light with what it counts (its running measures of all its Jahresziele) and why, then each
    Jahresziel with its own light over its own running measures: two labelled levels, not two counts of one."""
    goal = _one(_rows(engine, plan, "leitziele", today), request.path_params["code"])
    measures = [row for row in _rows(engine, plan, "massnahmen", today) if row["leitziel"] == goal["kuerzel"]]
    running = [row for row in measures if row["laufend"]]
    counts = {light: sum(1 for row in running if row["ampel"] == light) for light in LIGHT_ORDER}
    bar = "".join(f'<span style="width:{100 * counts[light] / len(running):.2f}%;'
                  f'background:{LIGHT_COLOURS[light]}"></span>' for light in LIGHT_ORDER if counts[light])
    left_out = len(measures) - len(running)
    annual = sorted((row for row in _rows(engine, plan, "jahresziele", today) if row["leitziel"] == goal["kuerzel"]),
                    key=lambda row: (-row["jahr"], row["kuerzel"]))
    items = "".join(
        f'<li><h3>{_e(say("embed.annual_goal", code=row["kuerzel"], year=row["jahr"]))}: {_e(row["titel"])}</h3>'
        f'<p>{_e(say("embed.annual_goal_light"))} {_light(row["ampel"], row["ampel_text"])}'
        + (f' {_e(row["ampel_verteilung"])}' if row["ampel"] != GREY else "") + "</p>"
        f'<p class="meta">{_e(say("embed.progress_is", value=_percent(row["fortschritt"])))}</p></li>'
        for row in annual)
    body = (f"<h1>{_e(say('embed.goal', code=goal['kuerzel']))}: {_e(goal['titel'])}</h1>"
            f'<section class="level"><h2>{_e(say("embed.goal_light"))}</h2>'
            f"<p>{_light(goal['ampel'], goal['ampel_text'])}</p>"
            + (f'<div class="bar" aria-hidden="true">{bar}</div>' if running else "")
            + f"<p>{_e(say('embed.goal_counted', distribution=goal['ampel_verteilung']))}</p>"
            + (f"<p>{_e(say('embed.reason', reason=goal['ampel_grund']))}</p>" if goal["ampel"] != GREY else "")
            + (f"<p class=\"meta\">{_e(say('embed.not_counted', count=left_out, total=len(measures), year=today.year))}"
               f"</p>" if left_out else "")
            + f"<p>{_e(say('embed.goal_progress', value=_percent(goal['fortschritt'])))}</p>"
            f'{_bar(goal["fortschritt"])}</section>'
            f"<h2>{_e(say('embed.annual_goals'))}</h2>"
            + (f"<p class=\"meta\">{_e(say('embed.annual_goals_note'))}</p><ul class=\"goals\">{items}</ul>" if annual
               else f"<p>{_e(say('embed.no_annual_goals'))}</p>")
            + _footer(request, plan, GOAL, today))
    return f"{goal['kuerzel']} · {goal['titel']}", body


def _indicator(request: Request, engine: Engine, plan: PublicPlan, today: dt.date) -> tuple[str, str]:
    indicator = _one(_rows(engine, plan, "kennzahlen", today), request.path_params["code"])
    values = [row for row in _rows(engine, plan, "kennzahlwerte", today) if row["kennzahl"] == indicator["kuerzel"]]
    unit = indicator["einheit"] or ""
    table = "".join(
        f"<tr><td>{_e(format_date(row['datum']))}</td><td class=\"number\">"
        f"{_e(say('embed.suppressed') if row['unterdrueckt'] else _number(row['wert'], unit))}</td></tr>"
        for row in values)
    target = (say("embed.target", value=_number(indicator["ziel_wert"], unit),
                  date=format_date(indicator["ziel_datum"])) if indicator["ziel_wert"] is not None else "")
    body = (f"<h1>{_e(indicator['kuerzel'])} · {_e(indicator['titel'])}</h1>"
            f"<p>{_e(target)}</p>"
            f"<figure>{_chart(values, indicator, unit)}<figcaption class=\"meta\">"
            f"{_e(say('embed.chart_caption', title=indicator['titel']))}</figcaption></figure>"
            f"<details><summary>{_e(say('embed.values'))}</summary><table><thead><tr>"
            f"<th scope=\"col\">{_e(say('embed.date'))}</th><th scope=\"col\">{_e(say('embed.value'))}</th>"
            f"</tr></thead><tbody>{table}</tbody></table></details>"
            + (f"<p class=\"meta\">{_e(say('embed.source', source=indicator['quelle']))}</p>"
               if indicator["quelle"] else "")
            + _footer(request, plan, INDICATOR, today))
    return f"{indicator['kuerzel']} · {indicator['titel']}", body


def _headlines(request: Request, engine: Engine, plan: PublicPlan, today: dt.date) -> tuple[str, str]:
    fields = _rows(engine, plan, "handlungsfelder", today)
    goals = _rows(engine, plan, "leitziele", today)
    measures = _rows(engine, plan, "massnahmen", today)
    indicators = _rows(engine, plan, "kennzahlen", today)
    progress = [row["fortschritt"] for row in fields if row["fortschritt"] is not None]
    counts = {light: sum(1 for row in measures if row["ampel"] == light) for light in LIGHT_ORDER}
    figures = [
        (say("embed.fields"), format_number(len(fields))),
        (say("embed.goals"), format_number(len(goals))),
        (say("embed.measures"), format_number(len(measures))),
        (say("embed.completed"), format_number(sum(1 for row in measures if row["status"] == "abgeschlossen"))),
        (say("embed.progress"), format_percent(sum(progress) / len(progress) if progress else None)),
        (say("embed.on_track"), say("embed.of", part=format_number(
            sum(1 for row in indicators if row["bewertung"] in _ON_COURSE)),
            whole=format_number(len(indicators)))),
    ]
    lights = "".join(f"<li>{_light(light, say('embed.count_light', count=counts[light], light=light))}</li>"
                     for light in LIGHT_ORDER)
    body = (f"<h1>{_e(plan.name)}</h1><p class=\"meta\">{_e(plan.owner)}</p>"
            f'<div class="figures">'
            + "".join(f"<div><strong>{_e(value)}</strong>{_e(label)}</div>" for label, value in figures)
            + f"</div><h2>{_e(say('embed.lights'))}</h2>"
            f'<ul style="list-style:none;padding:0;display:flex;gap:.5rem;flex-wrap:wrap">{lights}</ul>'
            f"{_footer(request, plan, HEADLINES, today)}")
    return plan.name, body


# --- pieces --------------------------------------------------------------------------------------------

def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    return f"{format_number(value, decimals)} {unit}".strip()


def _light(colour: str, words: str) -> str:
    return (f'<span class="light" style="background:{LIGHT_COLOURS.get(colour, LIGHT_COLOURS["grau"])}">'
            f"{_e(words)}</span>")


def _progress(value: float | None) -> str:
    """The progress in words and as a bar; without a figure "keine Angabe" and no bar (never 0 %)."""
    return f"<p>{_e(say('embed.progress_is', value=_percent(value)))}</p>{_bar(value)}"


def _percent(value: float | None) -> str:
    return progress_text(value, "de", 0 if value is None or float(value).is_integer() else 1)


def _bar(value: float | None) -> str:
    if value is None:
        return ""
    width = max(0.0, min(100.0, float(value)))
    return f'<div class="progress" aria-hidden="true"><span style="width:{width:.1f}%"></span></div>'


def _base(request: Request) -> str:
    configured = os.environ.get("MPC_PUBLIC_URL", "").strip()
    return configured.rstrip("/") if configured else str(request.base_url).rstrip("/")


def _footer(request: Request, plan: PublicPlan, widget: str, today: dt.date) -> str:
    link = embeds.app_link(_base(request), plan.slug, widget)
    return (f'<p class="meta">{_e(say("embed.stand", date=format_date(today)))} · '
            f'<a href="{_e(link)}" target="_blank" rel="noopener">{_e(say("embed.source_link", plan=plan.name))}</a>'
            f" · {_e(say('embed.licence', licence=plan.licence_name))}</p>")


def _chart(values: list[dict[str, Any]], indicator: dict[str, Any], unit: str) -> str:
    """An inline SVG line chart of the shown values (gaps where a value is suppressed), with its target as a
    dashed line; role img with a text alternative (the table below has every value)."""
    shown = [row for row in values if row["wert"] is not None]
    label = say("embed.chart_alt", title=indicator["titel"], count=len(shown),
                first=format_date(shown[0]["datum"]) if shown else "–",
                last=format_date(shown[-1]["datum"]) if shown else "–",
                value=_number(shown[-1]["wert"], unit) if shown else "–")
    if not shown:
        return f"<p>{_e(say('embed.no_values'))}</p>"
    width, height, left, right, top, bottom = 560, 200, 64, 12, 12, 28
    numbers = [row["wert"] for row in shown] + ([indicator["ziel_wert"]] if indicator["ziel_wert"] is not None else [])
    low, high = min(0.0, min(numbers)), max(numbers)
    high = high if high > low else low + 1
    days = [row["datum"].toordinal() for row in values]
    first, last = min(days), max(days)
    span = max(last - first, 1)

    def x(day: dt.date) -> float:
        return left + (day.toordinal() - first) / span * (width - left - right)

    def y(value: float) -> float:
        return top + (1 - (value - low) / (high - low)) * (height - top - bottom)

    segments, current = [], []
    for row in values:
        if row["wert"] is None:
            if current:
                segments.append(current)
            current = []
        else:
            current.append(f"{x(row['datum']):.1f},{y(row['wert']):.1f}")
    if current:
        segments.append(current)
    lines = "".join(f'<polyline points="{" ".join(points)}" fill="none" stroke="#0a58ca" stroke-width="2"/>'
                    for points in segments)
    dots = "".join(f'<circle cx="{x(row["datum"]):.1f}" cy="{y(row["wert"]):.1f}" r="3" fill="#0a58ca"/>'
                   for row in shown)
    target = ""
    if indicator["ziel_wert"] is not None:
        target = (f'<line x1="{left}" x2="{width - right}" y1="{y(indicator["ziel_wert"]):.1f}" '
                  f'y2="{y(indicator["ziel_wert"]):.1f}" stroke="#57606a" stroke-dasharray="4 3"/>'
                  f'<text x="{width - right}" y="{y(indicator["ziel_wert"]) - 4:.1f}" text-anchor="end" '
                  f'font-size="11" fill="#57606a">{_e(say("embed.target_short"))}</text>')
    axis = (f'<line x1="{left}" x2="{left}" y1="{top}" y2="{height - bottom}" stroke="#8c959f"/>'
            f'<line x1="{left}" x2="{width - right}" y1="{height - bottom}" y2="{height - bottom}" stroke="#8c959f"/>'
            f'<text x="{left - 6}" y="{y(high) + 4:.1f}" text-anchor="end" font-size="11" fill="#1f2328">'
            f"{_e(_number(high, ''))}</text>"
            f'<text x="{left - 6}" y="{y(low) + 4:.1f}" text-anchor="end" font-size="11" fill="#1f2328">'
            f"{_e(_number(low, ''))}</text>"
            f'<text x="{left}" y="{height - 8}" font-size="11" fill="#1f2328">'
            f"{_e(format_date(values[0]['datum']))}</text>"
            f'<text x="{width - right}" y="{height - 8}" text-anchor="end" font-size="11" fill="#1f2328">'
            f"{_e(format_date(values[-1]['datum']))}</text>")
    return (f'<svg role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" width="100%" '
            f'style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg"><title>{_e(label)}</title>'
            f"{axis}{target}{lines}{dots}</svg>")
