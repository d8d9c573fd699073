"""Domain rules as pure functions: traffic light, roll-up (progress and the level's light), state as of a date,
staleness, and the rules that commands, the importer, the pages and the documents share (a report's status
and date, field sizes, "the previous meeting", who may report on a measure, small counts in the public view).

No database and no Streamlit here: every rule takes plain values and returns plain values,
so it can be tested on its edge cases and reused by queries, reports and the command line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import pandas as pd

from models.formats import format_date, format_number, format_percent
from models.texts import light_words, text

PLANNED = "geplant"
IN_PROGRESS = "in Umsetzung"
COMPLETED = "abgeschlossen"
DELAYED = "verzögert"
AT_RISK = "gefährdet"
SUSPENDED = "ausgesetzt"
MEASURE_STATUSES = (PLANNED, IN_PROGRESS, COMPLETED, DELAYED, AT_RISK, SUSPENDED)

ROLES = ("viewer", "editor", "admin")

GREY, GREEN, YELLOW, RED = "grey", "green", "yellow", "red"
LIGHTS = (GREEN, YELLOW, RED, GREY)

# Stored text holds no control characters: Excel files cannot carry them (openpyxl refuses the whole
# workbook) and PDFs show none. Line breaks become "\n"; the vertical tab (PowerPoint's soft line break) and
# the form feed count as line breaks too. Tab stays; U+FFFE, U+FFFF and lone surrogates go.
_LINE_BREAKS = re.compile(r"\r\n?|[\v\f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """The text without control characters, every line break a line feed (for every text a command stores)."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


DEFAULT_GREEN_TOLERANCE = 15
DEFAULT_STALE_AFTER_DAYS = 180
# The body whose held meetings freeze the plan's view and mark the reporting cut-offs.
REPORTING_BODY_KIND = "Fachbeirat"
# Dating a Sachstand back: editors at most this many days, and never on or before the last held meeting.
BACKDATE_DAYS = 30
# The body whose meetings the presentation speaks of ("seit der letzten Konferenz").
CONFERENCE_BODY_KIND = "Integrationskonferenz"

# Feedback on barriers (§ 4 Abs. 2 Nr. 2 and § 6 HVBIT, Hessen): a report unanswered after six weeks lets the
# reporter ask the Land's enforcement body (Durchsetzungsstelle) to step in.
BARRIER_ANSWER_DAYS = 42
BARRIERS_PER_DAY = 50  # new barrier reports the app takes per day from everyone together (a form without sign-in)


def barrier_answer_due(reported_on: dt.date) -> dt.date:
    """The day by which a barrier report is to be answered."""
    return reported_on + dt.timedelta(days=BARRIER_ANSWER_DAYS)

# Sizes of the plan's data: years of plans and annual goals, and the longest text of each kind of field
# (the schema's String(n) columns; the importer and the maintenance forms check against the same numbers).
YEAR_MIN, YEAR_MAX = 2000, 2100
CODE_MAX = 30  # Kürzel: HF1, LZ1.2, M2024-01-03
NAME_MAX = 200  # names, titles of action fields, sources, references
TITLE_MAX = 300  # titles of goals, measures and indicators
SHORT_MAX = 60  # short names and kinds


def plan_start(first_goal_year: int | None, first_measure_start: dt.date | None,
               first_report: dt.date | None) -> dt.date | None:
    """The day the plan starts: the earliest of its first annual goal's year (1 January), its measures' start
    dates and its reports (None: the plan has none of them). A Stand before it shows nothing but "geplant",
    so the API and the pages refuse it with this date."""
    candidates = [day for day in (dt.date(first_goal_year, 1, 1) if first_goal_year else None, first_measure_start,
                                  first_report) if day is not None]
    return min(candidates, default=None)


def year_in_range(year: int) -> bool:
    """Rule "plan year": the horizon of a plan and the year of an annual goal lie in YEAR_MIN..YEAR_MAX."""
    return YEAR_MIN <= year <= YEAR_MAX


def completion_matches(status: str, progress: int) -> bool:
    """Rule "abgeschlossen means 100 %": a completed measure has 100 % progress, and 100 % is only reached
    with the status abgeschlossen (the database's CHECK completed_iff_full_progress guards the same)."""
    return (status == COMPLETED) == (progress == 100)


