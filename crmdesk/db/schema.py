"""Every mapped table, imported once: what Alembic compares against and what
code that needs the whole schema imports."""

from crmdesk.db import (  # noqa: F401
    models_health,
    models_imports,
    models_plans,
    models_retention,
)
from crmdesk.db.models import Base

metadata = Base.metadata
