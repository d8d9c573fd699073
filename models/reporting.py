"""Read side of reporting: a lead's measures, a measure's report log, and the reporting round
before a meeting (its window and signing body, who still owes a report, their contacts, a ready-to-send
reminder).

The reminder's wording lives in the shared catalogue (models.texts), German and English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd
from sqlalchemy import Engine, select

from models.formats import format_date
from models.measures import measure_list
from models.queries import frame_of, measure_states
from models.rules import (
    DEFAULT_ROUND_LEAD_DAYS,
    DEFAULT_STALE_AFTER_DAYS,
    FACHBEIRAT_ELSE_ANY,
    REPORTING_BODY_KIND,
    may_report_on,
    owes_report,
    previous_meeting,
    round_deadline,
)
from models.schema import Body, Measure, Meeting, StatusReport, User, measure_partner
from models.texts import CATALOGUE, text

REMINDER_ROLES = ("editor", "admin")
# Placeholder addresses of accounts created from an identity provider without an e-mail claim.
NO_MAIL_SUFFIX = ".invalid"


def natural_order(codes: pd.Series) -> pd.Series:
    """Sort key for codes such as M2 < M10: every number padded to the same width."""
    return codes.astype(str).str.replace(r"\d+", lambda match: match.group().zfill(10), regex=True)


def measures_to_report(
    engine: Engine,
    plan_id: int,
    as_of: dt.date,
    organisation_id: int | None = None,
    states: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The measures someone may report on, stale ones first, then overdue ones, then by code.

    With an organisation: the measures its editors may report on (models.rules.may_report_on: it leads them
    or is a partner; column is_lead tells which); without one (admins): every measure. Columns: those of
    queries.measure_states plus lead_organisation_id and is_lead.
    """
    if states is None:
        states = measure_states(engine, plan_id, as_of)
    leads = frame_of(
        engine,
        select(Measure.id.label("measure_id"), Measure.lead_organisation_id)
        .where(Measure.plan_id == plan_id, Measure.retired.is_(False)),
    )
    frame = states.merge(leads, on="measure_id", how="left")
    frame["lead_organisation_id"] = frame["lead_organisation_id"].astype("Int64")
    if organisation_id is None:
        frame["is_lead"] = True
    else:
        partnered = partnered_measures(engine, organisation_id)
        frame["is_lead"] = (frame["lead_organisation_id"] == organisation_id).fillna(False).astype(bool)
        frame = frame.loc[[may_report_on("editor", organisation_id, None if pd.isna(lead) else int(lead),
                                         {organisation_id} if measure_id in partnered else ())
                           for measure_id, lead in zip(frame["measure_id"], frame["lead_organisation_id"])]]
    frame = frame.assign(_code=natural_order(frame["code"]))
    frame = frame.sort_values(["stale", "overdue", "_code"], ascending=[False, False, True])
    return frame.drop(columns="_code").reset_index(drop=True)


def partnered_measures(engine: Engine, organisation_id: int) -> set[int]:
    """The ids of the measures the organisation is a partner of."""
    return set(frame_of(
        engine,
        select(measure_partner.c.measure_id).where(measure_partner.c.organisation_id == organisation_id),
    )["measure_id"])


def report_log(engine: Engine, measure_id: int) -> pd.DataFrame:
    """Every report on a measure, newest first (same date: latest entry first), with the reason for
    a drop in progress and whether it is released."""
    return frame_of(
        engine,
        select(
            StatusReport.id.label("report_id"), StatusReport.report_date, StatusReport.status,
            StatusReport.progress, StatusReport.summary, StatusReport.obstacles, StatusReport.next_steps,
            StatusReport.progress_note, StatusReport.author_name, StatusReport.released,
        )
        .where(StatusReport.measure_id == measure_id)
        .order_by(StatusReport.report_date.desc(), StatusReport.id.desc()),
    )


# --- the reporting round before a meeting ---------------------------------------------------


def cutoff_meetings(engine: Engine, plan_id: int) -> pd.DataFrame:
    """The plan's meetings that are reporting cut-offs (Stichtage), oldest first."""
    return frame_of(
        engine,
        select(Meeting.meeting_date, Meeting.title, Body.name.label("body"), Body.kind.label("body_kind"))
        .join(Body, Meeting.body_id == Body.id)
        .where(Body.plan_id == plan_id, Meeting.is_reporting_cutoff.is_(True))
        .order_by(Meeting.meeting_date, Body.name),
    )