def report_progress(status: str, progress: int | float | None) -> int | None:
    """Rule "a report without a figure": the progress a report counts with. A report that names a figure
    counts with it; one that names none (imported history, e.g. "Sachstand 2013" with a text only) counts
    with none, never a made-up 0 %, except that an abgeschlossen report without a figure counts as 100 %
    (abgeschlossen means 100 %)."""
    if progress is not None and not pd.isna(progress):
        return int(progress)
    return 100 if status == COMPLETED else None


def status_for_progress(progress: int) -> str:
    """Rule "status from the figure": the status a report that names a progress figure but no status stands
    for (an imported row with an empty status cell): 0 % geplant, 1 to 99 % in Umsetzung, 100 % abgeschlossen
    (abgeschlossen means 100 %)."""
    if progress >= 100:
        return COMPLETED
    return IN_PROGRESS if progress > 0 else PLANNED


def report_date_allowed(report_date: dt.date, today: dt.date) -> bool:
    """Rule "no report from the future": a Sachstand is dated today or earlier."""
    return report_date <= today


def may_report_on(role: str, organisation_id: int | None, lead_organisation_id: int | None,
                  partner_ids: Collection[int]) -> bool:
    """Rule "reporting scope": admins may report on every measure; an editor, or a partner link's visitor
    (role "partner"), on the measures their organisation leads or is a partner of; nobody else."""
    if role == "admin":
        return True
    if role not in ("editor", "partner") or organisation_id is None:
        return False
    return organisation_id == lead_organisation_id or organisation_id in partner_ids


def small_count_threshold(plan_threshold: int, public_view: bool) -> int:
    """Rule "small counts of people": hidden below the plan's threshold only in the public view; signed-in
    users see every value (0 hides nothing)."""
    return plan_threshold if public_view else 0


# "The previous meeting" depends on what it is for: the body kinds that count, tried in this order;
# ANY_BODY means the last meeting of whichever body. Each caller names its choice and says why.
ANY_BODY = "*"
# Übersicht: what changed since the Fachbeirat last saw the plan (its words name the Fachbeirat).
FACHBEIRAT_ONLY = (REPORTING_BODY_KIND,)
# Fachbeirat report and reporting round: the last Fachbeirat meeting; a plan without one compares with
# its last meeting of any body rather than with nothing.
FACHBEIRAT_ELSE_ANY = (REPORTING_BODY_KIND, ANY_BODY)
# Presentation: it is shown at the Integrationskonferenz, so "since the last conference" comes first.
CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY = (CONFERENCE_BODY_KIND, REPORTING_BODY_KIND, ANY_BODY)


def previous_meeting_row(meetings: pd.DataFrame, before: dt.date, kinds: Sequence[str]) -> pd.Series | None:
    """Rule "the previous meeting": the last meeting strictly before `before` of the first body kind in
    `kinds` that has one (meetings: columns meeting_date and body_kind, e.g. models.queries.meetings);
    None when there is none."""
    earlier = meetings[meetings["meeting_date"] < before]
    for kind in kinds:
        candidates = earlier if kind == ANY_BODY else earlier[earlier["body_kind"] == kind]
        if len(candidates):
            return candidates.sort_values("meeting_date", kind="stable").iloc[-1]
    return None


def previous_meeting(meetings: pd.DataFrame, before: dt.date, kinds: Sequence[str]) -> dt.date | None:
    """The date of previous_meeting_row."""
    row = previous_meeting_row(meetings, before, kinds)
    return None if row is None else row["meeting_date"]


@dataclass(frozen=True)
class TrafficLight:
    """A colour with the reason behind it: the colour is never the whole message."""

    colour: str
    reason_key: str
    params: dict[str, Any] = field(default_factory=dict)

    def reason(self, lang: str = "de") -> str:
        return text(f"reason.{self.reason_key}", lang, **self.params)

    def label(self, lang: str = "de") -> str:
        return text(f"light_label.{self.colour}", lang)


def expected_progress(start: dt.date, due: dt.date, on: dt.date) -> float:
    """Linear expectation between start (0 %) and due date (100 %).

    A due date on or before the start (bad data) expects everything from the due date on.
    """
    if due <= start:
        return 100.0 if on >= due else 0.0
    if on <= start:
        return 0.0
    if on >= due:
        return 100.0
    return 100.0 * (on - start).days / (due - start).days


