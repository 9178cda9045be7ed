"""Files shipped with the app (icons, fonts, samples), read the same way from
a checkout, an installed wheel and a frozen build: through importlib.resources
on the package ``crmdesk.resources`` (the ``resources/`` folder)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    return files("crmdesk.resources").joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A real file path (installed packages and frozen builds keep resources
    as files); raises FileNotFoundError when the file is missing."""
    item = resource(*parts)
    path = Path(str(item))
    if not path.is_file():
        raise FileNotFoundError(f"missing resource: {'/'.join(parts)}")
    return path
