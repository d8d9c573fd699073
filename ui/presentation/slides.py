"""The presentation mode: slides (plain data from models.slides) rendered full-screen as HTML.

Every value from the database is escaped (html.escape) before it goes into the HTML; the HTML is
shown with st.html, which neither runs scripts nor reads Markdown. Two high-contrast themes; a
traffic-light colour always comes with its words.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import streamlit as st

from models.formats import format_date, format_number, format_percent
from models.rules import LIGHTS, progress_text
from models.texts import light_words, localised_column
from ui.shell.texts import language, t


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    muted: str
    card: str
    accent: str
    track: str
    lights: dict[str, tuple[str, str]]  # colour -> (badge background, badge text)


# Both meet WCAG AA (text 4.5:1, the progress bar 3:1 against its track and the page); see tests/ui.
THEMES = {
    "hell": Theme(
        background="#ffffff", text="#111111", muted="#3b3b3b", card="#eef2f6", accent="#0b4f8a", track="#c9d1da",
        lights={"green": ("#0a6b2c", "#ffffff"), "yellow": ("#ffd23f", "#111111"),
                "red": ("#b3141b", "#ffffff"), "grey": ("#595959", "#ffffff")},
    ),
    "dunkel": Theme(
        background="#000000", text="#ffffff", muted="#d6d6d6", card="#1a1a1a", accent="#7cc4ff", track="#3d3d3d",
        lights={"green": ("#5bd68a", "#000000"), "yellow": ("#ffd23f", "#000000"),
                "red": ("#ff8a8a", "#000000"), "grey": ("#c4c4c4", "#000000")},
    ),
}
SNAPSHOT_BANNER = ("#ffd23f", "#000000")
# Below this height (a 1280x720 projector) a list shows SHORT_LIST rows and "… und N weitere" for the rest.
SHORT_SCREEN_PX = 820
SHORT_LIST = 2
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")


def e(value: object) -> str:
    """Database text made safe for HTML, on one line (non-breaking spaces stay)."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip())


# --- page style ------------------------------------------------------------------------------------