def traffic_light(
    status: str,
    progress: float | None,
    start: dt.date | None,
    due: dt.date | None,
    on: dt.date,
    tolerance: float = DEFAULT_GREEN_TOLERANCE,
) -> TrafficLight:
    """The traffic light of one measure on a given date (DESIGN.md, domain rules). Without a progress figure
    (None) it goes by status and dates only; where the linear expectation would need the figure it is grey
    with the reason "kein Fortschritt gemeldet" (rules.report_progress)."""
    if status == COMPLETED:
        return TrafficLight(GREEN, "completed")
    if status == SUSPENDED:
        return TrafficLight(GREY, "suspended")
    if status == AT_RISK:
        return TrafficLight(RED, "at_risk")
    if due is not None and on > due:
        return TrafficLight(RED, "overdue", {"due": format_date(due)})
    if status == DELAYED:
        return TrafficLight(YELLOW, "delayed")
    if status == PLANNED and (start is None or on < start):
        if start is None:
            return TrafficLight(GREY, "not_started_undated")
        return TrafficLight(GREY, "not_started", {"start": format_date(start)})
    if start is None or due is None:
        return TrafficLight(GREEN, "unscheduled")
    if progress is None or pd.isna(progress):  # the linear expectation needs a figure: none is invented
        return TrafficLight(GREY, "no_progress")
    expected = expected_progress(start, due, on)
    shown = {"expected": format_percent(expected), "progress": format_percent(progress)}
    gap = expected - progress
    if gap > tolerance:
        return TrafficLight(YELLOW, "behind", {"gap": format_number(gap), **shown})
    return TrafficLight(GREEN, "on_schedule", shown)


class ReportLike(Protocol):
    report_date: dt.date
    status: str
    progress: int | None


@dataclass(frozen=True)
class MeasureState:
    """status and report_date of the latest report; progress (None: no report named a figure) and
    progress_date ("zuletzt gemeldet am …") of the latest report that counts with a figure."""

    status: str
    progress: int | None
    report_date: dt.date | None
    progress_date: dt.date | None = None


NO_REPORT = MeasureState(PLANNED, 0, None)


def state_as_of(reports: Iterable[ReportLike], on: dt.date) -> MeasureState:
    """A measure's state on a date: its latest report dated on or before it gives the status; its progress
    is the figure of the latest such report that has one (rule "a measure's progress", report_progress).

    Reports are taken in the order given for equal dates (the later one wins), so pass them in
    creation order. Without a report the measure counts as planned with 0 % progress.
    """
    latest: ReportLike | None = None
    figure: tuple[int, dt.date] | None = None
    for report in reports:
        if report.report_date <= on and (latest is None or report.report_date >= latest.report_date):
            latest = report
        counted = report_progress(report.status, report.progress)
        if report.report_date <= on and counted is not None and (figure is None or report.report_date >= figure[1]):
            figure = (counted, report.report_date)
    if latest is None:
        return NO_REPORT
    if figure is None:
        return MeasureState(latest.status, None, latest.report_date)
    return MeasureState(latest.status, figure[0], latest.report_date, figure[1])


def is_stale(
    status: str,
    last_report_date: dt.date | None,
    start: dt.date | None,
    on: dt.date,
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS,
) -> bool:
    """A running measure is stale when nobody has reported on it for too long.

    Completed and suspended measures are never stale; a measure that has not started is not
    stale either. Without any report, the time since the start counts.
    """
    if status in (COMPLETED, SUSPENDED):
        return False
    if start is not None and on < start:
        return False
    since = last_report_date or start
    if since is None:
        return False
    return (on - since).days > stale_after_days


def days_overdue(status: str, due: dt.date | None, on: dt.date) -> int:
    """How many days a measure is past its due date on `on`: 0 when it is not overdue. A measure is overdue
    when its due date has passed and it is neither abgeschlossen nor ausgesetzt (gefährdet ones count too)."""
    if status in (COMPLETED, SUSPENDED) or due is None or pd.isna(due) or on <= due:
        return 0
    return (on - due).days


def needs_attention(light: str, overdue_days: int, stale: bool) -> bool:
    """Rule "needs attention" (the Übersicht's list, ?auswahl=aufmerksamkeit on the Maßnahmen page): a
    measure whose light is red or yellow, that is overdue (days_overdue) or stale (is_stale)."""
    return light in (RED, YELLOW) or overdue_days > 0 or bool(stale)


