"""What every derivation shares: the registry facts.yaml names derivations by, the resolver it asks for other
facts and imaging studies, and small builders of facts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ...contracts import Evidence, Fact, FactStatus, ImagingStudy, Mention
from ..context import FactContext, cap_evidence


class Resolver(Protocol):
    """What a derivation may ask for besides the text: other facts and the imaging studies."""

    ctx: FactContext
    studies: list[ImagingStudy]

    def fact(self, name: str) -> Fact: ...


Derivation = Callable[[Resolver, str], Fact]
DERIVATIONS: dict[str, Derivation] = {}


def derivation(name: str) -> Callable[[Derivation], Derivation]:
    """Register a derivation under the name a fact's `derive:` uses in facts.yaml."""
    def register(fn: Derivation) -> Derivation:
        if name in DERIVATIONS:
            raise ValueError(f"derivation {name!r} is registered twice")
        DERIVATIONS[name] = fn
        return fn

    return register


def make_fact(name: str, status: FactStatus, evidence: list[Evidence], *, note: str,
              value: str | int | float | list[str] | None = None, attributes: dict[str, list[str]] | None = None,
              ignored: list[Evidence] | None = None) -> Fact:
    return Fact(name=name, status=status, evidence=cap_evidence(evidence), note=note, value=value,
                attributes=attributes or {}, ignored=cap_evidence(ignored or []))


def not_documented(name: str, note: str) -> Fact:
    return Fact(name=name, status=FactStatus.NOT_DOCUMENTED, note=note)


def present_if(ctx: FactContext, name: str, mentions: list[Mention], *, note: str, otherwise: str) -> Fact:
    """Present with these mentions as evidence, or not documented when there are none."""
    if not mentions:
        return not_documented(name, otherwise)
    return make_fact(name, FactStatus.PRESENT, [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in mentions],
                     note=note)


def hedged(m: Mention) -> bool:
    return m.has("uncertain")
