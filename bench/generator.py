"""Synthetic plans for the benchmarks, deterministic from a seed.

Scale x1: 1 plan, 6 Handlungsfelder, 20 Leitziele, 160 Jahresziele, 800 Maßnahmen, 8,000 status
reports, 40 indicators with 10 yearly values. Scale x10 multiplies Jahresziele, Maßnahmen and
reports by ten (8,000 Maßnahmen, 80,000 reports); the plan's frame (Handlungsfelder, Leitziele,
indicators, organisations, meetings) stays as a district would have it.

The rows are written in bulk, but they are the rows the commands would write: every status report
comes with the audit event add_status_report records (same changes), the measure's version counts
its reports, and the plan's change counter counts the plan's audit events. Dates are laid out
relative to `today`, so the mix of late, stale, delayed and completed measures is the same on any day.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

from models.rules import (
    AT_RISK,
    COMPLETED,
    DELAYED,
    IN_PROGRESS,
    PLANNED,
    SUSPENDED,
)
from models.schema import (
    ActionField,
    AnnualGoal,
    AuditEvent,
    Body,
    GuidingGoal,
    Indicator,
    IndicatorValue,
    Measure,
    Meeting,
    Organisation,
    Plan,
    StatusReport,
    User,
    measure_partner,
)

ACTION_FIELDS = (
    ("HF1", "Sprache"),
    ("HF2", "Bildung"),
    ("HF3", "Ausbildung und Beruf"),
    ("HF4", "Wohnen und Zusammenleben"),
    ("HF5", "Gesundheit"),
    ("HF6", "Interkulturelle Öffnung"),
)
ORGANISATION_KINDS = (
    ("Jobcenter", "Jobcenter"),
    ("Agentur für Arbeit", "Arbeitsagentur"),
    ("Industrie- und Handelskammer", "Kammer"),
    ("Handwerkskammer", "Kammer"),
    ("Volkshochschule", "Bildungsträger"),
    ("Bildungswerk", "Bildungsträger"),
    ("Jugendmigrationsdienst", "Bildungsträger"),
    ("Caritasverband", "Wohlfahrtsverband"),
    ("Diakonisches Werk", "Wohlfahrtsverband"),
    ("DRK-Kreisverband", "Wohlfahrtsverband"),
    ("Büro für Migration und Inklusion", "Verwaltung"),
    ("Fachbereich Unterbringung", "Verwaltung"),
    ("Ausländerbehörde", "Verwaltung"),
    ("Migrantenselbstorganisation Nord", "Migrantenselbstorganisation"),
    ("Migrantenselbstorganisation Süd", "Migrantenselbstorganisation"),
    ("Kommunales Integrationszentrum", "Verwaltung"),
    ("Frauenbüro", "Verwaltung"),
    ("Schulamt", "Verwaltung"),
    ("Kreisklinik", "Sonstige"),
    ("Sportkreis", "Sonstige"),
)
WORDS = ("Sprachkurs", "Mentoring", "Beratung", "Netzwerk", "Qualifizierung", "Patenschaft", "Lotsen",
         "Informationsabend", "Praktikum", "Anerkennung", "Kita-Brücke", "Elterncafé", "Berufsorientierung")
# Fate of a measure: (name, weight). Drives its last status and the spacing of its reports.
FATES = (("completed", 30), ("on_track", 25), ("delayed", 13), ("at_risk", 8), ("suspended", 5),
         ("stale", 12), ("planned", 7))
REPORTS_PER_MEASURE = 10
INDICATOR_COUNT = 40
INDICATOR_YEARS = 10
GUIDING_GOALS = 20
ANNUAL_GOALS_X1 = 160
MEASURES_X1 = 800
FIXED_TIME = dt.time(12, 0)


@dataclass
class GeneratedPlan:
    """The rows of one synthetic plan, table by table, with explicit ids (ready for bulk insert)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(table, []).append(row)
        return row

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


