"""The reminder job of reporting rounds: which mails are due today, their German text (plain and HTML, with a
deep link per measure and an opt-out line), and sending each once.

`python3 -m cli reminders send` runs `send_due` (cron or a systemd timer, e.g. hourly). Each mail is recorded in
mail_sent inside the transaction that sends it: a rerun sends nothing twice, a refused send is not recorded and
is tried again next run, and two runs at once cannot both send (the record's unique key).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import smtplib
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlencode

import pandas as pd
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.commands.partner_links import mail_partner_link
from models.formats import format_date
from models.partner_links import link_url
from models.reporting import NO_MAIL_SUFFIX, REMINDER_ROLES, owed_reports
from models.rules import DEADLINE, ESCALATION, INVITATION, REMINDER, round_mail_due
from models.schema import MailSent, Organisation, Plan, ReportingRound, User
from models.transfer import round_workbook

DIGEST = "uebersicht"
PARTNER_SLOT = "[persönlicher Link: wird beim Versand erstellt]"
ASKS = (INVITATION, REMINDER, DEADLINE)
SUBJECTS = {
    INVITATION: "{plan}: Bitte melden Sie den Sachstand bis zum {deadline}",
    REMINDER: "Erinnerung – {plan}: Sachstand bis zum {deadline} melden",
    DEADLINE: "Heute endet die Frist – {plan}: Sachstand melden",
    ESCALATION: "Frist verstrichen – {plan}: von {organisation} {missing}",
    DIGEST: "{plan}: Stand der Berichtsrunde am {today}",
}
KIND_WORDS = {INVITATION: "die Einladung", REMINDER: "die Erinnerung", DEADLINE: "die Nachricht zum Fristende",
              ESCALATION: "die Nachricht über die verstrichene Frist"}
OPENINGS = {
    INVITATION: "für die Sitzung am {meeting} stellen wir den Umsetzungsstand zusammen ({plan}).",
    REMINDER: "wir erinnern an die Sachstände für die Sitzung am {meeting} ({plan}); die Frist endet am {deadline}.",
    DEADLINE: "heute endet die Frist für die Sachstände zur Sitzung am {meeting} ({plan}).",
}


@dataclass(frozen=True)
class Mail:
    round_id: int
    kind: str
    organisation_id: int  # 0: the digest, for no single organisation
    recipient: str
    name: str
    subject: str
    text: str
    html: str
    # The cockpit's address when the mail carries a partner link (an organisation without accounts): the link is
    # issued when the mail is sent, in its transaction, and put in place of PARTNER_SLOT.
    partner_link: str | None = None
    # (file name, content, MIME type): an asking mail carries the organisation's Excel workbook of the round
    attachments: tuple[tuple[str, bytes, str], ...] = ()

    @property
    def key(self) -> tuple[int, str, int, str]:
        return self.round_id, self.kind, self.organisation_id, self.recipient.lower()


@dataclass(frozen=True)
class _Round:
    id: int
    plan_id: int
    slug: str
    plan: str
    owner: str
    meeting_date: dt.date
    since: dt.date
    deadline: dt.date
    opened_on: dt.date
    reminder_days: int


@dataclass(frozen=True)
class _Owed:
    organisation_id: int
    organisation: str
    measures: list[tuple[str, str, dt.date | None]]  # code, title, last report


@dataclass
class Outcome:
    """What a run did: the mails sent (with dry_run: that would be sent), and those whose send failed with why
    (not recorded: tried again next run)."""

    sent: list[Mail] = field(default_factory=list)
    failed: list[tuple[Mail, str]] = field(default_factory=list)


def send_due(engine: Engine, today: dt.date, base_url: str, deliver: Callable[[Mail], None],
             dry_run: bool = False) -> Outcome:
    """Send every mail due today that was not sent before."""
    new = due_mails(engine, today, base_url, _sent_keys(engine))
    if dry_run:
        return Outcome(sent=new)
    new = with_workbooks(engine, new)
    outcome = Outcome()
    for mail in new:
        try:
            if _send_once(engine, mail, deliver):
                outcome.sent.append(mail)
        except (smtplib.SMTPException, OSError) as exc:  # the server refused or is away: the next run tries again
            outcome.failed.append((mail, type(exc).__name__))
    return outcome


def due_mails(engine: Engine, today: dt.date, base_url: str, sent: Set[tuple[int, str, int, str]] = frozenset(),
              ) -> list[Mail]:
    """The mails today's run owes that are not among SENT: per open round, the owing organisations' mails (or the
    escalation after the deadline), and a digest for the administration when any of them goes out."""
    mails: list[Mail] = []
    for opened in _open_rounds(engine, today):
        owed = _owed(engine, opened)
        kind = round_mail_due(today, opened.opened_on, opened.deadline, opened.reminder_days)
        round_mails = [mail for mail in (_escalations(engine, opened, owed, base_url) if kind == ESCALATION
                                         else _asks(engine, opened, owed, kind, base_url)) if mail.key not in sent]
        if round_mails:
            mails += round_mails
            mails += [mail for mail in _digests(engine, opened, owed, kind, today, base_url) if mail.key not in sent]
    return mails


def with_workbooks(engine: Engine, mails: list[Mail]) -> list[Mail]:
    """The mails asking an organisation for reports, each with the round's Excel workbook of what it owes
    (models.transfer.round_workbook; built once per organisation and round)."""
    built: dict[tuple[int, int], tuple[str, bytes, str]] = {}
    attached = []
    for mail in mails:
        if mail.kind in ASKS and mail.organisation_id:
            key = (mail.round_id, mail.organisation_id)
            if key not in built:
                opened, organisation = round_workbook.round_of(engine, mail.round_id), _organisation(engine, key[1])
                built[key] = (round_workbook.file_name(organisation, opened.meeting_date),
                              round_workbook.build(engine, opened, key[1]), round_workbook.MIME)
            mail = replace(mail, attachments=(built[key],))
        attached.append(mail)
    return attached


def _organisation(engine: Engine, organisation_id: int) -> str:
    with engine.connect() as connection:
        return str(connection.scalar(select(Organisation.name).where(Organisation.id == organisation_id)) or "")


def _send_once(engine: Engine, mail: Mail, deliver: Callable[[Mail], None]) -> bool:
    try:
        with Session(engine) as session, session.begin():
            session.add(MailSent(round_id=mail.round_id, kind=mail.kind, organisation_id=mail.organisation_id,
                                 recipient=mail.recipient.lower(), subject=mail.subject[:300]))
            session.flush()  # another run that sends this mail right now stops here
            deliver(_with_partner_link(session, mail))
    except IntegrityError:
        return False
    return True


def _with_partner_link(session: Session, mail: Mail) -> Mail:
    """The mail with its partner link in place (a new link, issued in the sending transaction), if it has one."""
    if mail.partner_link is None:
        return mail
    address = link_url(mail.partner_link, mail_partner_link(session, mail.round_id, mail.organisation_id))
    return replace(mail, text=mail.text.replace(PARTNER_SLOT, address),
                   html=mail.html.replace(html.escape(PARTNER_SLOT),
                                          f'<a href="{html.escape(address)}">{html.escape(address)}</a>'))


def _sent_keys(engine: Engine) -> set[tuple[int, str, int, str]]:
    """The ledger of the open rounds (closed rounds send nothing, so their rows need not be read every run)."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(MailSent.round_id, MailSent.kind, MailSent.organisation_id, MailSent.recipient)
            .join(ReportingRound, ReportingRound.id == MailSent.round_id)
            .where(ReportingRound.closed_at.is_(None))).all()
    return {(row.round_id, row.kind, row.organisation_id, row.recipient) for row in rows}