def page_css(theme: Theme) -> str:
    """Hide the app's chrome (header, toolbar, top navigation, sidebar) and set the theme's colours."""
    return f"""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stTopNav"] {{display: none !important;}}
[data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  background: {theme.background}; color: {theme.text};}}
[data-testid="stMainBlockContainer"] {{padding: 1rem 2.5rem 1.5rem; max-width: 100%;}}
[data-testid="stMain"] [data-testid="stExpander"] summary, [data-testid="stMain"] [data-testid="stExpander"] p,
[data-testid="stMain"] [data-testid="stWidgetLabel"] p, [data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] [data-testid="stPageLink"] p, [data-testid="stMain"] [data-testid="stExpander"] label,
[data-testid="stMain"] [data-testid="stExpander"] label p, [data-testid="stMain"] [data-testid="stExpander"] h3
{{color: {theme.text};}}
[data-testid="stMain"] [data-testid="stExpander"] details {{border-color: {theme.muted};}}
[data-testid="stMain"] [data-testid="stExpander"] summary {{background: {theme.card};}}
[data-testid="stMain"] button[kind="secondary"] {{background: {theme.card}; color: {theme.text};
  border: 2px solid {theme.text}; font-size: 1.3rem; min-height: 3rem;}}
[data-testid="stMain"] button[kind="secondary"]:disabled {{opacity: .45;}}
[data-testid="stMain"] button[kind="secondary"] p {{font-size: 1.3rem !important; color: {theme.text};}}
.mpc-slide {{background: {theme.background}; color: {theme.text}; min-height: calc(100vh - 9rem);
  display: flex; flex-direction: column; gap: min(1.1rem, 1.6vh); line-height: 1.25;
  font-size: clamp(1rem, min(1.75vw, 2.75vh), 2.1rem);}}
.mpc-slide h1 {{font-size: clamp(1.7rem, min(3.9vw, 5.6vh), 4.4rem); line-height: 1.1; margin: 0; padding: 0;
  color: {theme.text}; font-weight: 700;}}
.mpc-slide .mpc-title-state {{font-size: 1.15em; font-weight: 600; margin: 0;}}
.mpc-slide h2 {{font-size: 1.05em; margin: 0 0 .4em; padding: 0; color: {theme.text}; font-weight: 700;}}
.mpc-kicker {{font-size: .8em; color: {theme.muted}; font-weight: 600;}}
.mpc-sub {{font-size: .95em; color: {theme.muted};}}
.mpc-banner {{background: {SNAPSHOT_BANNER[0]}; color: {SNAPSHOT_BANNER[1]}; font-weight: 700; font-size: .8em;
  padding: .3em .7em; border-radius: .3em;}}
.mpc-example {{display: inline-block; border: 3px solid {theme.text}; color: {theme.text}; font-weight: 700;
  padding: .1em .6em; border-radius: .3em; font-size: .8em;}}
.mpc-figures {{display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 1rem;}}
.mpc-figure {{background: {theme.card}; border-radius: .5rem; padding: .5em .8em;}}
.mpc-value {{font-size: 2em; font-weight: 700; line-height: 1.1;}}
.mpc-label {{font-size: .8em; color: {theme.muted};}}
.mpc-lights {{display: flex; flex-wrap: wrap; gap: .5rem .8rem;}}
.mpc-light {{display: inline-block; padding: .12em .55em; border-radius: .35em; font-weight: 700; font-size: .85em;
  white-space: nowrap;}}
{_light_classes(theme)}
.mpc-progress {{display: flex; align-items: center; gap: 1rem;}}
.mpc-bar {{flex: 1; height: .85em; background: {theme.track}; border-radius: .45em; overflow: hidden;
  border: 1px solid {theme.muted}; min-width: 6rem;}}
.mpc-bar > span {{display: block; height: 100%; background: {theme.accent};}}
.mpc-pct {{font-weight: 700; min-width: 5.5ch; text-align: right;}}
.mpc-slide .mpc-three ul.mpc-list > li {{font-size: .75em !important;}}
.mpc-columns {{display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.2rem 2.5rem;}}
.mpc-slide ul.mpc-list {{list-style: none; padding: 0 !important; margin: 0 !important; font-size: 1em !important;}}
.mpc-slide ul.mpc-list > li {{padding: .3em 0 !important; margin: 0 !important; border-bottom: 2px solid {theme.track};
  font-size: .9em !important; line-height: 1.3;}}
.mpc-slide ul.mpc-list > li::before, .mpc-slide ul.mpc-list > li::marker {{content: none;}}
.mpc-row {{display: flex; flex-wrap: wrap; gap: .2rem .8rem; align-items: baseline;}}
.mpc-code {{font-weight: 700;}}
.mpc-note {{color: {theme.muted}; font-size: .85em;}}
.mpc-table {{border-collapse: collapse; width: 100%; font-size: .9em;}}
.mpc-table th, .mpc-table td {{text-align: left; padding: .3em .6em; border-bottom: 2px solid {theme.track};
  color: {theme.text};}}
.mpc-table td.mpc-num, .mpc-table th.mpc-num {{text-align: right;}}
/* A low screen (a 720-px projector) shows the first rows of a long list and says how many more there are. */
.mpc-more-short {{display: none;}}
@media (max-height: {SHORT_SCREEN_PX}px) {{
  .mpc-slide ul.mpc-list > li.mpc-extra, .mpc-slide ul.mpc-list > li.mpc-more-long {{display: none;}}
  .mpc-slide ul.mpc-list > li.mpc-more-short {{display: list-item;}}
}}
.mpc-footer {{margin-top: auto; font-size: .65em; color: {theme.muted}; display: flex; flex-wrap: wrap;
  justify-content: space-between; gap: 1rem; border-top: 2px solid {theme.track}; padding-top: .4em;}}
</style>"""


def _light_classes(theme: Theme) -> str:
    return "\n".join(f".mpc-light-{colour} {{background: {back}; color: {fore};}}"
                     for colour, (back, fore) in theme.lights.items())


# --- slide HTML ------------------------------------------------------------------------------------