@dataclass(frozen=True)
class Sizes:
    annual_goals: int
    measures: int
    reports: int

    @classmethod
    def of(cls, scale: float) -> "Sizes":
        measures = max(1, round(MEASURES_X1 * scale))
        return cls(max(1, round(ANNUAL_GOALS_X1 * scale)), measures, measures * REPORTS_PER_MEASURE)


class _Ids:
    """Next free id per table, starting after the rows already in the database."""

    def __init__(self, start: dict[str, int]):
        self.last = dict(start)

    def next(self, table: str) -> int:
        self.last[table] = self.last.get(table, 0) + 1
        return self.last[table]


class _Builder:
    def __init__(self, scale: float, seed: int, today: dt.date, start_ids: dict[str, int], slug: str):
        self.rng = random.Random(seed)
        self.sizes = Sizes.of(scale)
        self.today = today
        self.ids = _Ids(start_ids)
        self.out = GeneratedPlan()
        self.scale = scale
        self.slug = slug
        self.stamp = dt.datetime.combine(today, FIXED_TIME)

    def build(self) -> GeneratedPlan:
        self.plan_id = self.ids.next("plan")
        self._organisations_and_editors()
        self._bodies()
        fields = self._action_fields()
        goals = self._guiding_goals(fields)
        annual = self._annual_goals(goals)
        self._import_event()
        self._measures(annual)
        self._indicators(goals)
        self._plan_row()
        return self.out

    # -- frame of the plan -------------------------------------------------------------------
    def _organisations_and_editors(self) -> None:
        self.editors: dict[int, tuple[int, str]] = {}
        self.organisation_ids: list[int] = []
        for number, (name, kind) in enumerate(ORGANISATION_KINDS, start=1):
            organisation_id = self.ids.next("organisation")
            self.out.add("organisation", dict(
                id=organisation_id, name=f"{name} ({self.slug})", short_name=name[:20], kind=kind, retired=False))
            self.organisation_ids.append(organisation_id)
            user_id = self.ids.next("app_user")
            user_name = f"Bearbeitung {name}"
            self.out.add("app_user", dict(
                id=user_id, name=user_name, email=f"editor-{number:02d}@{self.slug}.invalid",
                organisation_id=organisation_id, role="editor", password_hash=None, oidc_subject=None,
                active=True, failed_logins=0, locked_until=None, last_login_at=None, created_at=self.stamp))
            self.editors[organisation_id] = (user_id, user_name)

    def _bodies(self) -> None:
        first_year = self.today.year - 7
        specs = (("Fachbeirat Flucht und Integration", "Fachbeirat", ((3, 15), (10, 15))),
                 ("Kreistag", "Kreistag", ((6, 20),)),
                 ("Integrationskonferenz", "Integrationskonferenz", ((11, 5),)))
        for name, kind, days in specs:
            body_id = self.ids.next("body")
            self.out.add("body", dict(id=body_id, plan_id=self.plan_id, name=name, kind=kind))
            for year in range(first_year, self.today.year + 2):
                for month, day in days:
                    self.out.add("meeting", dict(
                        id=self.ids.next("meeting"), body_id=body_id, meeting_date=dt.date(year, month, day),
                        title=f"{name} {year}", is_reporting_cutoff=True))

    def _action_fields(self) -> list[int]:
        ids = []
        for position, (code, title) in enumerate(ACTION_FIELDS):
            field_id = self.ids.next("action_field")
            self.out.add("action_field", dict(id=field_id, plan_id=self.plan_id, code=code, title=title,
                                              description=f"Handlungsfeld {title}", position=position,
                                              retired=False))
            ids.append(field_id)
        return ids

    def _guiding_goals(self, fields: list[int]) -> list[int]:
        ids = []
        for number in range(1, GUIDING_GOALS + 1):
            goal_id = self.ids.next("guiding_goal")
            field_id = fields[(number - 1) % len(fields)]
            self.out.add("guiding_goal", dict(
                id=goal_id, plan_id=self.plan_id, action_field_id=field_id, code=f"LZ{number}",
                title=f"Leitziel {number}: {self.rng.choice(WORDS)} für alle bis 2030", description="",
                position=number, retired=False))
            ids.append(goal_id)
        return ids

    def _annual_goals(self, goals: list[int]) -> list[tuple[int, int]]:
        """(id, year) of each annual goal, years spread over the last six years and the next."""
        result = []
        for number in range(1, self.sizes.annual_goals + 1):
            annual_id = self.ids.next("annual_goal")
            year = self.today.year - 6 + (number - 1) % 8
            prioritised = number % 8 == 1
            self.out.add("annual_goal", dict(
                id=annual_id, plan_id=self.plan_id, guiding_goal_id=goals[(number - 1) % len(goals)],
                code=f"JZ{number}", year=year, title=f"Jahresziel {number} ({year}): {self.rng.choice(WORDS)}",
                description="", prioritised=prioritised,
                decision_date=dt.date(year, 2, 1) if prioritised else None,
                decision_reference=f"Kreistag {year}/{number}" if prioritised else None,
                carried_over_from_id=None, carry_over_reason=None, position=number, retired=False))
            result.append((annual_id, year))
        return result

    def _import_event(self) -> None:
        self._audit(None, "import", "plan", self.plan_id,
                    {"source": "Benchmark", "scale": self.scale, "measures": self.sizes.measures,
                     "reports": self.sizes.reports}, self.stamp - dt.timedelta(days=8 * 365))

    # -- measures and their history ------------------------------------------------------------
    def _measures(self, annual: list[tuple[int, int]]) -> None:
        names, weights = zip(*FATES)
        for number in range(1, self.sizes.measures + 1):
            annual_id, year = annual[(number - 1) % len(annual)]
            fate = self.rng.choices(names, weights)[0]
            # Pairs of measures share a delta, so the total stays exactly REPORTS_PER_MEASURE each.
            delta = self.rng.randint(0, 6) if number % 2 else -self._last_delta
            self._last_delta = delta
            if number == self.sizes.measures and number % 2:
                delta = 0
            self._measure(number, annual_id, year, fate, REPORTS_PER_MEASURE + delta)

    def _measure(self, number: int, annual_id: int, year: int, fate: str, report_count: int) -> None:
        measure_id = self.ids.next("measure")
        lead = self.rng.choice(self.organisation_ids)
        start, due = self._schedule(fate, year)
        self.out.add("measure", dict(
            id=measure_id, plan_id=self.plan_id, annual_goal_id=annual_id, code=f"M{number}",
            title=f"{self.rng.choice(WORDS)} {number}", description="Synthetische Maßnahme für die Messung.",
            lead_organisation_id=lead, origin="", start_date=start, due_date=due,
            weight=1.0, carried_over_from_id=None, carry_over_reason=None, position=number, retired=False,
            version=1 + report_count, updated_at=self.stamp))
        partners = self.rng.sample([o for o in self.organisation_ids if o != lead], self.rng.randint(0, 3))
        for partner in partners:
            self.out.add("measure_partner", dict(measure_id=measure_id, organisation_id=partner))
        self._reports(measure_id, f"M{number}", lead, fate, start, due, report_count)

    def _schedule(self, fate: str, year: int) -> tuple[dt.date, dt.date]:
        if fate == "planned":
            start = self.today + dt.timedelta(days=self.rng.randint(30, 300))
        elif fate in ("completed", "stale"):
            start = self.today - dt.timedelta(days=self.rng.randint(900, 2000))
        else:
            start = self.today - dt.timedelta(days=self.rng.randint(200, 1500))
        length = self.rng.randint(365, 4 * 365)
        if fate in ("on_track", "suspended", "stale"):
            # Running measures are due in the future: only delayed and at-risk ones run late.
            length = max(length, (self.today - start).days + self.rng.randint(60, 900))
        if fate in ("delayed", "at_risk"):
            # About half of them are past due: the late measures.
            length = self.rng.choice((self.rng.randint(100, (self.today - start).days), length))
        return start, start + dt.timedelta(days=length)

    def _report_window(self, fate: str, start: dt.date, due: dt.date) -> tuple[dt.date, dt.date]:
        if fate == "planned":
            return self.today - dt.timedelta(days=400), self.today - dt.timedelta(days=self.rng.randint(0, 60))
        if fate == "stale":
            return start, self.today - dt.timedelta(days=self.rng.randint(200, 700))
        if fate == "completed":
            return start, min(due, self.today - dt.timedelta(days=self.rng.randint(1, 300)))
        return start, self.today - dt.timedelta(days=self.rng.randint(0, 120))

    def _reports(self, measure_id: int, code: str, lead: int, fate: str, start: dt.date, due: dt.date,
                 count: int) -> None:
        first, last = self._report_window(fate, start, due)
        last = max(first, last)
        span = (last - first).days
        dates = sorted(first + dt.timedelta(days=round(span * k / max(1, count - 1))) for k in range(count))
        author_id, author_name = self.editors[lead]
        reach = {"completed": 100, "on_track": 90, "delayed": 60, "at_risk": 45, "suspended": 40,
                 "stale": 50, "planned": 0}[fate]
        before = (PLANNED, 0)
        for k, report_date in enumerate(dates):
            final = k == count - 1
            status, progress = self._report_state(fate, reach, k, count, final)
            progress = max(progress, before[1]) if status != COMPLETED else 100
            if status != COMPLETED:
                progress = min(progress, 99)
            report_id = self.ids.next("status_report")
            created = dt.datetime.combine(report_date, FIXED_TIME)
            self.out.add("status_report", dict(
                id=report_id, measure_id=measure_id, report_date=report_date, status=status, progress=progress,
                summary=f"Sachstand {k + 1} zu {code}: {self.rng.choice(WORDS)} läuft.",
                obstacles="Personalmangel" if status in (DELAYED, AT_RISK) else "",
                next_steps="Nächste Schritte mit den Partnern abstimmen." if not final or fate != "completed" else "",
                progress_note="", author_id=author_id, author_name=author_name, released=True,
                created_at=created))
            self._audit((author_id, author_name), "create", "status_report", report_id,
                        {"measure": code, "status": [before[0], status], "progress": [before[1], progress],
                         "released": True}, created)
            before = (status, progress)

    def _report_state(self, fate: str, reach: int, k: int, count: int, final: bool) -> tuple[str, int]:
        if fate == "planned":
            return PLANNED, 0
        progress = round(reach * (k + 1) / count)
        if final:
            return {"completed": COMPLETED, "delayed": DELAYED, "at_risk": AT_RISK, "suspended": SUSPENDED,
                    }.get(fate, IN_PROGRESS), progress
        if k == 0:
            return PLANNED if self.rng.random() < 0.3 else IN_PROGRESS, 0 if k == 0 else progress
        return (DELAYED if fate in ("delayed", "at_risk") and k > count // 2 else IN_PROGRESS), progress

    # -- indicators ---------------------------------------------------------------------------
    def _indicators(self, goals: list[int]) -> None:
        first_year = self.today.year - INDICATOR_YEARS
        for number in range(1, INDICATOR_COUNT + 1):
            indicator_id = self.ids.next("indicator")
            baseline = float(self.rng.randint(50, 3000))
            increase = number % 4 != 0
            target = baseline * (1.6 if increase else 0.5)
            self.out.add("indicator", dict(
                id=indicator_id, plan_id=self.plan_id, code=f"K{number}", title=f"Kennzahl {number}",
                description="", unit="Personen" if number % 3 else "%",
                direction="increase" if increase else "decrease", kind="result" if number % 5 else "context",
                counts_people=number % 3 != 0, source="Synthetische Statistik",
                baseline_date=dt.date(first_year - 1, 12, 31), baseline_value=baseline,
                target_date=dt.date(2030, 12, 31), target_value=round(target, 1),
                action_field_id=None, guiding_goal_id=goals[(number - 1) % len(goals)] if number % 4 else None,
                annual_goal_id=None, measure_id=None, position=number, retired=False))
            value = baseline
            for year in range(first_year, first_year + INDICATOR_YEARS):
                value = max(0.0, value * (1 + (0.05 if increase else -0.04) + self.rng.uniform(-0.05, 0.05)))
                self.out.add("indicator_value", dict(
                    id=self.ids.next("indicator_value"), indicator_id=indicator_id,
                    value_date=dt.date(year, 12, 31), value=round(value, 1), source="Statistik", note=""))

    # -- audit and the plan row ---------------------------------------------------------------
    def _audit(self, actor: tuple[int, str] | None, action: str, object_type: str, object_id: int,
               changes: dict[str, Any], at: dt.datetime) -> None:
        actor_id, actor_name = actor or (None, "System")
        self.out.add("audit_event", dict(
            id=self.ids.next("audit_event"), plan_id=self.plan_id, at=at, actor_id=actor_id,
            actor_name=actor_name, action=action, object_type=object_type, object_id=object_id,
            changes=changes))

    def _plan_row(self) -> None:
        self.out.rows.setdefault("plan", []).insert(0, dict(
            id=self.plan_id, slug=self.slug, name=f"Benchmark-Plan (synthetisch, x{self.scale:g})",
            owner="Landkreis Musterstadt (synthetisch)",
            description="Synthetische Daten für die Leistungsmessung; keine echten Angaben.",
            horizon_year=2030, is_example=True, change_counter=self.out.count("audit_event"),
            green_tolerance=15, stale_after_days=180, public_view=True, release_required=False,
            confidentiality_threshold=5, created_at=self.stamp - dt.timedelta(days=8 * 365)))


# Insert order respects the foreign keys.
TABLES = (
    ("plan", Plan), ("organisation", Organisation), ("app_user", User), ("body", Body), ("meeting", Meeting),
    ("action_field", ActionField), ("guiding_goal", GuidingGoal), ("annual_goal", AnnualGoal),
    ("measure", Measure), ("measure_partner", measure_partner), ("status_report", StatusReport),
    ("indicator", Indicator), ("indicator_value", IndicatorValue), ("audit_event", AuditEvent),
)
ID_TABLES = [name for name, _ in TABLES if name != "measure_partner"]


def generate(scale: float = 1, seed: int = 2030, today: dt.date | None = None,
             start_ids: dict[str, int] | None = None, slug: str | None = None) -> GeneratedPlan:
    """The rows of a synthetic plan at `scale` (1 = x1), the same rows for the same arguments."""
    builder = _Builder(scale, seed, today or dt.date.today(), start_ids or {}, slug or f"benchmark-x{scale:g}")
    return builder.build()


def _max_ids(session: Session) -> dict[str, int]:
    return {name: session.scalar(select(func.coalesce(func.max(model.id), 0))) for name, model in TABLES
            if name in ID_TABLES}


def write_plan(engine: Engine, scale: float = 1, seed: int = 2030, today: dt.date | None = None,
               slug: str | None = None) -> int:
    """Generate a plan and insert it in one transaction; returns its id. The database must be migrated."""
    with Session(engine) as session, session.begin():
        plan = generate(scale, seed, today, _max_ids(session), slug)
        for name, target in TABLES:
            rows = plan.rows.get(name, [])
            for chunk in range(0, len(rows), 5000):
                session.execute(insert(target), rows[chunk:chunk + 5000])
        if engine.dialect.name == "postgresql":
            _advance_sequences(session)
        return plan.rows["plan"][0]["id"]


def _advance_sequences(session: Session) -> None:
    """Explicit ids do not move PostgreSQL's sequences; move them past the inserted rows."""
    for name in ID_TABLES:
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {name}))"))
