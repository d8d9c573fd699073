"""The commands' refusals in German and English: every message a write can refuse with is said here.

`say(key, **params)` makes a models.texts.Message (German as a str, `.render(lang)` for the screen).
Field labels are German words the commands pass to the checks; `field_label` gives them their English.
"""

from __future__ import annotations

from typing import Any

from models.texts import Wording

_KEEP_DE = ("Es wurde nichts gespeichert; Ihre Eingaben sind erhalten. "
            "Bitte prüfen Sie den neuen Stand und speichern Sie erneut.")
_KEEP_EN = "Nothing was saved; what you typed is kept. Please check the new state and save again."
_KEPT_DE = "Ihre Eingaben sind erhalten; bitte prüfen Sie den neuen Stand und speichern Sie erneut."
_KEPT_EN = "What you typed is kept; please check the new state and save again."

_LABELS = {
    "Name": "Name", "Kürzel": "Code", "Titel": "Title", "Beschreibung": "Description", "Beginn": "Start",
    "Ende": "End", "Gewicht": "Weight", "Herkunft": "Origin", "Jahr": "Year", "Begründung": "Reason",
    "Datum des Kreistagsbeschlusses": "Date of the council decision", "Beschluss (Drucksache)": "Decision (paper)",
    "Datum des Ausgangswerts": "Baseline date", "Zieldatum": "Target date", "Einheit": "Unit", "Quelle": "Source",
    "Ausgangswert": "Baseline value", "Zielwert": "Target value", "Datum": "Date", "Wert": "Value",
    "Anmerkung": "Note", "Seite": "Page", "Kontaktadresse (E-Mail)": "Contact address (e-mail)", "E-Mail-Adresse": "E-mail address", "Kurzname": "Short name", "Art": "Kind", "Bezeichnung": "Label",
}

_KINDS = {
    "action_field": ("Dieses Handlungsfeld", "This action field"),
    "guiding_goal": ("Dieses Leitziel", "This guiding goal"),
    "annual_goal": ("Dieses Jahresziel", "This annual goal"),
    "measure": ("Diese Maßnahme", "This measure"),
    "organisation": ("Diese Organisation", "This organisation"),
    "indicator": ("Diese Kennzahl", "This indicator"),
}
_KIND_NAMES = {
    "action_field": ("Handlungsfeld", "action field"),
    "guiding_goal": ("Leitziel", "guiding goal"),
    "annual_goal": ("Jahresziel", "annual goal"),
}