def slide_html(deck: dict, slide: dict, number: int, count: int, banner: str | None = None) -> str:
    """One slide as HTML: banner (a frozen meeting view), the slide's body, a footer with the position."""
    if slide["kind"] == "guiding_goal":  # its annual goals say when they are an earlier year's
        slide = {**slide, "stand_year": dt.date.fromisoformat(deck["as_of"]).year}
    body = SLIDE_BUILDERS[slide["kind"]](slide)
    label = t("presentation.slide_label", number=number, count=count, title=slide_title(slide))
    parts = [f'<section class="mpc-slide" aria-label="{e(label)}">']
    if banner:
        parts.append(f'<div class="mpc-banner">{e(banner)}</div>')
    parts.append(body)
    parts.append(_footer(deck, number, count))
    parts.append("</section>")
    return "".join(parts)


def slide_title(slide: dict) -> str:
    fixed = {"successes": "presentation.successes", "open_issues": "presentation.issues",
             "comparison": "presentation.compare"}
    return t(fixed[slide["kind"]]) if slide["kind"] in fixed else slide["title"]


def _footer(deck: dict, number: int, count: int) -> str:
    left = f'{e(deck["plan"]["name"])} · {e(t("presentation.as_of", date=_date(deck["as_of"])))}'
    if deck["plan"]["is_example"]:
        left += f' · {e(t("presentation.example"))}'
    right = e(t("presentation.position", number=number, count=count))
    return f'<div class="mpc-footer"><span>{left}</span><span>{right}</span></div>'


def _date(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso)) if iso else "–"


def _percent(value: float | None) -> str:
    return t("rollup.empty") if value is None else format_percent(value)


def _progress_bar(value: float | None) -> str:
    if value is None:
        return f'<div class="mpc-progress"><span class="mpc-note">{e(t("rollup.empty"))}</span></div>'
    width = max(0.0, min(100.0, float(value)))
    return (f'<div class="mpc-progress" role="img" aria-label="{e(t("presentation.progress_of", value=_percent(value)))}">'
            f'<div class="mpc-bar"><span style="width:{width:.1f}%"></span></div>'
            f'<span class="mpc-pct">{e(_percent(value))}</span></div>')


def _light_badge(colour: str | None, text: str | None = None) -> str:
    if colour is None:
        return ""
    words = text if text is not None else light_words(colour, language())
    return f'<span class="mpc-light mpc-light-{e(colour)}">{e(words)}</span>'


def _level_badge(level: dict) -> str:
    """A level's light with its distribution over the active measures (decks frozen before it: colour words)."""
    words = level.get(localised_column("light_words", language()))
    return _light_badge(level["light"], words)


def _level_light_line(slide: dict) -> str:
    """The level's own light in a sentence: colour, distribution and the reason (not in decks frozen before)."""
    if "light_words" not in slide:
        return ""
    lang = language()
    return (f'<p class="mpc-note">{_level_badge(slide)} '
            f'{e(slide[localised_column("light_reason", lang)])}</p>')


def _lights_row(lights: dict[str, int]) -> str:
    badges = [
        _light_badge(colour, t("presentation.light_count", words=light_words(colour, language()),
                               count=format_number(lights.get(colour, 0))))
        for colour in LIGHTS
    ]
    return f'<div class="mpc-lights">{"".join(badges)}</div>'


def _figure(value: str, label_key: str) -> str:
    return (f'<div class="mpc-figure"><div class="mpc-value">{e(value)}</div>'
            f'<div class="mpc-label">{e(t(label_key))}</div></div>')


def _items(rows: list[str], total: int, key: str) -> str:
    """List rows (each "<li>...</li>") with "… und N weitere" for the TOTAL - len(ROWS) not in the deck; on a
    low screen only the first SHORT_LIST rows show, with their own "… und N weitere" (see page_css)."""
    items = [row if index < SHORT_LIST else row.replace("<li>", '<li class="mpc-extra">', 1)
             for index, row in enumerate(rows)]
    if total > len(rows):
        items.append(f'<li class="mpc-note mpc-more-long">{e(t(key, count=format_number(total - len(rows))))}</li>')
    if total > SHORT_LIST and len(rows) > SHORT_LIST:
        items.append(f'<li class="mpc-note mpc-more-short">{e(t(key, count=format_number(total - SHORT_LIST)))}</li>')
    return "".join(items)


