"""Strings shared by all pages: app frame, plan, Stand, charts."""

from models.texts import CATALOGUE

CATALOGUE.update(
    {
        "app.title": {"de": "Masterplan-Cockpit", "en": "Masterplan Cockpit"},
        "app.section.view": {"de": "Überblick", "en": "Overview"},
        "app.section.report": {"de": "Berichten", "en": "Reporting"},
        "app.section.admin": {"de": "Verwaltung", "en": "Administration"},
        "app.section.account": {"de": "Konto", "en": "Account"},
        "app.db_error": {
            "de": "Die Datenbank ist nicht erreichbar. Bitte wenden Sie sich an die Administration. ({detail})",
            "en": "The database cannot be reached. Please contact the administrators. ({detail})",
        },
        "app.unexpected_error": {
            "de": "Hier ist leider ein Fehler aufgetreten. Bitte laden Sie die Seite neu; wenn der Fehler "
                  "bleibt, wenden Sie sich bitte an die Administration.",
            "en": "Sorry, something went wrong. Please reload the page; if the error persists, please "
                  "contact the administrators.",
        },
        "app.invalid_choice": {
            "de": "Die Auswahl für „{label}“ war ungültig und wurde zurückgesetzt.",
            "en": "The choice for “{label}” was invalid and has been reset.",
        },
        "plan.select": {"de": "Plan", "en": "Plan"},
        "plan.unknown": {
            "de": "Den Plan „{slug}“ aus dem Link gibt es nicht; angezeigt wird „{name}“.",
            "en": "The plan “{slug}” from the link does not exist; showing “{name}”.",
        },
        "plan.none_public": {
            "de": "Die Inhalte dieses Cockpits sind nur nach der Anmeldung sichtbar.",
            "en": "The contents of this cockpit are visible after signing in only.",
        },
        "plan.example": {
            "de": "Beispieldaten: Dieser Plan ist frei erfunden und dient nur der Vorführung.",
            "en": "Example data: this plan is invented, for demonstration only.",
        },
        "plan.example_short": {"de": "Beispieldaten", "en": "example data"},
        "common.as_of": {"de": "Stand: {date}", "en": "As of {date}"},
        "asof.label": {"de": "Stand", "en": "As of"},
        "asof.today": {"de": "Heute ({date})", "en": "Today ({date})"},
        "asof.meeting": {"de": "{body}, {date}", "en": "{body}, {date}"},
        "asof.other": {"de": "Anderes Datum …", "en": "Other date …"},
        "asof.date": {"de": "Datum des Stands", "en": "Date"},
        "page.my_measures": {"de": "Meine Maßnahmen", "en": "My measures"},
        "page.overview": {"de": "Übersicht", "en": "Overview"},
        "page.goals": {"de": "Leitziele 2030", "en": "Guiding goals 2030"},
        "page.annual_goals": {"de": "Jahresziele", "en": "Annual goals"},
        "page.measures": {"de": "Maßnahmen", "en": "Measures"},
        "page.indicators": {"de": "Kennzahlen", "en": "Indicators"},
        "page.organisations": {"de": "Akteure", "en": "Organisations"},
        "page.report": {"de": "Sachstand melden", "en": "Report status"},
        "page.reporting_round": {"de": "Berichtsrunde", "en": "Reporting round"},
        "page.maintenance": {"de": "Pflege", "en": "Maintenance"},
        "page.release": {"de": "Freigabe", "en": "Release"},
        "page.audit_log": {"de": "Änderungsprotokoll", "en": "Audit trail"},
        "page.settings": {"de": "Einstellungen", "en": "Settings"},
        "page.sign_in": {"de": "Anmelden", "en": "Sign in"},
        "page.account": {"de": "Mein Konto", "en": "My account"},
        "page.accessibility": {"de": "Barrierefreiheit", "en": "Accessibility"},
        "page.welcome": {"de": "Willkommen", "en": "Welcome"},
        "page.closed.no_plan": {
            "de": "Diese Seite braucht einen Plan. Es ist aber noch kein Plan erfasst: Die Startseite sagt, "
                  "wie ein Plan in das Cockpit kommt.",
            "en": "This page needs a plan, but no plan has been entered yet: the start page explains how to add one.",
        },
        "page.closed.has_plan": {
            "de": "Inzwischen ist ein Plan erfasst. Sie finden ihn auf der Startseite.",
            "en": "A plan has been entered meanwhile. You find it on the start page.",
        },
        "page.closed.role": {
            "de": "Diese Seite ist für Ihre Rolle nicht freigegeben. Wenden Sie sich an die Administration, "
                  "wenn Sie sie brauchen.",
            "en": "This page is not available for your role. Ask the administration if you need it.",
        },
        "sign_in.intro": {
            "de": "Melden Sie sich an, um Sachstände zu Ihren Maßnahmen zu melden oder den Plan zu pflegen.",
            "en": "Sign in to report on your measures or to maintain the plan.",
        },
        "sign_in.email": {"de": "E-Mail-Adresse", "en": "E-mail address"},
        "sign_in.password": {"de": "Passwort", "en": "Password"},
        "sign_in.submit": {"de": "Anmelden", "en": "Sign in"},
        "sign_in.missing": {"de": "Bitte geben Sie E-Mail-Adresse und Passwort ein.", "en": "Please enter e-mail and password."},
        "sign_in.first": {"de": "Bitte melden Sie sich an, um „{page}“ zu öffnen.",
                           "en": "Please sign in to open “{page}”."},
        "sign_in.oidc": {"de": "Mit dem Dienstkonto anmelden", "en": "Sign in with your work account"},
        "sign_in.or_local": {"de": "Oder mit einem lokalen Konto:", "en": "Or with a local account:"},
        "sign_in.no_account": {
            "de": "Noch kein Konto? Die Administration (Büro für Migration und Inklusion) legt Konten an.",
            "en": "No account yet? The administrators create accounts.",
        },
        "sign_in.ended.idle": {
            "de": "Sie waren länger nicht aktiv und wurden zu Ihrer Sicherheit abgemeldet. Bitte melden Sie sich neu an.",
            "en": "You were inactive for a while and have been signed out for your safety. Please sign in again.",
        },
        "sign_in.ended.expired": {
            "de": "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.",
            "en": "Your sign-in has expired. Please sign in again.",
        },
        "sign_in.ended.deactivated": {
            "de": "Ihr Konto wurde deaktiviert. Bitte wenden Sie sich an die Administration.",
            "en": "Your account has been deactivated. Please contact the administrators.",
        },
        "sign_in.ended.rights_changed": {
            "de": "Die Rechte Ihres Kontos wurden geändert. Bitte melden Sie sich neu an.",
            "en": "The rights of your account have changed. Please sign in again.",
        },
        "sign_in.ended.password_changed": {
            "de": "Das Passwort Ihres Kontos wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.",
            "en": "The password of your account was changed. Please sign in with the new password.",
        },
        "sign_in.ended.signed_out": {
            "de": "Sie haben sich abgemeldet.", "en": "You have signed out.",
        },
        "sign_in.ended.other": {
            "de": "Ihre Anmeldung ist beendet. Bitte melden Sie sich neu an.",
            "en": "Your sign-in has ended. Please sign in again.",
        },
        "sign_in.ended.identity": {
            "de": "Diese Anmeldung beim Identitätsanbieter ist beendet oder abgelaufen. "
                  "Bitte melden Sie sich neu an.",
            "en": "This sign-in with the identity provider has ended or expired. Please sign in again.",
        },
        "sign_in.unsaved": {
            "de": "Ihre nicht gespeicherten Eingaben (zum Kopieren)",
            "en": "What you typed and could not save (to copy)",
        },
        "account.signed_in_as": {"de": "Angemeldet als **{name}** · Rolle: {role}", "en": "Signed in as **{name}** · role: {role}"},
        "account.sign_out": {"de": "Abmelden", "en": "Sign out"},
        "account.organisation": {"de": "Organisation: {name}", "en": "Organisation: {name}"},
        "account.no_organisation": {
            "de": "Ihrem Konto ist keine Organisation zugeordnet. Bitte wenden Sie sich an die Administration.",
            "en": "Your account has no organisation. Please contact the administrators.",
        },
        "account.via_oidc": {"de": "Angemeldet über das Dienstkonto (Identitätsanbieter).",
                             "en": "Signed in with your work account (identity provider)."},
        "account.via_local": {"de": "Angemeldet mit einem lokalen Konto.", "en": "Signed in with a local account."},
        "role.viewer": {"de": "Lesen", "en": "Reader"},
        "role.editor": {"de": "Berichten (Federführung)", "en": "Reporting (project lead)"},
        "role.admin": {"de": "Verwaltung", "en": "Administration"},
        "role.viewer.explained": {"de": "Sie können den ganzen Plan ansehen.", "en": "You can view the whole plan."},
        "role.editor.explained": {
            "de": "Sie können Sachstände zu den Maßnahmen Ihrer Organisation melden.",
            "en": "You can report on your organisation's measures.",
        },
        "role.admin.explained": {
            "de": "Sie können den Plan, die Konten und die Einstellungen pflegen.",
            "en": "You can maintain the plan, accounts and settings.",
        },
        "chart.progress_axis": {"de": "Fortschritt", "en": "Progress"},
        "chart.measures_hover": {"de": "Maßnahmen", "en": "measures"},
        "chart.light_hover": {"de": "Ampel", "en": "Traffic light"},
    }
)
