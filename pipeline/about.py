"""Single source of the package version (read by pyproject.toml and stamped on every determination)."""

__version__ = "0.1.0"
