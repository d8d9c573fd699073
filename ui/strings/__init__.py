"""The UI's strings, German and English: one catalogue (models.texts.CATALOGUE), one module per page.

No Streamlit here, so figure builders and tests can use the same words. Keys are prefixed with
the page's name ("measures.filter.status"); shared keys live in common.
"""

from ui.strings import annual_goals, common, goals, indicators, measures, organisations, overview  # noqa: F401
from ui.strings import status_report, reporting_round  # noqa: F401,E402
from ui.strings import audit_log, release, settings  # noqa: F401,E402
from ui.strings import maintenance  # noqa: F401,E402
from ui.strings import board_reports  # noqa: F401,E402
from ui.strings import presentation  # noqa: F401,E402
from ui.strings import export  # noqa: F401,E402
from ui.strings import import_page  # noqa: F401,E402
from ui.strings import accessibility  # noqa: F401,E402
from ui.strings import my_measures  # noqa: F401,E402
from ui.strings import import_statistics  # noqa: F401,E402
from ui.strings import import_tree  # noqa: F401,E402
from ui.strings import import_profiles  # noqa: F401,E402
from ui.strings import passwords  # noqa: F401,E402
from ui.strings import partner_links  # noqa: F401,E402
from ui.strings import round_workbook  # noqa: F401,E402
from ui.strings import open_data  # noqa: F401,E402
from ui.strings import welcome  # noqa: F401,E402
