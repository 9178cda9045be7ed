"""Only what pyproject.toml cannot say: resources/ sits at the top of the
tree (the product's layout) but installs as the package crmdesk.resources.

Every folder that ships files is listed as a package (the data folders
too: Python imports them as namespace packages, and setuptools warns about
each one it is not told about)."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["crmdesk", "crmdesk.*"], exclude=["*.__pycache__"]),
        "crmdesk.resources",
        *(f"crmdesk.resources.{p}" for p in find_namespace_packages(where="resources",
                                                                   exclude=["*__pycache__"])),
    ],
    package_dir={"crmdesk.resources": "resources"},
)
