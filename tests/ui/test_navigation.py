"""Each role sees only its pages (the commands check again; this is the navigation)."""

from pathlib import Path

from ui.shell.navigation import PAGES, _closed_reason, visible_pages

ROOT = Path(__file__).resolve().parents[2]


def _paths(role, public_view=True):
    return {page.url_path for page in visible_pages(role, public_view)}


VIEW = {"uebersicht", "leitziele", "jahresziele", "massnahmen", "kennzahlen", "akteure", "berichte", "export",
        "praesentation"}
EVERYONE = {"barrierefreiheit"}  # the accessibility statement and the barrier form, for every visitor
PUBLISHED = {"offene-daten"}  # what the plan publishes: for every visitor while its public view is on


def test_anonymous_visitors_see_the_plan_and_the_sign_in_when_the_public_view_is_on():
    assert _paths("anonymous") == VIEW | EVERYONE | PUBLISHED | {"anmelden"}


def test_anonymous_visitors_see_only_the_sign_in_and_the_accessibility_page_when_the_public_view_is_off():
    assert _paths("anonymous", public_view=False) == EVERYONE | {"anmelden"}


def test_viewers_see_the_plan_and_their_account_but_no_form():
    assert _paths("viewer", public_view=False) == VIEW | EVERYONE | {"konto"}


def test_editors_also_report_and_start_on_their_measures():
    assert _paths("editor") == VIEW | EVERYONE | PUBLISHED | {"konto", "sachstand-melden", "meine-massnahmen"}
    assert visible_pages("editor", True)[0].url_path == "meine-massnahmen"


def test_admins_start_on_their_measures_only_when_they_report_for_an_organisation():
    assert visible_pages("admin", True, organisation=True)[0].url_path == "meine-massnahmen"
    assert "meine-massnahmen" not in _paths_of(visible_pages("admin", True, organisation=False))
    assert visible_pages("admin", True, organisation=False)[0].url_path == "uebersicht"


def _paths_of(pages):
    return {page.url_path for page in pages}


def test_admins_see_everything_but_the_sign_in():
    assert _paths_of(visible_pages("admin", True, organisation=True)) == {
        page.url_path for page in PAGES if not page.hidden} - {"anmelden", "willkommen"}


def test_without_any_plan_every_role_starts_on_the_welcome_page_and_gets_only_the_pages_that_need_none():
    def offered(role):
        return visible_pages(role, False, organisation=True, has_plan=False)
    assert _paths_of(offered("anonymous")) == EVERYONE | {"willkommen", "anmelden"}
    assert _paths_of(offered("viewer")) == _paths_of(offered("editor")) == EVERYONE | {"willkommen", "konto"}
    assert _paths_of(offered("admin")) == EVERYONE | {"willkommen", "konto", "import"}
    for role in ("anonymous", "viewer", "editor", "admin"):
        assert offered(role)[0].url_path == "willkommen"
        assert "willkommen" not in _paths_of(visible_pages(role, True, organisation=True))


def test_every_registered_page_exists_and_url_paths_are_unique_ascii():
    assert all((ROOT / page.path).is_file() for page in PAGES)
    paths = [page.url_path for page in PAGES]
    assert len(set(paths)) == len(paths) and all(path.isascii() for path in paths)


def test_the_link_pages_open_for_everyone_but_are_not_listed():
    assert [page.url_path for page in PAGES if page.hidden] == ["passwort-setzen", "partner-bericht"]
    for role in ("anonymous", "viewer", "editor", "admin"):
        for hidden in ("passwort-setzen", "partner-bericht"):
            assert hidden in {page.url_path for page in visible_pages(role, False, with_hidden=True)}
            assert hidden not in _paths(role)


def test_offene_daten_is_listed_for_every_role_only_while_the_public_view_is_on():
    for role in ("anonymous", "viewer", "editor", "admin"):
        assert "offene-daten" in _paths(role, public_view=True)
        assert "offene-daten" not in _paths(role, public_view=False)


def test_a_page_opened_by_its_address_says_why_it_is_closed():
    by_path = {page.url_path: page for page in PAGES}
    assert _closed_reason(by_path["uebersicht"], "viewer", has_plan=False) == "page.closed.no_plan"
    assert _closed_reason(by_path["pflege"], "editor", has_plan=False) == "page.closed.role"
    assert _closed_reason(by_path["pflege"], "editor", has_plan=True) == "page.closed.role"
    assert _closed_reason(by_path["willkommen"], "admin", has_plan=True) == "page.closed.has_plan"