def _open_rounds(engine: Engine, today: dt.date) -> list[_Round]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(ReportingRound.id, ReportingRound.plan_id, Plan.slug, Plan.name.label("plan"), Plan.owner,
                   ReportingRound.meeting_date, ReportingRound.since, ReportingRound.deadline,
                   ReportingRound.opened_on, Plan.reminder_days)
            .join(Plan, Plan.id == ReportingRound.plan_id)
            .where(ReportingRound.closed_at.is_(None), ReportingRound.meeting_date >= today,
                   ReportingRound.opened_on <= today)
            .order_by(ReportingRound.id)
        ).all()
    return [_Round(*row) for row in rows]


def _owed(engine: Engine, opened: _Round) -> list[_Owed]:
    return _owing(engine, opened.plan_id, opened.since, opened.meeting_date)


def _owing(engine: Engine, plan_id: int, since: dt.date, meeting_date: dt.date) -> list[_Owed]:
    frame = owed_reports(engine, plan_id, since, meeting_date)
    frame = frame[frame["lead_organisation_id"].notna()]
    return [_Owed(int(organisation_id), str(group["lead_organisation"].iloc[0]),
                  [(row.code, row.title, None if pd.isna(row.last_report_date) else row.last_report_date)
                   for row in group.itertuples()])
            for organisation_id, group in frame.groupby("lead_organisation_id", sort=False)]


