"""WardPlan Desktop: annual socio-economic development plans for ward offices."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wardplan-desktop")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