def attention_rank(light: str) -> int:
    """The first key of the attention order: red before yellow before the rest (overdue or stale only);
    within a rank the most days overdue first, then the oldest last report (none at all first)."""
    return {RED: 0, YELLOW: 1}.get(light, 2)


RESULT_INDICATOR = "result"


def is_indicator_off_course(kind: str, direction: str, target_value: float | None, latest_value: float | None,
                            projected: float | None) -> bool:
    """Rule "indicator off course": a result indicator (context indicators are no effect of the plan) with a
    target that its latest value has not reached, whose straight line through baseline and values (the
    projection to the target date, models.indicators.project_trend) misses the target in its direction
    (increase: below it, decrease: above it). With baseline and one value this is: the value lies behind the
    straight path from baseline to target at its date. Without a target, a value or a projection nothing is
    judged (False). The Kennzahlen page calls exactly these result indicators "nicht auf Kurs"."""
    if kind != RESULT_INDICATOR or any(value is None or pd.isna(value)
                                       for value in (target_value, latest_value, projected)):
        return False
    if direction == "decrease":
        return latest_value > target_value and projected > target_value
    return latest_value < target_value and projected < target_value


def direction_is_set(kind: str, target_value: float | None) -> bool:
    """Rule "a context indicator without a target has no direction": the schema knows only increase and decrease
    (default increase), so a context indicator that an import made without a target is not said to "rise";
    with a target (or as a result indicator) its direction counts."""
    return kind == RESULT_INDICATOR or not (target_value is None or pd.isna(target_value))


@dataclass(frozen=True)
class RollUp:
    """A level's progress: None means there is nothing to average (never shown as 0 %). unreported: the
    measures left out because no report named a figure (unreported_words)."""

    progress: float | None
    counted: int
    excluded: int
    unreported: int = 0

    @property
    def is_empty(self) -> bool:
        return self.progress is None

    def describe(self, lang: str = "de") -> str:
        if self.progress is not None:
            return format_percent(self.progress)
        if self.unreported:
            return text("rollup.no_figure", lang)
        return text("rollup.all_suspended" if self.excluded else "rollup.empty", lang)


def progress_text(progress: float | None, lang: str = "de", decimals: int = 0) -> str:
    """A report's or a measure's progress in words: "45 %", or "keine Angabe" when no figure was named."""
    if progress is None or pd.isna(progress):
        return text("progress.none", lang)
    return format_percent(float(progress), decimals)


def progress_value(progress: Any) -> int | None:
    """A stored or computed progress as a whole number; None when there is no figure (None or NaN)."""
    return None if progress is None or pd.isna(progress) else int(progress)


def unreported_words(count: int, lang: str = "de") -> str:
    """ "2 Maßnahmen ohne Fortschrittsangabe" (left out of the mean), "" when there are none."""
    if not count:
        return ""
    return text("rollup.unreported_one" if count == 1 else "rollup.unreported", lang, count=count)


def rollup_measures_frame(measures: pd.DataFrame, by: str | Sequence[str]) -> pd.DataFrame:
    """Weighted mean progress of measures per group, in one pandas step.

    Input columns: the group column(s), progress, weight, status. Measures that are
    ausgesetzt are left out, and so are those without a progress figure (NaN: no report named one;
    they are counted as unreported). When the included weights of a group add up to zero, the plain
    mean is used, so weights are optional. Output per group: progress (NaN when nothing is
    counted), counted, excluded, unreported.
    """
    progress = pd.to_numeric(measures["progress"], errors="coerce").astype(float)
    running = measures["status"] != SUSPENDED
    included = running & progress.notna()
    weight = measures["weight"].where(included, 0.0).astype(float)
    work = pd.DataFrame(
        {
            "w": weight,
            "wp": weight * progress.where(included, 0.0),
            "p": progress.where(included, 0.0),
            "n": included.astype(int),
            "x": (~running).astype(int),
            "u": (running & progress.isna()).astype(int),
        }
    )
    keys = [by] if isinstance(by, str) else list(by)
    for key in keys:
        work[key] = measures[key]
    sums = work.groupby(keys, sort=False)[["w", "wp", "p", "n", "x", "u"]].sum()
    weighted = sums["wp"] / sums["w"].where(sums["w"] > 0)
    plain = sums["p"] / sums["n"].where(sums["n"] > 0)
    return pd.DataFrame(
        {
            "progress": weighted.fillna(plain),
            "counted": sums["n"].astype(int),
            "excluded": sums["x"].astype(int),
            "unreported": sums["u"].astype(int),
        }
    )