def _people(engine: Engine, *where) -> list[tuple[int | None, str, str]]:
    """(organisation, name, e-mail) of active accounts that take reminder mails."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(User.organisation_id, User.name, User.email)
            .where(User.active.is_(True), User.reminders_off.is_(False), *where)
            .order_by(User.name)
        ).all()
    return [(row.organisation_id, row.name, row.email) for row in rows
            if not row.email.lower().endswith(NO_MAIL_SUFFIX)]


def _asks(engine: Engine, opened: _Round, owed: list[_Owed], kind: str, base_url: str) -> list[Mail]:
    by_organisation = {entry.organisation_id: entry for entry in owed}
    if not by_organisation:
        return []
    people = _people(engine, User.organisation_id.in_(by_organisation), User.role.in_(REMINDER_ROLES))
    mails = []
    for organisation_id, name, email in people:
        entry = by_organisation[organisation_id]
        subject = SUBJECTS[kind].format(plan=opened.plan, deadline=format_date(opened.deadline))
        opening = OPENINGS[kind].format(meeting=format_date(opened.meeting_date), plan=opened.plan,
                                        deadline=format_date(opened.deadline))
        paragraphs = [
            f"Guten Tag {name},",
            f"{opening} Zu diesen Maßnahmen unter Federführung von {entry.organisation} fehlt seit dem "
            f"{format_date(opened.since)} ein Sachstand:",
        ]
        closing = [
            f"Bitte melden Sie bis zum {format_date(opened.deadline)}. Je Maßnahme dauert das wenige Minuten; ist "
            f"nichts Neues geschehen, genügt „Unverändert melden“ auf Ihrer Seite „Meine Maßnahmen“: "
            f"{_link(base_url, 'meine-massnahmen', plan=opened.slug)}",
            "Lieber in Excel? Im Anhang finden Sie die Vorlage mit diesen Maßnahmen. Ausgefüllt laden Sie sie auf "
            "„Meine Maßnahmen“ unter „Per Excel melden“ hoch oder schicken sie an die Geschäftsstelle zurück.",
            f"Mit freundlichen Grüßen\n{opened.owner}",
        ]
        footer = (f"Sie erhalten diese E-Mail, weil Ihr Konto im Masterplan-Cockpit für {entry.organisation} "
                  f"Sachstände meldet. Keine Erinnerungen mehr: unter „Mein Konto“ abbestellen, "
                  f"{_link(base_url, 'konto')}")
        mails.append(_mail(opened.id, kind, organisation_id, email, name, subject, paragraphs,
                           _measure_lines(entry, opened, base_url), closing, footer))
    with_accounts = _organisations_with_accounts(engine, by_organisation)
    contacts = _contacts(engine, [key for key in by_organisation if key not in with_accounts])
    return mails + [_partner_ask(opened, by_organisation[key], kind, address, base_url)
                    for key, address in contacts.items()]


@dataclass(frozen=True)
class Reach:
    """Whom a round's asking mails reach (as _asks sends them): the addresses, the owing organisations with one,
    and the owing organisations without (no active account that takes reminder mails, no contact address)."""

    addresses: int
    organisations: int
    unreached: tuple[str, ...]

    @property
    def nobody(self) -> bool:
        """Organisations owe reports and not one of them gets a mail."""
        return bool(self.unreached) and not self.organisations


def round_reach(engine: Engine, plan_id: int, since: dt.date, meeting_date: dt.date) -> Reach:
    """Whom the round for MEETING_DATE (reports dated after SINCE count) would ask, opened or not."""
    owed = _owing(engine, plan_id, since, meeting_date)
    ids = [entry.organisation_id for entry in owed]
    people = _people(engine, User.organisation_id.in_(ids), User.role.in_(REMINDER_ROLES)) if ids else []
    with_accounts = _organisations_with_accounts(engine, ids)
    contacts = _contacts(engine, [key for key in ids if key not in with_accounts])
    reached = {organisation_id for organisation_id, _, _ in people} | set(contacts)
    return Reach(len(people) + len(contacts), len(reached),
                 tuple(entry.organisation for entry in owed if entry.organisation_id not in reached))


def _organisations_with_accounts(engine: Engine, organisation_ids: Iterable[int]) -> set[int]:
    with engine.connect() as connection:
        return set(connection.scalars(
            select(User.organisation_id).distinct()
            .where(User.organisation_id.in_(list(organisation_ids)), User.active.is_(True),
                   User.role.in_(REMINDER_ROLES))))


def _partner_ask(opened: _Round, entry: _Owed, kind: str, address: str, base_url: str) -> Mail:
    """An organisation without accounts: the round's mail to its contact address, with a personal partner link
    (no sign-in; valid to the end of the deadline, for these measures only) instead of the form's deep links."""
    subject = SUBJECTS[kind].format(plan=opened.plan, deadline=format_date(opened.deadline))
    opening = OPENINGS[kind].format(meeting=format_date(opened.meeting_date), plan=opened.plan,
                                    deadline=format_date(opened.deadline))
    paragraphs = [
        "Guten Tag,",
        f"{opening} Zu diesen Maßnahmen unter Federführung von {entry.organisation} fehlt seit dem "
        f"{format_date(opened.since)} ein Sachstand:",
    ]
    closing = [
        f"Bitte melden Sie bis zum {format_date(opened.deadline)} über Ihren persönlichen Link. Sie brauchen dafür "
        f"keine Anmeldung; der Link gilt nur für diese Maßnahmen und bis zum Ende der Frist. Bitte geben Sie ihn "
        f"nicht weiter:\n{PARTNER_SLOT}",
        "Jede E-Mail dieser Berichtsrunde bringt einen neuen Link; der Link aus einer früheren E-Mail gilt dann "
        "nicht mehr.",
        f"Mit freundlichen Grüßen\n{opened.owner}",
    ]
    footer = (f"Sie erhalten diese E-Mail als Kontaktadresse von {entry.organisation}, weil Ihre Organisation im "
              "Masterplan-Cockpit kein eigenes Konto hat. Möchten Sie keine E-Mails mehr erhalten, antworten Sie "
              "bitte der Geschäftsstelle.")
    lines = [(line, None) for line, _ in _measure_lines(entry, opened, base_url)]
    mail = _mail(opened.id, kind, entry.organisation_id, address, entry.organisation, subject, paragraphs, lines,
                 closing, footer)
    return replace(mail, partner_link=base_url)