def next_meeting(meetings: pd.DataFrame, today: dt.date, kind: str = REPORTING_BODY_KIND) -> dt.date | None:
    """The next meeting of the reporting body on or after today; else the next cut-off of any body."""
    upcoming = meetings[meetings["meeting_date"] >= today]
    of_kind = upcoming[upcoming["body_kind"] == kind]
    for frame in (of_kind, upcoming):
        if len(frame):
            return frame["meeting_date"].min()
    return None


def previous_cutoff(meetings: pd.DataFrame, until: dt.date) -> dt.date | None:
    """The meeting before the round's: the last Fachbeirat meeting before `until`, else the last cut-off of
    any body, so that a plan without Fachbeirat still has a window (meetings: cutoff_meetings)."""
    return previous_meeting(meetings, until, FACHBEIRAT_ELSE_ANY)


@dataclass(frozen=True)
class RoundWindow:
    """The window of a reporting round: reports dated after `since` up to `until` (the meeting) count, and
    the reminder is signed in the name of `body` ("" when no body meets on that day)."""

    until: dt.date
    since: dt.date
    body: str


def reporting_round(meetings: pd.DataFrame, today: dt.date, until: dt.date | None = None,
                    since: dt.date | None = None) -> RoundWindow:
    """Rule "reporting round" (meetings: cutoff_meetings): the round prepares `until`, by default the next
    meeting (next_meeting, else today); it counts reports since `since`, by default the previous cut-off,
    else DEFAULT_STALE_AFTER_DAYS before the meeting (a report older than that is stale anyway)."""
    until = until or next_meeting(meetings, today) or today
    since = since or previous_cutoff(meetings, until) or until - dt.timedelta(days=DEFAULT_STALE_AFTER_DAYS)
    return RoundWindow(until, since, reminder_body(meetings, until))


def reminder_body(meetings: pd.DataFrame, until: dt.date) -> str:
    """Rule "who signs the reminder": the body meeting on `until`, the Fachbeirat first when several meet
    that day; "" when none does."""
    names = meetings.loc[meetings["meeting_date"] == until].sort_values(
        "body_kind", key=lambda kinds: kinds != REPORTING_BODY_KIND)["body"]
    return str(names.iloc[0]) if len(names) else ""