def title_body(slide: dict) -> str:
    figures = slide["figures"]
    parts = [f'<div class="mpc-kicker">{e(t("presentation.kicker.title", owner=slide["owner"]))}</div>',
             f'<h1>{e(slide["title"])}</h1>']
    if slide["is_example"]:
        parts.append(f'<div><span class="mpc-example">{e(t("presentation.example"))}</span></div>')
    parts.append(f'<p class="mpc-title-state">{e(state_sentence(slide))}</p>')  # it begins with the Stand
    parts.append('<div class="mpc-figures">'
                 + _figure(format_number(figures["action_fields"]), "presentation.figure.action_fields")
                 + _figure(format_number(figures["guiding_goals"]), "presentation.figure.guiding_goals")
                 + _figure(format_number(figures["measures"]), "presentation.figure.measures")
                 + _figure(_percent(figures["progress"]), "presentation.figure.progress")
                 + "</div>")
    parts.append(f'<h2>{e(t("presentation.lights", count=format_number(figures["measures"])))}</h2>'
                 + _lights_row(figures["lights"]))
    return "".join(parts)


def state_sentence(slide: dict) -> str:
    """The plan's state in one sentence: measures, how many red and yellow (in words), this year's annual goals."""
    figures = slide["figures"]
    this_year = slide.get("this_year")  # decks frozen before it have none
    annual = ""
    if this_year is not None:
        if not this_year["goals"]:
            annual = t("presentation.state.annual_none", year=this_year["year"])
        elif this_year["progress"] is None:
            annual = t("presentation.state.annual_empty", year=this_year["year"])
        else:
            annual = t("presentation.state.annual", year=this_year["year"],
                       progress=format_percent(this_year["progress"]))
    return t("presentation.state", date=_date(slide["as_of"]), measures=format_number(figures["measures"]),
             red=format_number(figures["lights"].get("red", 0)),
             yellow=format_number(figures["lights"].get("yellow", 0)), annual=annual)


def action_field_body(slide: dict) -> str:
    parts = [f'<div class="mpc-kicker">{e(t("presentation.kicker.field", code=slide["code"]))}</div>',
             f'<h1>{e(slide["title"])}</h1>',
             _progress_bar(slide["progress"]),
             _level_light_line(slide),
             f'<h2>{e(t("presentation.lights", count=format_number(slide["measures"])))}</h2>'
             + _lights_row(slide["lights"]),
             f'<h2>{e(t("presentation.goals"))}</h2>']
    if not slide["guiding_goals"]:
        parts.append(f'<p class="mpc-note">{e(t("presentation.goals_none"))}</p>')
        return "".join(parts)
    rows = [
        f'<li><div class="mpc-row"><span class="mpc-code">{e(goal["code"])}</span><span>{e(goal["title"])}</span>'
        f'{_level_badge(goal)}</div>{_progress_bar(goal["progress"])}</li>'
        for goal in slide["guiding_goals"]
    ]
    parts.append(f'<ul class="mpc-list">{"".join(rows)}</ul>')
    return "".join(parts)


def guiding_goal_body(slide: dict) -> str:
    parts = [f'<div class="mpc-kicker">{e(t("presentation.kicker.goal", code=slide["code"], field=slide["action_field"]))}</div>',
             f'<h1>{e(slide["title"])}</h1>',
             _progress_bar(slide["progress"]),
             _level_light_line(slide),
             f'<h2>{e(t("presentation.lights", count=format_number(slide["measures"])))}</h2>'
             + _lights_row(slide["lights"]),
             f'<div class="mpc-columns"><div>{_annual_goals(slide)}</div><div>{_indicators(slide)}</div></div>']
    return "".join(parts)


def _annual_goals(slide: dict) -> str:
    if slide["year"] is None:
        return (f'<h2>{e(t("presentation.annual_plain"))}</h2>'
                f'<p class="mpc-note">{e(t("presentation.annual_none"))}</p>')
    rows = []
    for goal in slide["annual_goals"]:
        marker = f'<span class="mpc-example">{e(t("presentation.prioritised"))}</span>' if goal["prioritised"] else ""
        rows.append(f'<li><div class="mpc-row"><span class="mpc-code">{e(goal["code"])}</span>'
                    f'<span>{e(goal["title"])}</span>{marker}{_level_badge(goal)}</div>'
                    f'{_progress_bar(goal["progress"])}</li>')
    items = _items(rows, slide["annual_goals_total"], "presentation.annual_more")
    return f'<h2>{e(annual_heading(slide["year"], slide.get("stand_year")))}</h2><ul class="mpc-list">{items}</ul>'


