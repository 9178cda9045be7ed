"""Features that plug into the main window.

Each entry of ``FEATURES`` is a module with ``install(window: WindowApi)``
returning the feature's own object (or None when it does not apply, e.g.
backups on a server database); the window calls them in order once it is on
a database and keeps what they return (``window.feature(Kind)``). A feature
uses only :class:`crmdesk.gui.common.window_api.WindowApi`: menus
(``window.menu("tools")``), account tabs (``window.add_account_tab``), the
import handler, ``changed`` … and never sets attributes on the window.

Feature engineers: add ONE line for your module inside the list, e.g.
    import_module("crmdesk.gui.import_wizard.feature"),
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

FEATURES: list[ModuleType] = [
    # one line per feature module, in menu order
    import_module("crmdesk.gui.safety.feature"),
    import_module("crmdesk.gui.import_wizard.feature"),
    import_module("crmdesk.gui.plans.feature"),
    import_module("crmdesk.gui.retention.feature"),
    import_module("crmdesk.gui.preferences.feature"),
    import_module("crmdesk.gui.help.feature"),
]

__all__ = ["FEATURES", "import_module"]