def _escalations(engine: Engine, opened: _Round, owed: list[_Owed], base_url: str) -> list[Mail]:
    admins = [(name, email) for _, name, email in _people(engine, User.role == "admin")]
    contacts = _contacts(engine, [entry.organisation_id for entry in owed])
    mails = []
    for entry in owed:
        recipients = admins + ([(entry.organisation, contacts[entry.organisation_id])]
                               if entry.organisation_id in contacts else [])
        missing = ("fehlt noch 1 Sachstand" if len(entry.measures) == 1
                   else f"fehlen noch {len(entry.measures)} Sachstände")
        subject = SUBJECTS[ESCALATION].format(plan=opened.plan, organisation=entry.organisation, missing=missing)
        paragraphs = [
            "Guten Tag,",
            f"die Frist der Berichtsrunde für die Sitzung am {format_date(opened.meeting_date)} ({opened.plan}) "
            f"endete am {format_date(opened.deadline)}. Von {entry.organisation} fehlen noch diese Sachstände:",
        ]
        closing = ["Bitte melden Sie sie vor der Sitzung oder sagen Sie der Geschäftsstelle, warum das nicht geht.",
                   f"Mit freundlichen Grüßen\n{opened.owner}"]
        footer = ("Diese Nachricht geht einmal je Berichtsrunde an die Verwaltung des Masterplans und an die "
                  "Kontaktadresse der Organisation.")
        seen = set()
        for name, email in recipients:
            if email.lower() not in seen:
                seen.add(email.lower())
                mails.append(_mail(opened.id, ESCALATION, entry.organisation_id, email, name, subject, paragraphs,
                                   _measure_lines(entry, opened, base_url), closing, footer))
    return mails