def annual_heading(year: int, stand_year: int | None) -> str:
    """"Jahresziele 2026"; an earlier year's goals (the Leitziel has none for the Stand's year) say so."""
    if stand_year is None or year >= stand_year:
        return t("presentation.annual", year=year)
    key = "presentation.annual_previous" if year == stand_year - 1 else "presentation.annual_older"
    return t(key, year=year, current=stand_year)


def _indicators(slide: dict) -> str:
    heading = f'<h2>{e(t("presentation.indicators"))}</h2>'
    if not slide["indicators"]:
        return heading + f'<p class="mpc-note">{e(t("presentation.indicators_none"))}</p>'
    rows = []
    for indicator in slide["indicators"]:
        rows.append(f'<li><div><span class="mpc-code">{e(indicator["title"])}</span></div>'
                    f'<div class="mpc-row"><span>{e(_indicator_value(indicator))}</span>'
                    f'<span class="mpc-note">{e(_indicator_target(indicator))}</span>'
                    f'<span class="mpc-note">· {e(t("indicators.verdict." + indicator["verdict"]))}</span></div></li>')
    return heading + f'<ul class="mpc-list">{"".join(rows)}</ul>'


def _with_unit(value: float, unit: str) -> str:
    number = format_number(value, 0 if float(value).is_integer() else 1)
    return f"{number}\u00a0{unit}" if unit else number


def _indicator_value(indicator: dict) -> str:
    if indicator["hidden"]:
        return t("presentation.indicator_hidden")
    if indicator["value"] is None:
        return t("presentation.indicator_none")
    return t("presentation.indicator_value", value=_with_unit(indicator["value"], indicator["unit"]),
             date=_date(indicator["value_date"]))


def _indicator_target(indicator: dict) -> str:
    if indicator["target_value"] is None:
        return t("indicators.verdict.no_target")
    return t("presentation.indicator_target", value=_with_unit(indicator["target_value"], indicator["unit"]),
             date=_date(indicator["target_date"]))


def successes_body(slide: dict) -> str:
    parts = [f'<h1>{e(t("presentation.successes"))}</h1>']
    if slide["since"] is None:
        parts.append(f'<p class="mpc-sub">{e(t("presentation.successes.no_meeting", until=_date(slide["until"])))}</p>')
        return "".join(parts)
    since = t("presentation.successes.since", date=_date(slide["since"]), body=slide["since_body"],
              until=_date(slide["until"]))
    reports = t("presentation.successes.reports", count=format_number(slide["reports"]))
    parts.append(f'<div class="mpc-sub">{e(since)}: <strong>{e(reports)}</strong></div>')
    if not slide["completions"] and not slide["improvements"]:
        parts.append(f'<p class="mpc-note">{e(t("presentation.successes.nothing"))}</p>')
        return "".join(parts)
    completed = [_measure_row(row, t("presentation.successes.completed_on", date=_date(row["date"])))
                 for row in slide["completions"]]
    improved = [_measure_row(row, t("presentation.successes.change", before=t(f"status.{row['before']}"),
                                    after=t(f"status.{row['after']}"), progress=progress_text(row["progress"], language())))
                for row in slide["improvements"]]
    parts.append('<div class="mpc-columns">'
                 f'<div><h2>{e(t("presentation.successes.completions", count=format_number(slide["completions_total"])))}</h2>'
                 f'{_list(completed, slide["completions_total"])}</div>'
                 f'<div><h2>{e(t("presentation.successes.improvements", count=format_number(slide["improvements_total"])))}</h2>'
                 f'{_list(improved, slide["improvements_total"])}</div>'
                 '</div>')
    return "".join(parts)


