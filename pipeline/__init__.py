"""MRS prior-authorization pre-screening: packet in, per-payer determination with cited evidence out."""

from .about import __version__

__all__ = ["__version__"]