def rollup_measures(items: Iterable[tuple[float | None, float, str]]) -> RollUp:
    """Roll-up of (progress, weight, status) triples; see rollup_measures_frame."""
    rows = list(items)
    if not rows:
        return RollUp(None, 0, 0)
    frame = pd.DataFrame(rows, columns=["progress", "weight", "status"]).assign(group=0)
    row = rollup_measures_frame(frame, "group").iloc[0]
    value = None if pd.isna(row["progress"]) else float(row["progress"])
    return RollUp(value, int(row["counted"]), int(row["excluded"]), int(row["unreported"]))


def rollup_children(values: Iterable[float | None]) -> RollUp:
    """Mean over child levels that have a value; empty children are left out, not counted as 0."""
    present = [v for v in values if v is not None and not pd.isna(v)]
    if not present:
        return RollUp(None, 0, 0)
    return RollUp(sum(present) / len(present), len(present), 0)


# A level turns red when at least this share (percent) of its active measures is red, yellow when at least
# DEFAULT_YELLOW_SHARE percent is red or yellow; both are per-plan settings.
DEFAULT_RED_SHARE = 20
DEFAULT_YELLOW_SHARE = 20


def is_active_measure(status: str, last_report_date: dt.date | None, on: dt.date) -> bool:
    """Rule "active measure" (for a level's light as of `on`): not ausgesetzt, and not abgeschlossen before
    the calendar year of `on` began. The completion date is the date of the latest report as of `on`, the
    one that says abgeschlossen."""
    if status == SUSPENDED:
        return False
    if status == COMPLETED and last_report_date is not None and not pd.isna(last_report_date):
        return last_report_date >= dt.date(on.year, 1, 1)
    return True


@dataclass(frozen=True)
class LevelLight:
    """A level's light with what it is counted from: the active measures per colour and the thresholds."""

    colour: str
    red: int
    yellow: int
    green: int
    grey: int
    red_share: int
    yellow_share: int

    @property
    def active(self) -> int:
        return self.red + self.yellow + self.green + self.grey

    def distribution(self, lang: str = "de") -> str:
        """'3 rot · 2 gelb · 9 grün von 14 laufenden Maßnahmen' (grey only when there is one)."""
        if not self.active:
            return text("level_light.none_active", lang)
        parts = [f"{format_number(count)} {text(f'light.{colour}', lang)}"
                 for colour, count in ((RED, self.red), (YELLOW, self.yellow), (GREEN, self.green), (GREY, self.grey))
                 if count or colour != GREY]
        key = "level_light.distribution_one" if self.active == 1 else "level_light.distribution"
        return text(key, lang, parts=" · ".join(parts), active=format_number(self.active))

    def reason(self, lang: str = "de") -> str:
        """Why the level has its colour, in words."""
        if not self.active:
            return text("level_light.none_active", lang)
        troubled = self.red if self.colour == RED else self.red + self.yellow
        if not troubled:
            return text("level_light.reason.green_none", lang)
        share = self.red_share if self.colour == RED else self.yellow_share
        return text(f"level_light.reason.{self.colour}", lang, share=_share_words(troubled, self.active),
                    threshold=format_percent(share))

    def words(self, lang: str = "de") -> str:
        """The colour never alone: 'Gelb – Verzug: 1 rot · 2 gelb · 9 grün von 12 laufenden Maßnahmen'."""
        if not self.active:
            return f"{text('light.grey', lang).capitalize()} – {self.distribution(lang)}"
        return f"{light_words(self.colour, lang)}: {self.distribution(lang)}"


def _share_words(part: int, whole: int) -> str:
    """A share in percent, whole when it is whole, else cut (not rounded) to one decimal: 19.96 % never
    reads as the 20 % it stays below."""
    tenths = 1000 * part // whole
    return format_percent(tenths / 10, 0 if tenths % 10 == 0 else 1)