WORDS: dict[str, dict[str, str]] = {
    # shared
    "check": {"de": "Bitte prüfen Sie die markierten Angaben. Es wurde nichts gespeichert.",
              "en": "Please check the marked entries. Nothing was saved."},
    "check.short": {"de": "Bitte prüfen Sie die markierten Angaben.", "en": "Please check the marked entries."},
    "admins_only": {"de": "Nur die Administration darf den Plan pflegen.",
                    "en": "Only administrators may maintain the plan."},
    "code_rule": {"de": "Das Kürzel beginnt mit einem Buchstaben oder einer Ziffer und darf nur Buchstaben (auch "
                        "Umlaute), Ziffern, Leerzeichen und die Zeichen . _ - + / enthalten (z. B. M2024-01-03, "
                        "Üneu1, B5+6).",
                  "en": "The code starts with a letter or a digit and may contain only letters (umlauts too), "
                        "digits, spaces and the characters . _ - + / (e.g. M2024-01-03, Üneu1, B5+6)."},
    "code_taken": {"de": "Das Kürzel „{code}“ ist in diesem Plan schon vergeben.",
                   "en": "The code “{code}” is already used in this plan."},
    "plan_gone": {"de": "Diesen Plan gibt es nicht (mehr).", "en": "This plan does not exist (any more)."},
    "conflict.plan": {"de": "Der Plan wurde inzwischen von jemand anderem geändert. " + _KEEP_DE,
                      "en": "Someone else has changed the plan in the meantime. " + _KEEP_EN},
    "conflict.measure": {"de": "Diese Maßnahme wurde inzwischen von jemand anderem geändert. " + _KEEP_DE,
                         "en": "Someone else has changed this measure in the meantime. " + _KEEP_EN},
    "conflict.overlap": {"de": "Die Angaben überschneiden sich mit einem Eintrag, der inzwischen gespeichert wurde "
                               "(z. B. dasselbe Kürzel). " + _KEEP_DE,
                         "en": "The entries overlap with an entry saved in the meantime (e.g. the same code). "
                               + _KEEP_EN},
    "account.changed": {"de": "Ihre Rechte haben sich geändert oder Ihr Konto ist nicht mehr aktiv: Es wurde nichts "
                              "gespeichert. Bitte melden Sie sich neu an.",
                        "en": "Your rights have changed or your account is no longer active: nothing was saved. "
                              "Please sign in again."},
    "account.signed_out": {"de": "Ihre Anmeldung ist abgelaufen oder beendet: Es wurde nichts gespeichert. "
                                 "Bitte melden Sie sich neu an.",
                           "en": "Your sign-in has expired or ended: nothing was saved. Please sign in again."},
    # the checks
    "field.required": {"de": "Bitte geben Sie „{label}“ an.", "en": "Please enter “{label}”."},
    "field.too_long": {"de": "„{label}“ darf höchstens {limit} Zeichen lang sein (jetzt {length}).",
                       "en": "“{label}” may be at most {limit} characters long (now {length})."},
    "field.number_required": {"de": "Bitte geben Sie „{label}“ als Zahl an.",
                              "en": "Please enter “{label}” as a number."},
    "field.not_number": {"de": "„{label}“ muss eine Zahl sein.", "en": "“{label}” must be a number."},
    "field.below": {"de": "„{label}“ darf nicht kleiner als {minimum} sein.",
                    "en": "“{label}” may not be less than {minimum}."},
    "field.above": {"de": "„{label}“ darf nicht größer als {maximum} sein.",
                    "en": "“{label}” may not be greater than {maximum}."},
    "field.year": {"de": "Das Jahr muss eine ganze Zahl zwischen {low} und {high} sein.",
                   "en": "The year must be a whole number between {low} and {high}."},
    "field.not_date": {"de": "„{label}“ ist kein gültiges Datum (TT.MM.JJJJ).",
                       "en": "“{label}” is not a valid date (DD.MM.YYYY)."},
    # accounts
    "email_taken": {"de": "Für diese E-Mail-Adresse gibt es bereits ein Konto.",
                    "en": "There is already an account for this e-mail address."},
    "organisation_gone": {"de": "Die gewählte Organisation gibt es nicht (mehr).",
                          "en": "The chosen organisation does not exist (any more)."},
    "editor_needs_organisation": {"de": "Ein Konto mit der Rolle „editor“ braucht eine Organisation: "
                                        "Es meldet zu deren Maßnahmen.",
                                  "en": "An account with the role “editor” needs an organisation: it reports on "
                                        "that organisation's measures."},
    "accounts.admins_only": {"de": "Nur die Administration darf Konten anlegen.",
                             "en": "Only administrators may create accounts."},
    "account_gone": {"de": "Dieses Konto gibt es nicht (mehr).", "en": "This account does not exist (any more)."},
    "own_admin": {"de": "Sie können sich nicht selbst die Administration entziehen oder Ihr eigenes Konto "
                        "deaktivieren.",
                  "en": "You cannot remove your own administrator role or deactivate your own account."},
    "last_admin": {"de": "Es muss mindestens ein aktives Konto mit der Rolle „admin“ bleiben.",
                   "en": "At least one active account with the role “admin” must remain."},
    # indicators
    "indicator.level": {"de": "Bitte wählen Sie eine sichtbare Ebene dieses Plans (oder den ganzen Plan).",
                        "en": "Please choose a visible level of this plan (or the whole plan)."},
    "indicator.target_date": {"de": "Das Zieldatum muss nach dem Datum des Ausgangswerts liegen.",
                              "en": "The target date must be after the baseline date."},
    "indicator.direction": {"de": "Bitte wählen Sie, ob ein steigender oder ein fallender Wert das Ziel ist.",
                            "en": "Please choose whether a rising or a falling value is the goal."},
    "indicator.kind": {"de": "Bitte wählen Sie Ergebnis- oder Kontextkennzahl.",
                       "en": "Please choose result or context indicator."},
    "value_gone": {"de": "Diesen Messwert gibt es in diesem Plan nicht (mehr).",
                   "en": "This value does not exist in this plan (any more)."},
    "value.future": {"de": "Das Datum eines Messwerts darf nicht in der Zukunft liegen.",
                     "en": "The date of a value may not be in the future."},
    "value.taken": {"de": "Für den {date} gibt es schon einen Messwert.",
                    "en": "There is already a value for {date}."},
    # measures
    "measure.annual_goal": {"de": "Bitte wählen Sie ein sichtbares Jahresziel dieses Plans.",
                            "en": "Please choose a visible annual goal of this plan."},
    "measure.lead": {"de": "Bitte wählen Sie die federführende Organisation.",
                     "en": "Please choose the lead organisation."},
    "measure.lead_gone": {"de": "Die gewählte Federführung gibt es nicht (mehr).",
                          "en": "The chosen lead organisation does not exist (any more)."},
    "measure.due_before_start": {"de": "Das Enddatum liegt vor dem Beginn.", "en": "The end date is before the start."},
    "measure.partner_gone": {"de": "Eine gewählte Partnerorganisation gibt es nicht (mehr).",
                             "en": "A chosen partner organisation does not exist (any more)."},
    "measure.lead_as_partner": {"de": "Die federführende Organisation kann nicht zugleich Partnerin sein.",
                                "en": "The lead organisation cannot also be a partner."},
    "bulk.row_gone": {"de": "Zeile {row}: Diese Maßnahme gibt es in diesem Plan nicht (mehr).",
                      "en": "Row {row}: this measure does not exist in this plan (any more)."},
    "bulk.row": {"de": "Zeile {row} ({code}): {message}", "en": "Row {row} ({code}): {message}"},
    "bulk.one": {"de": "Es wurde nichts gespeichert. Bitte beheben Sie zuerst dieses Problem:",
                 "en": "Nothing was saved. Please fix this problem first:"},
    "bulk.many": {"de": "Es wurde nichts gespeichert. Bitte beheben Sie zuerst diese {count} Probleme:",
                  "en": "Nothing was saved. Please fix these {count} problems first:"},
    "bulk.conflict": {"de": "Diese Maßnahmen wurden inzwischen von jemand anderem geändert: {codes}. " + _KEEP_DE,
                      "en": "Someone else has changed these measures in the meantime: {codes}. " + _KEEP_EN},
    # meetings
    "body.taken": {"de": "Ein Gremium „{name}“ gibt es in diesem Plan schon.",
                   "en": "A body “{name}” already exists in this plan."},
    "body_gone": {"de": "Dieses Gremium gibt es in diesem Plan nicht (mehr).",
                  "en": "This body does not exist in this plan (any more)."},
    "meeting.body": {"de": "Bitte wählen Sie ein Gremium dieses Plans.", "en": "Please choose a body of this plan."},
    "meeting.taken": {"de": "Am {date} gibt es schon eine Sitzung dieses Gremiums.",
                      "en": "This body already has a meeting on {date}."},
    "meeting_gone": {"de": "Diese Sitzung gibt es in diesem Plan nicht (mehr).",
                     "en": "This meeting does not exist in this plan (any more)."},
    "snapshot.admins_only": {"de": "Nur die Administration darf einen Sitzungsstand festhalten.",
                             "en": "Only administrators may freeze a meeting view."},
    "snapshot.future": {"de": "Der Stand darf nicht in der Zukunft liegen.", "en": "The date may not be in the future."},
    "snapshot.until_today": {"de": "Bitte wählen Sie einen Stand bis heute.",
                             "en": "Please choose a date up to today."},
    "snapshot.conflict": {"de": "Der Plan wurde inzwischen geändert. Bitte prüfen Sie die Folien und halten Sie den "
                                "Stand erneut fest.",
                          "en": "The plan has changed in the meantime. Please check the slides and freeze the view "
                                "again."},
    "snapshot.no_meeting": {"de": "Diese Sitzung gibt es in diesem Plan nicht.",
                            "en": "This meeting does not exist in this plan."},
    "snapshot.choose_meeting": {"de": "Bitte wählen Sie eine Sitzung des Plans.",
                                "en": "Please choose a meeting of the plan."},
    "snapshot.taken": {"de": "Für die Sitzung am {date} ist schon ein Stand festgehalten. Löschen Sie ihn zuerst, "
                             "wenn Sie ihn ersetzen möchten.",
                       "en": "A view is already frozen for the meeting on {date}. Delete it first if you want to "
                             "replace it."},
    "snapshot.taken_short": {"de": "Für diese Sitzung gibt es schon einen festgehaltenen Stand.",
                             "en": "This meeting already has a frozen view."},
    "snapshot.delete_admins_only": {"de": "Nur die Administration darf einen Sitzungsstand löschen.",
                                    "en": "Only administrators may delete a meeting view."},
    "snapshot_gone": {"de": "Diesen festgehaltenen Sitzungsstand gibt es nicht (mehr).",
                      "en": "This frozen meeting view does not exist (any more)."},
    # organisations
    "organisation.taken": {"de": "Eine Organisation „{name}“ gibt es schon.",
                           "en": "An organisation “{name}” already exists."},
    # release
    "release.admins_only": {"de": "Nur die Administration darf Sachstände freigeben.",
                            "en": "Only administrators may release status reports."},
    "release.none": {"de": "Bitte wählen Sie mindestens einen Sachstand zur Freigabe aus.",
                     "en": "Please choose at least one status report to release."},
    "release.none_short": {"de": "Bitte wählen Sie mindestens einen Sachstand aus.",
                           "en": "Please choose at least one status report."},
    "release.stale": {"de": "Einige der ausgewählten Sachstände warten nicht mehr auf Freigabe (inzwischen "
                            "freigegeben oder nicht aus diesem Plan). Es wurde nichts freigegeben; bitte prüfen Sie "
                            "die aktuelle Liste.",
                      "en": "Some of the chosen status reports no longer await release (released in the meantime "
                            "or not from this plan). Nothing was released; please check the current list."},
    "release.stale_short": {"de": "Bitte wählen Sie nur Sachstände aus der aktuellen Liste.",
                            "en": "Please choose only status reports from the current list."},
    "release.raced": {"de": "Die Sachstände wurden gerade von jemand anderem freigegeben. Es wurde nichts geändert.",
                      "en": "Someone else has just released these status reports. Nothing was changed."},
    # status reports
    "report.status": {"de": "Bitte wählen Sie einen gültigen Status.", "en": "Please choose a valid status."},
    "report.progress": {"de": "Der Fortschritt muss eine ganze Zahl von 0 bis 100 % sein.",
                        "en": "Progress must be a whole number from 0 to 100 %."},
    "report.completed_full": {"de": "Eine abgeschlossene Maßnahme hat 100 % Fortschritt.",
                              "en": "A completed measure has 100 % progress."},
    "report.full_completed": {"de": "100 % Fortschritt gibt es nur mit dem Status „abgeschlossen“.",
                              "en": "100 % progress goes only with the status “completed”."},
    "report.progress_drops": {"de": "Der Fortschritt sinkt von {before} % auf {after} %: Bitte begründen Sie das kurz.",
                              "en": "Progress drops from {before} % to {after} %: please give a short reason."},
    "report.date": {"de": "Bitte geben Sie das Datum des Sachstands an.",
                    "en": "Please enter the date of the status report."},
    "report.future": {"de": "Das Datum des Sachstands darf nicht in der Zukunft liegen.",
                      "en": "The date of the status report may not be in the future."},
    "report.summary": {"de": "Bitte beschreiben Sie den Sachstand in ein paar Worten.",
                       "en": "Please describe the status in a few words."},
    "report.too_long": {"de": "Bitte kürzen Sie den Text auf höchstens {limit} Zeichen (jetzt {length}).",
                        "en": "Please shorten the text to at most {limit} characters (now {length})."},
    "report.measure_gone": {"de": "Diese Maßnahme gibt es nicht (mehr).",
                            "en": "This measure does not exist (any more)."},
    "report.not_yours": {"de": "Sie dürfen zu dieser Maßnahme keinen Sachstand melden.",
                         "en": "You may not report on this measure."},
    "report.backdate_floor": {"de": "Sie können einen Sachstand höchstens bis zum {date} zurückdatieren (30 Tage, und "
                                    "nach der letzten Sitzung des Fachbeirats).",
                              "en": "You can backdate a status report to {date} at the earliest (30 days, and after "
                                    "the last meeting of the advisory board)."},
    "report.backdate_reason": {"de": "Bitte begründen Sie, warum der Sachstand so weit zurückdatiert wird.",
                               "en": "Please give a reason why the status report is backdated this far."},
    "report.reason_too_long": {"de": "Bitte kürzen Sie die Begründung auf höchstens {limit} Zeichen.",
                               "en": "Please shorten the reason to at most {limit} characters."},
    "report.conflict": {"de": "Diese Maßnahme wurde inzwischen von jemand anderem geändert. " + _KEPT_DE,
                        "en": "Someone else has changed this measure in the meantime. " + _KEPT_EN},
    # barrier reports (page Barrierefreiheit)
    "barrier.contact": {"de": "Bitte geben Sie eine gültige E-Mail-Adresse an oder lassen Sie das Feld leer.",
                        "en": "Please enter a valid e-mail address or leave the field empty."},
    "barrier.day_full": {"de": "Heute sind schon sehr viele Meldungen eingegangen. Bitte versuchen Sie es morgen "
                               "noch einmal; Ihr Text ist erhalten.",
                         "en": "Very many reports have arrived today. Please try again tomorrow; your text is kept."},
    "barrier.gone": {"de": "Diese Meldung gibt es nicht (mehr).", "en": "This report does not exist (any more)."},
    "import_profile.name_missing": {"de": "Bitte geben Sie dem Profil einen Namen.",
                                    "en": "Please give the profile a name."},
    "import_profile.name_long": {"de": "Der Name des Profils ist zu lang (höchstens {limit} Zeichen).",
                                 "en": "The profile's name is too long (at most {limit} characters)."},
    "import_profile.shape": {"de": "Die Form „{shape}“ kennt der Import nicht.",
                             "en": "The import does not know the shape “{shape}”."},
    "import_profile.gone": {"de": "Dieses Importprofil gibt es nicht mehr.",
                            "en": "This import profile no longer exists."},
    "report.unchanged_summary": {"de": "Unverändert gegenüber dem Sachstand vom {date}.",
                                 "en": "Unchanged since the status report of {date}."},
    "report.unchanged_no_figure": {
        "de": "Kein Sachstand dieser Maßnahme nennt einen Fortschritt in Prozent. Bitte melden Sie den Sachstand "
              "mit dem Formular und geben Sie den Fortschritt an.",
        "en": "No status report of this measure names a progress in percent. Please report with the form and "
              "give the progress."},
    "report.unchanged_none": {"de": "Zu dieser Maßnahme gibt es noch keinen Sachstand, der unverändert gelten "
                                    "könnte. Bitte melden Sie den Sachstand mit dem Formular.",
                              "en": "This measure has no status report yet that could stay unchanged. Please report "
                                    "with the form."},
    # reporting rounds
    "organisation.contact_email": {"de": "Die Kontaktadresse muss eine E-Mail-Adresse sein (oder leer bleiben).",
                                   "en": "The contact address must be an e-mail address (or stay empty)."},
    "round.too_late": {"de": "Für die Sitzung am {meeting} ist die Frist schon vorbei (am {deadline}, {days} Tage "
                             "vor der Sitzung). Bitte wählen Sie eine spätere Sitzung oder verkürzen Sie die Vorlaufzeit "
                             "in den Einstellungen.",
                       "en": "For the meeting on {meeting} the deadline has passed ({deadline}, {days} days before the "
                             "meeting). Please choose a later meeting or shorten the lead time in the settings."},
    "round.window": {"de": "Der Beginn des Berichtszeitraums muss vor der Sitzung liegen.",
                     "en": "The start of the reporting period must lie before the meeting."},
    "round.exists": {"de": "Für die Sitzung am {meeting} ist schon eine Berichtsrunde eröffnet.",
                     "en": "A reporting round for the meeting on {meeting} is already open."},
    "round.gone": {"de": "Diese Berichtsrunde gibt es nicht (mehr).", "en": "This reporting round does not exist (any more)."},
    "round.no_account": {"de": "Diese Einstellung gibt es nur für ein eigenes Konto.",
                         "en": "This setting exists only for an account of one's own."},
    # settings
    "settings.admins_only": {"de": "Nur die Administration darf die Einstellungen eines Plans ändern.",
                             "en": "Only administrators may change a plan's settings."},
    "settings.conflict": {"de": "Der Plan wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind erhalten; "
                                "bitte prüfen Sie die aktuell gespeicherten Werte und speichern Sie erneut.",
                          "en": "Someone else has changed the plan in the meantime. What you typed is kept; please "
                                "check the values now saved and save again."},
    # structure
    "children.action_field": {"de": "Dieses Handlungsfeld hat noch {count} sichtbare Leitziele. Blenden Sie diese "
                                    "zuerst aus oder ordnen Sie sie einem anderen Handlungsfeld zu.",
                              "en": "This action field still has {count} visible guiding goals. Hide them first or "
                                    "assign them to another action field."},
    "children.guiding_goal": {"de": "Dieses Leitziel hat noch {count} sichtbare Jahresziele. Blenden Sie diese zuerst "
                                    "aus oder ordnen Sie sie einem anderen Leitziel zu.",
                              "en": "This guiding goal still has {count} visible annual goals. Hide them first or "
                                    "assign them to another guiding goal."},
    "children.annual_goal": {"de": "Dieses Jahresziel hat noch {count} sichtbare Maßnahmen. Blenden Sie diese zuerst "
                                   "aus oder ordnen Sie sie einem anderen Jahresziel zu.",
                             "en": "This annual goal still has {count} visible measures. Hide them first or assign "
                                   "them to another annual goal."},
    "children.organisation": {"de": "Diese Organisation hat noch bei {count} sichtbaren Maßnahmen die Federführung. "
                                    "Übertragen Sie die Federführung zuerst.",
                              "en": "This organisation still leads {count} visible measures. Hand over the lead "
                                    "first."},
    "parent_hidden": {"de": "Die übergeordnete Ebene ({kind}) ist ausgeblendet; blenden Sie sie zuerst ein.",
                      "en": "The level above ({kind}) is hidden; show it again first."},
    "goal.action_field": {"de": "Bitte wählen Sie ein sichtbares Handlungsfeld dieses Plans.",
                          "en": "Please choose a visible action field of this plan."},
    "goal.guiding_goal": {"de": "Bitte wählen Sie ein sichtbares Leitziel dieses Plans.",
                          "en": "Please choose a visible guiding goal of this plan."},
    "goal.decision_date": {"de": "Ein priorisiertes Jahresziel braucht das Datum des Kreistagsbeschlusses.",
                           "en": "A prioritised annual goal needs the date of the council decision."},
    "carry.hidden": {"de": "Ein ausgeblendetes Jahresziel kann nicht übertragen werden.",
                     "en": "A hidden annual goal cannot be carried over."},
    "carry.beyond": {"de": "Ein Jahresziel kann nicht über {year} hinaus übertragen werden.",
                     "en": "An annual goal cannot be carried over beyond {year}."},
    "carry.done": {"de": "Dieses Jahresziel wurde bereits übertragen (nach {code}).",
                   "en": "This annual goal has already been carried over (to {code})."},
    "retire.kind": {"de": "Diese Art von Eintrag kann hier nicht ausgeblendet werden.",
                    "en": "This kind of entry cannot be hidden here."},
    "move.impossible": {"de": "Diese Verschiebung ist nicht möglich.", "en": "This move is not possible."},
    "move.hidden": {"de": "Ein ausgeblendeter Eintrag kann nicht verschoben werden.",
                    "en": "A hidden entry cannot be moved."},
    "move.top": {"de": "Der Eintrag steht schon ganz oben.", "en": "The entry is already at the top."},
    "move.bottom": {"de": "Der Eintrag steht schon ganz unten.", "en": "The entry is already at the bottom."},
    **{f"gone.{kind}": {"de": f"{de} gibt es in diesem Plan nicht (mehr).",
                        "en": f"{en} does not exist in this plan (any more)."} for kind, (de, en) in _KINDS.items()},
    **{f"kind.{kind}": {"de": de, "en": en} for kind, (de, en) in _KIND_NAMES.items()},
    **{f"label.{de}": {"de": de, "en": en} for de, en in _LABELS.items()},
}

say = Wording(WORDS)


def field_label(label: Any) -> Any:
    """A German field label as a Message (English where known); anything else as it is."""
    return say(f"label.{label}") if isinstance(label, str) and f"label.{label}" in WORDS else label
