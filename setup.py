"""Only what pyproject.toml cannot say: resources/ sits at the top of the
tree (the product's layout) but installs as the package crmdesk.resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["crmdesk", "crmdesk.*"]), "crmdesk.resources"],
    package_dir={"crmdesk.resources": "resources"},
)
