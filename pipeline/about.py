"""Single source of the package version (read by pyproject.toml and stamped on every determination), and the
digest of the packaged rule files."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

__version__ = "0.1.0"

RULE_RESOURCES = (
    ("pipeline.nlp.resources", ".yaml"),
    ("pipeline.facts.resources", ".yaml"),
    ("pipeline.ingest.resources", ".json"),
)
"""The packaged rule files: NLP targets, sections and ConText rules; the fact catalogue and the request-priority
rules; the fax transmission-line rules. Policies are not among them (each determination names its own)."""


@cache
def rules_digest() -> str:
    """`sha256:<hex>` over the packaged rule files (each file's package, name and bytes, in sorted order): two
    installations with the same digest extract facts with the same rules."""
    h = hashlib.sha256()
    for package, suffix in RULE_RESOURCES:
        files = sorted((f for f in resources.files(package).iterdir() if f.name.endswith(suffix)),
                       key=lambda f: f.name)
        for f in files:
            data = f.read_bytes()
            h.update(f"{package}/{f.name}\0{len(data)}\0".encode())
            h.update(data)
    return f"sha256:{h.hexdigest()}"