def level_light(red: int, yellow: int, green: int, grey: int, red_share: int = DEFAULT_RED_SHARE,
                yellow_share: int = DEFAULT_YELLOW_SHARE) -> LevelLight:
    """Rule "light of a level" (Jahresziel, Leitziel, Handlungsfeld, plan) from its ACTIVE measures per colour
    (see is_active_measure): red when at least red_share percent of them are red, yellow when at least
    yellow_share percent are red or yellow, green otherwise, grey when none is active. A share exactly at the
    threshold counts (integer arithmetic, no rounding)."""
    counts = (int(red), int(yellow), int(green), int(grey))
    active = sum(counts)
    if not active:
        colour = GREY
    elif 100 * counts[0] >= red_share * active:
        colour = RED
    elif 100 * (counts[0] + counts[1]) >= yellow_share * active:
        colour = YELLOW
    else:
        colour = GREEN
    return LevelLight(colour, *counts, red_share=int(red_share), yellow_share=int(yellow_share))


# Reporting round (Berichtsrunde): its deadline lies this many days before the meeting (per plan), reminders go
# out this many days before the deadline (per plan), on the deadline, and once after it (the escalation).
DEFAULT_ROUND_LEAD_DAYS = 14
DEFAULT_REMINDER_DAYS = 7
INVITATION, REMINDER, DEADLINE, ESCALATION = "einladung", "erinnerung", "frist", "eskalation"


def round_deadline(meeting: dt.date, lead_days: int) -> dt.date:
    """Rule "deadline of a reporting round": the meeting date minus the plan's lead time."""
    return meeting - dt.timedelta(days=lead_days)


def round_mail_due(today: dt.date, opened_on: dt.date, deadline: dt.date, reminder_days: int) -> str:
    """Rule "which mail of a round is due": the escalation after the deadline, the deadline mail on it, a reminder
    from reminder_days before it (unless the round opened inside that window: its invitation says the same),
    else the invitation. Each goes to each recipient once (the mail ledger)."""
    if today > deadline:
        return ESCALATION
    if today == deadline:
        return DEADLINE
    reminder_from = deadline - dt.timedelta(days=reminder_days)
    return REMINDER if today >= reminder_from and opened_on < reminder_from else INVITATION

def earliest_report_date(today: dt.date, last_held_meeting: dt.date | None) -> dt.date:
    """Rule "dating a Sachstand": the earliest date an editor may give a report, i.e. at most BACKDATE_DAYS
    back and after the last held meeting of the plan's Fachbeirat (its view is frozen). Admins may date
    further back with a reason, which is audited."""
    earliest = today - dt.timedelta(days=BACKDATE_DAYS)
    if last_held_meeting is not None:
        earliest = max(earliest, last_held_meeting + dt.timedelta(days=1))
    return min(earliest, today)


def owes_report(status: str, start: dt.date | None, last_report_date: dt.date | None, since: dt.date,
                until: dt.date) -> bool:
    """Rule "owes a report in the round" (the window since..until of models.reporting.reporting_round): a running
    measure, neither abgeschlossen nor ausgesetzt, started by `until` (without a start date: not geplant any more),
    with no report dated after `since`."""
    if status in (COMPLETED, SUSPENDED):
        return False
    start = None if start is None or pd.isna(start) else start
    if start is None and status == PLANNED or start is not None and start > until:
        return False
    last = None if last_report_date is None or pd.isna(last_report_date) else last_report_date
    return last is None or last <= since

# A district's own file may give a measure's status as a traffic-light colour. Each colour stands for the
# status it shows in such files: green on track, yellow or orange delayed, red at risk, white not begun,
# grey suspended, blue done. Any other colour counts as the nearest of these (RGB distance); the import
# proposes it and the user confirms it value by value.
STATUS_COLOURS: tuple[tuple[tuple[int, int, int], str], ...] = (
    ((0, 128, 0), IN_PROGRESS),
    ((255, 192, 0), DELAYED),
    ((255, 165, 0), DELAYED),
    ((255, 0, 0), AT_RISK),
    ((255, 255, 255), PLANNED),
    ((128, 128, 128), SUSPENDED),
    ((0, 112, 192), COMPLETED),
)


def status_for_colour(rgb: tuple[int, int, int]) -> str:
    """The measure status of the traffic-light colour nearest to rgb (squared RGB distance)."""
    def distance(entry: tuple[tuple[int, int, int], str]) -> int:
        return sum((a - b) ** 2 for a, b in zip(entry[0], rgb))
    return min(STATUS_COLOURS, key=distance)[1]
