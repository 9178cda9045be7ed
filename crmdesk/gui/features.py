"""Features that plug into the main window.

Each entry of ``FEATURES`` is a module with ``install(window) -> None``;
MainWindow calls them in order at the end of its ``__init__``. A feature adds
menu actions (``window.menu_tools`` …), tabs (``window.account_pane.tabs``)
or handlers (``window.import_handler``) through the window's public API
(the GUI contract in the README).

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
]

__all__ = ["FEATURES", "import_module"]