def _digests(engine: Engine, opened: _Round, owed: list[_Owed], kind: str, today: dt.date,
             base_url: str) -> list[Mail]:
    admins = [(name, email) for _, name, email in _people(engine, User.role == "admin")]
    count = sum(len(entry.measures) for entry in owed)
    subject = SUBJECTS[DIGEST].format(plan=opened.plan, today=format_date(today))
    paragraphs = [
        "Guten Tag,",
        f"Berichtsrunde für die Sitzung am {format_date(opened.meeting_date)}, Frist {format_date(opened.deadline)}: "
        f"heute ging {KIND_WORDS[kind]} hinaus. Es fehlen noch {count} Sachstände von {len(owed)} Organisationen:",
    ]
    lines = [(f"{entry.organisation}: {len(entry.measures)} Maßnahme{'' if len(entry.measures) == 1 else 'n'}", None)
             for entry in owed]
    closing = [f"Die Berichtsrunde im Masterplan-Cockpit: {_link(base_url, 'berichtsrunde', plan=opened.slug)}"]
    footer = "Diese Übersicht geht an jedem Tag, an dem die Berichtsrunde E-Mails verschickt, an die Verwaltung."
    return [_mail(opened.id, f"{DIGEST}-{today.isoformat()}", 0, email, name, subject, paragraphs, lines, closing,
                  footer) for name, email in admins]


def _contacts(engine: Engine, organisation_ids: Iterable[int]) -> dict[int, str]:
    with engine.connect() as connection:
        rows = connection.execute(select(Organisation.id, Organisation.contact_email)
                                  .where(Organisation.id.in_(list(organisation_ids)),
                                         Organisation.contact_email.is_not(None))).all()
    return {row.id: row.contact_email for row in rows if row.contact_email.strip()}


def _measure_lines(entry: _Owed, opened: _Round, base_url: str) -> list[tuple[str, str | None]]:
    lines = []
    for code, title, last in entry.measures:
        last_words = f"letzter Sachstand vom {format_date(last)}" if last else "bisher kein Sachstand"
        lines.append((f"{code} – {title} ({last_words})",
                      _link(base_url, "sachstand-melden", plan=opened.slug, massnahme=code)))
    return lines


def _link(base_url: str, page: str, **query: str) -> str:
    address = f"{base_url.rstrip('/')}/{page}"
    return f"{address}?{urlencode(query, quote_via=quote)}" if query else address


def _mail(round_id: int, kind: str, organisation_id: int, recipient: str, name: str, subject: str,
          paragraphs: list[str], lines: list[tuple[str, str | None]], closing: list[str], footer: str) -> Mail:
    text_lines = "\n".join(f"- {line}" + (f"\n  Sachstand melden: {link}" if link else "") for line, link in lines)
    text = "\n\n".join([*paragraphs, text_lines, *closing, f"-- \n{footer}"])
    items = "".join(f"<li>{html.escape(line)}" + (f' – <a href="{html.escape(link)}">Sachstand melden</a>'
                                                  if link else "") + "</li>" for line, link in lines)
    body = "".join(f"<p>{_html_text(part)}</p>" for part in paragraphs)
    body += f"<ul>{items}</ul>"
    body += "".join(f"<p>{_html_text(part)}</p>" for part in closing)
    body += f'<hr><p style="font-size:small">{_html_text(footer)}</p>'
    page = f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(subject)}</title></head>' \
           f"<body>{body}</body></html>"
    return Mail(round_id, kind, organisation_id, recipient, name, subject, text, page)


_URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:)]")


def _html_text(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept, every address a link (Meine Maßnahmen, Mein Konto)."""
    escaped = html.escape(text).replace("\n", "<br>")
    return _URL.sub(lambda found: f'<a href="{found.group(0)}">{found.group(0)}</a>', escaped)


@dataclass(frozen=True)
class RoundRow:
    id: int
    meeting_date: dt.date
    since: dt.date
    deadline: dt.date
    opened_on: dt.date
    opened_by: str
    closed: bool
    mails: int


def plan_rounds(engine: Engine, plan_id: int) -> list[RoundRow]:
    """The plan's reporting rounds, newest meeting first, each with how many mails went out for it."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(ReportingRound.id, ReportingRound.meeting_date, ReportingRound.since, ReportingRound.deadline,
                   ReportingRound.opened_on, ReportingRound.opened_by, ReportingRound.closed_at.is_not(None),
                   func.count(MailSent.id))
            .outerjoin(MailSent, MailSent.round_id == ReportingRound.id)
            .where(ReportingRound.plan_id == plan_id)
            .group_by(ReportingRound.id)
            .order_by(ReportingRound.meeting_date.desc())
        ).all()
    return [RoundRow(*row) for row in rows]


def reminders_off(engine: Engine, user_id: int) -> bool:
    with engine.connect() as connection:
        return bool(connection.scalar(select(User.reminders_off).where(User.id == user_id)))
