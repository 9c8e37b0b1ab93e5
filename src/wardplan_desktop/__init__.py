"""WardPlan Desktop: annual socio-economic development plans for ward offices."""

#: The program's version: ``project.version`` of pyproject.toml, which a test keeps it
#: equal to.  A constant rather than the installed package's metadata, whose reading
#: (importlib.metadata) would cost every start tens of milliseconds.
__version__ = "0.1.0"
