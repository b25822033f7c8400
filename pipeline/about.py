"""Single source of the package version, and the digest of the rule files (both stamped on every record)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

__version__ = "0.1.0"

RULE_PACKAGES = ("pipeline.ingest.resources", "pipeline.nlp.resources", "pipeline.facts.resources")
"""Packages whose data files are the rules, cues and catalogues of the pipeline."""
RULE_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".txt")


def digest_files(named: Iterable[tuple[str, bytes]]) -> str:
    """sha256 over (name, content) pairs, in name order: the same files give the same digest anywhere."""
    h = hashlib.sha256()
    for name, content in sorted(named):
        h.update(name.encode("utf-8") + b"\0" + hashlib.sha256(content).digest())
    return h.hexdigest()


def rule_files() -> list[tuple[str, bytes]]:
    """(package/file name, bytes) of every rule, cue and catalogue file shipped in the package."""
    out = []
    for package in RULE_PACKAGES:
        for entry in files(package).iterdir():
            if entry.name.endswith(RULE_SUFFIXES):
                out.append((f"{package}/{entry.name}", entry.read_bytes()))
    return sorted(out)


@cache
def rules_digest() -> str:
    """The digest of the rule files this process runs with (records and batch keys carry it: editing a rule
    file makes new keys, so earlier batch records are screened again)."""
    return digest_files(rule_files())