def owed_reports(
    engine: Engine,
    plan_id: int,
    since: dt.date,
    until: dt.date,
    states: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Running measures that owe a report (rule models.rules.owes_report: not completed or suspended, started
    by `until`, without a report dated after `since` up to `until`). State, traffic light and staleness are
    taken as of `until` (the meeting). Sorted by lead organisation, stale first, then by code.

    Columns: measure_id, code, title, lead_organisation_id, lead_organisation, status, progress,
    last_report_date, due_date, light, reason, overdue, stale.
    """
    frame = measure_list(engine, plan_id, until, states=states)
    owed = frame[owing(frame, since, until)]
    owed = owed.assign(_code=natural_order(owed["code"]), _org=owed["lead_organisation"].str.casefold())
    owed = owed.sort_values(["_org", "stale", "_code"], ascending=[True, False, True])
    columns = ["measure_id", "code", "title", "lead_organisation_id", "lead_organisation", "status", "progress",
               "last_report_date", "due_date", "light", "reason", "overdue", "stale"]
    return owed[columns].reset_index(drop=True)


def owing(frame: pd.DataFrame, since: dt.date, until: dt.date) -> pd.Series:
    """Per measure (columns status, start_date, last_report_date): does it owe a report in the round since..until
    (models.rules.owes_report)?"""
    return pd.Series([owes_report(status, start, last, since, until) for status, start, last
                      in zip(frame["status"], frame["start_date"], frame["last_report_date"])],
                     index=frame.index, dtype=bool)


def organisation_contacts(engine: Engine, organisation_ids: Sequence[int]) -> pd.DataFrame:
    """Name and e-mail of the active accounts that may report for these organisations (nothing more)."""
    ids = [int(value) for value in organisation_ids]
    if not ids:
        return pd.DataFrame(columns=["organisation_id", "name", "email"])
    contacts = frame_of(
        engine,
        select(User.organisation_id, User.name, User.email)
        .where(User.organisation_id.in_(ids), User.active.is_(True), User.role.in_(REMINDER_ROLES))
        .order_by(User.organisation_id, User.name),
    )
    return contacts[~contacts["email"].str.lower().str.endswith(NO_MAIL_SUFFIX)].reset_index(drop=True)


def reply_by(meeting: dt.date, today: dt.date, lead_days: int = DEFAULT_ROUND_LEAD_DAYS) -> dt.date:
    """When reports are asked for: the round's deadline (models.rules.round_deadline), but never before today."""
    return max(today, round_deadline(meeting, lead_days))


def reminder_subject(plan_name: str, meeting: dt.date, lang: str = "de") -> str:
    return text("reporting.reminder.subject", lang, plan=plan_name, date=format_date(meeting))


def reminder_text(
    organisation: str,
    measures: Sequence[tuple[str, str, dt.date | None]],
    *,
    plan_name: str,
    meeting: dt.date,
    since: dt.date,
    reply_by: dt.date,
    body: str = "",
    sender: str = "",
    lang: str = "de",
) -> str:
    """A polite reminder (Sie-form) to one organisation naming its measures (code, title, date of the
    last report or None), the meeting (and its body, when given) and the dates; ready to paste into
    an e-mail."""
    lines = []
    for code, title, last in measures:
        last_words = (text("reporting.reminder.last", lang, date=format_date(last)) if last
                      else text("reporting.reminder.never", lang))
        lines.append(f"- {code} – {title} ({last_words})")
    meeting_words = (text("reporting.reminder.meeting_of", lang, body=body, date=format_date(meeting)) if body
                     else text("reporting.reminder.meeting", lang, date=format_date(meeting)))
    return text(
        "reporting.reminder.body",
        lang,
        organisation=organisation,
        plan=plan_name,
        meeting=meeting_words,
        since=format_date(since),
        measures="\n".join(lines),
        reply_by=format_date(reply_by),
        sender=sender or text("reporting.reminder.sender", lang),
    )


def mailto_link(emails: Sequence[str], subject: str, body: str) -> str:
    """A mailto: URL (RFC 6068) to these addresses with subject and body filled in."""
    recipients = ",".join(quote(email.strip(), safe="@") for email in emails)
    crlf = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{recipients}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


CATALOGUE.update(
    {
        "reporting.reminder.subject": {
            "de": "{plan}: Bitte melden Sie den Sachstand für die Sitzung am {date}",
            "en": "{plan}: please report the status before the meeting on {date}",
        },
        "reporting.reminder.last": {"de": "letzter Sachstand vom {date}", "en": "last report of {date}"},
        "reporting.reminder.meeting": {"de": "die Sitzung am {date}", "en": "the meeting on {date}"},
        "reporting.reminder.meeting_of": {
            "de": "die Sitzung „{body}“ am {date}",
            "en": "the meeting “{body}” on {date}",
        },
        "reporting.reminder.never": {"de": "bisher kein Sachstand", "en": "no report yet"},
        "reporting.reminder.sender": {
            "de": "Ihr Büro für Migration und Inklusion",
            "en": "Your office for migration and inclusion",
        },
        "reporting.reminder.body": {
            "de": (
                "Sehr geehrte Damen und Herren,\n\n"
                "für {meeting} stellen wir den aktuellen Umsetzungsstand zusammen ({plan}). "
                "Zu den folgenden Maßnahmen unter Federführung von {organisation} liegt uns seit dem "
                "{since} noch kein neuer Sachstand vor:\n\n"
                "{measures}\n\n"
                "Wir bitten Sie, den aktuellen Sachstand bis zum {reply_by} im Masterplan-Cockpit unter "
                "„Sachstand melden“ einzutragen. Das dauert je Maßnahme nur wenige Minuten.\n\n"
                "Vielen Dank für Ihre Unterstützung!\n\n"
                "Mit freundlichen Grüßen\n"
                "{sender}"
            ),
            "en": (
                "Dear Sir or Madam,\n\n"
                "for {meeting} we are compiling the current state of implementation ({plan}). "
                "For the following measures led by {organisation} we have received no new status "
                "report since {since}:\n\n"
                "{measures}\n\n"
                "Please enter the current status by {reply_by} in the Masterplan Cockpit under "
                "“Report status”. It takes only a few minutes per measure.\n\n"
                "Thank you for your support!\n\n"
                "Kind regards\n"
                "{sender}"
            ),
        },
    }
)