def _measure_row(row: dict, detail: str, badge: str = "", with_lead: bool = True) -> str:
    lead = f'<span class="mpc-note">{e(row["lead"])}</span>' if with_lead and row.get("lead") else ""
    return (f'<li><div class="mpc-row"><span class="mpc-code">{e(row["code"])}</span><span>{e(row["title"])}</span>'
            f'</div><div class="mpc-row">{badge}<span>{e(detail)}</span>{lead}</div></li>')


def _list(rows: list[str], total: int) -> str:
    if not rows:
        return f'<p class="mpc-note">{e(t("presentation.issues.none"))}</p>'
    return f'<ul class="mpc-list">{_items(rows, total, "presentation.issues.more")}</ul>'


def open_issues_body(slide: dict) -> str:
    reason = "reason" if language() == "de" else "reason_en"
    overdue = [_measure_row(row, row[reason], _light_badge(row["light"]), False) for row in slide["overdue"]]
    at_risk = [_measure_row(row, row[reason], _light_badge(row["light"]), False) for row in slide["at_risk"]]
    stale = [_measure_row(row, _last_report(row), _light_badge(row["light"]), False) for row in slide["stale"]]
    columns = (("presentation.issues.overdue", overdue, slide["overdue_total"]),
               ("presentation.issues.at_risk", at_risk, slide["at_risk_total"]),
               ("presentation.issues.stale", stale, slide["stale_total"]))
    blocks = "".join(f'<div><h2>{e(t(key, count=format_number(total)))}</h2>{_list(rows, total)}</div>'
                     for key, rows, total in columns)
    return f'<h1>{e(t("presentation.issues"))}</h1><div class="mpc-columns mpc-three">{blocks}</div>'


def _last_report(row: dict) -> str:
    if row["last_report_date"] is None:
        return t("presentation.issues.no_report")
    return t("presentation.issues.last_report", date=_date(row["last_report_date"]))


def comparison_body(slide: dict) -> str:
    head = (f'<tr><th>{e(t("presentation.compare.figure"))}</th><th class="mpc-num">{e(t("presentation.compare.then"))}</th>'
            f'<th class="mpc-num">{e(t("presentation.compare.now"))}</th></tr>')
    figures = "".join(
        f'<tr><td>{e(_figure_label(row["key"]))}</td><td class="mpc-num">{e(_figure_value(row["key"], row["then"]))}</td>'
        f'<td class="mpc-num">{e(_figure_value(row["key"], row["now"]))}</td></tr>'
        for row in slide["figures"]
    )
    goals = "".join(
        f'<tr><td><span class="mpc-code">{e(row["code"])}</span> {e(row["title"])}</td>'
        f'<td class="mpc-num">{e(_compared_progress(row["then"]))}</td><td class="mpc-num">{e(_compared_progress(row["now"]))}</td></tr>'
        for row in slide["goals"]
    )
    sub = t("presentation.compare.sub", then=_date(slide["then_as_of"]), now=_date(slide["now_as_of"]))
    return (f'<h1>{e(t("presentation.compare"))}</h1><div class="mpc-sub">{e(sub)}</div>'
            f'<div class="mpc-columns"><div><table class="mpc-table">{head}{figures}</table></div>'
            f'<div><h2>{e(t("presentation.compare.goals"))}</h2><table class="mpc-table">{head.replace(e(t("presentation.compare.figure")), e(t("presentation.goals")))}{goals}</table></div></div>')


def _figure_label(key: str) -> str:
    if key.startswith("light."):
        return light_words(key.split(".", 1)[1], language())
    return t(f"presentation.figure.{key}")


def _figure_value(key: str, value) -> str:
    if value is None:
        return t("presentation.compare.missing")
    return _percent(value) if key == "progress" else format_number(value)


def _compared_progress(value: float | None) -> str:
    return t("presentation.compare.missing") if value is None else format_percent(value)


SLIDE_BUILDERS = {
    "title": title_body,
    "action_field": action_field_body,
    "guiding_goal": guiding_goal_body,
    "successes": successes_body,
    "open_issues": open_issues_body,
    "comparison": comparison_body,
}


def show_style(theme: str) -> None:
    st.html(page_css(THEMES[theme]))


def show_slide(deck: dict, slides: list[dict], number: int, banner: str | None) -> None:
    st.html(slide_html(deck, slides[number - 1], number, len(slides), banner))
