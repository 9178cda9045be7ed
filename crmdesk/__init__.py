"""crmdesk: a desktop CRM for key-account managers.

The package is layered: ``crmdesk.db`` (storage) and ``crmdesk.core`` (services)
never import Qt; ``crmdesk.gui`` is the only front end that does.
"""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "crmdesk"
APP_AUTHOR = "crmdesk"
