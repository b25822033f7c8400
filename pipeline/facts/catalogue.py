"""The fact catalogue (resources/facts.yaml): which facts exist and how each is read."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_KEYS = {"description", "concepts", "where", "historical", "context", "carry", "any_of", "derive", "attributes",
         "hedging", "source", "requires", "restated", "named_otherwise",
         "before_study", "vetoed", "dated_ahead", "stopped_since", "rests_on_imaging"}


class CatalogueError(ValueError):
    """facts.yaml is malformed; the message names the fact."""


@dataclass(frozen=True)
class Requirement:
    """Mentions whose rule attributes match `where` count only when one of `any_fact` is present or suspected."""

    where: tuple[tuple[str, frozenset[str]], ...]
    any_fact: tuple[str, ...]

    def applies_to(self, attrs: dict[str, str]) -> bool:
        return all(attrs.get(k) in v for k, v in self.where)


@dataclass(frozen=True)
class Restatement:
    """When a counted mention's `attr` is `value`, the counted mentions whose `attr` is one of `over` and whose text
    the cue `cue` (facts/resources/cues.yaml) matches are the same condition told again: they take `value` too."""

    attr: str
    value: str
    over: frozenset[str]
    cue: str
    stated_by: str | None = None
    """A cue that, matched in the rest of such a mention's sentence, states the value for it ("leukoencephalopathy,
    imaging pattern of methotrexate toxicity")."""
    refers: str | None = None
    """A cue that opens a next sentence going on about the mention ("This is attributed to ...")."""


@dataclass(frozen=True)
class NamedOtherwise:
    """In a packet with an affirmed mention of one of `concepts` (the patient's systemic lymphoma), an affirmed
    historical mention whose text the cue `cue` matches (a bare "lymphoma": "Hx lymphoma") is that disease told
    again: it does not count."""

    concepts: frozenset[str]
    cue: str


@dataclass(frozen=True)
class Veto:
    """An explicit negation outranks an inferred reading: a counted affirmed or hedged mention whose text the cue
    `inferred` matches (a purpose that only implies the fact: "lateralize") is absent when no counted affirmed or
    hedged mention the cue does not match tells the fact, and either a counted negated such mention does whose
    sentence the cue `unless` does not match ("not a surgical candidate", not "not yet a surgical candidate"), or
    the cue `refused` matches the inferred mention's own sentence ("declined surgery; MRS to lateralize")."""

    inferred: str
    refused: str
    unless: str


@dataclass(frozen=True)
class FactSpec:
    name: str
    description: str
    concepts: frozenset[str] = frozenset()
    where: tuple[tuple[str, frozenset[str]], ...] = ()
    count_historical: bool = True
    context: str = "anywhere"
    carry: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    derive: str | None = None
    attributes: tuple[str, ...] = ()
    hedging_counts: bool = True
    source: str = "clinical"
    """clinical: an approval needs it from clinical documentation (notes, reports); request: what is asked (codes,
    purpose, the requested study, demographics), which the request form itself documents."""
    requires: Requirement | None = None
    restated: Restatement | None = None
    named_otherwise: NamedOtherwise | None = None
    vetoed: Veto | None = None
    dated_ahead: str | None = None
    """A cue id: an affirmed or hedged mention dated after the request date is planned, not given, unless the cue
    matches its clause (facts/planned.py)."""
    stopped_since: str | None = None
    """A cue id: a negated mention whose sentence dates a stop years before the request with the cue ("No seizures
    since 2014") sets aside the affirmed mentions dated before it or told as history (facts/stopped.py)."""
    rests_on_imaging: str | None = None
    """A value set id (facts/imaging_only.py): a counted mention hedged by one of its rules (imaging-only, no tissue) states that
    its tumour rests on imaging, so the affirmed mentions of the same tumour that the cue does not establish are
    suspected too."""
    before_study: bool = False
    """An affirmed mention that is the episode that led to a prior brain study told after it (facts/episode.py)
    does not count when a counted negated mention follows it (the current visit: "no new symptoms since")."""

    @property
    def attribute_keys(self) -> frozenset[str]:
        """Attribute keys this fact's evidence carries (what a policy's `where` may test)."""
        return frozenset(self.carry) | frozenset(self.attributes)


def _spec(name: str, raw: dict[str, Any]) -> FactSpec:
    unknown = set(raw) - _KEYS
    if unknown:
        raise CatalogueError(f"facts.yaml: fact {name!r} has unknown keys {sorted(unknown)}; allowed {sorted(_KEYS)}")
    kinds = [k for k in ("concepts", "any_of", "derive") if raw.get(k)]
    if len(kinds) != 1:
        raise CatalogueError(f"facts.yaml: fact {name!r} needs exactly one of concepts, any_of, derive")
    context = raw.get("context", "anywhere")
    if context not in {"anywhere", "request_or_mrs"}:
        raise CatalogueError(f"facts.yaml: fact {name!r}: context must be anywhere or request_or_mrs")
    historical = raw.get("historical", "count")
    if historical not in {"count", "ignore"}:
        raise CatalogueError(f"facts.yaml: fact {name!r}: historical must be count or ignore")
    source = raw.get("source", "clinical")
    if source not in {"clinical", "request"}:
        raise CatalogueError(f"facts.yaml: fact {name!r}: source must be clinical or request")
    return FactSpec(
        name=name,
        description=str(raw.get("description", "")),
        concepts=frozenset(raw.get("concepts") or ()),
        where=_where(raw.get("where")),
        count_historical=historical == "count",
        context=context,
        carry=tuple(raw.get("carry") or ()),
        any_of=tuple(raw.get("any_of") or ()),
        derive=raw.get("derive"),
        attributes=tuple(raw.get("attributes") or ()),
        hedging_counts=raw.get("hedging", "count") != "ignore",
        source=source,
        requires=_requirement(name, raw.get("requires")),
        restated=_restatement(name, raw.get("restated")),
        named_otherwise=_named_otherwise(name, raw.get("named_otherwise")),
        before_study=_flag(name, "before_study", raw.get("before_study", False)),
        vetoed=_veto(name, raw.get("vetoed")),
        dated_ahead=_cue_id(name, "dated_ahead", raw.get("dated_ahead")),
        stopped_since=_cue_id(name, "stopped_since", raw.get("stopped_since")),
        rests_on_imaging=_cue_id(name, "rests_on_imaging", raw.get("rests_on_imaging")),
    )


def _cue_id(name: str, key: str, raw: Any) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw:
        raise CatalogueError(f"facts.yaml: fact {name!r}: {key} must be a cue id")
    return raw


def _flag(name: str, key: str, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise CatalogueError(f"facts.yaml: fact {name!r}: {key} must be true or false")
    return raw


def _where(raw: Any) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((str(k), frozenset(str(x) for x in v)) for k, v in (raw or {}).items())


def _requirement(name: str, raw: Any) -> Requirement | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"where", "any_fact"} or not raw["any_fact"]:
        raise CatalogueError(f"facts.yaml: fact {name!r}: requires needs 'where' and a non-empty 'any_fact'")
    return Requirement(where=_where(raw["where"]), any_fact=tuple(str(f) for f in raw["any_fact"]))


def _restatement(name: str, raw: Any) -> Restatement | None:
    if raw is None:
        return None
    required, optional = {"attr", "value", "over", "cue"}, {"stated_by", "refers"}
    if not isinstance(raw, dict) or not required <= set(raw) <= required | optional or not raw["over"]:
        raise CatalogueError(f"facts.yaml: fact {name!r}: restated needs 'attr', 'value', a non-empty 'over' and 'cue' "
                             "(optional: 'stated_by', 'refers')")
    return Restatement(attr=str(raw["attr"]), value=str(raw["value"]), over=frozenset(str(v) for v in raw["over"]),
                       cue=str(raw["cue"]), stated_by=raw.get("stated_by"), refers=raw.get("refers"))


def _veto(name: str, raw: Any) -> Veto | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"inferred", "refused", "unless"}:
        raise CatalogueError(f"facts.yaml: fact {name!r}: vetoed needs 'inferred', 'refused' and 'unless' (cue ids)")
    return Veto(inferred=str(raw["inferred"]), refused=str(raw["refused"]), unless=str(raw["unless"]))


def _named_otherwise(name: str, raw: Any) -> NamedOtherwise | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"concepts", "cue"} or not raw["concepts"]:
        raise CatalogueError(f"facts.yaml: fact {name!r}: named_otherwise needs a non-empty 'concepts' and 'cue'")
    return NamedOtherwise(concepts=frozenset(str(c) for c in raw["concepts"]), cue=str(raw["cue"]))


@cache
def load_catalogue() -> dict[str, FactSpec]:
    """All fact specs by name, validated (any_of members and derivations must exist)."""
    from .cues import cue_book
    from .derive import DERIVATIONS

    text = resources.files("pipeline.facts.resources").joinpath("facts.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)["facts"]
    specs = {name: _spec(name, body or {}) for name, body in raw.items()}
    for spec in specs.values():
        for member in spec.any_of + (spec.requires.any_fact if spec.requires else ()):
            if member not in specs:
                raise CatalogueError(f"facts.yaml: fact {spec.name!r}: names unknown fact {member!r}")
        if spec.restated is not None:
            if spec.restated.attr not in spec.carry:
                raise CatalogueError(f"facts.yaml: fact {spec.name!r}: restated names {spec.restated.attr!r}, "
                                     "which it does not carry")
            for named in (spec.restated.cue, spec.restated.stated_by, spec.restated.refers):
                if named is not None and named not in cue_book().ids:
                    raise CatalogueError(f"facts.yaml: fact {spec.name!r}: restated names unknown cue {named!r}")
        if spec.named_otherwise is not None and spec.named_otherwise.cue not in cue_book().ids:
            raise CatalogueError(f"facts.yaml: fact {spec.name!r}: named_otherwise names unknown cue "
                                 f"{spec.named_otherwise.cue!r}")
        if spec.vetoed is not None:
            for named in (spec.vetoed.inferred, spec.vetoed.refused, spec.vetoed.unless):
                if named not in cue_book().ids:
                    raise CatalogueError(f"facts.yaml: fact {spec.name!r}: vetoed names unknown cue {named!r}")
        if spec.dated_ahead is not None and spec.dated_ahead not in cue_book().ids:
            raise CatalogueError(f"facts.yaml: fact {spec.name!r}: dated_ahead names unknown cue {spec.dated_ahead!r}")
        if spec.stopped_since is not None and spec.stopped_since not in cue_book().ids:
            raise CatalogueError(
                f"facts.yaml: fact {spec.name!r}: stopped_since names unknown cue {spec.stopped_since!r}")
        if spec.derive is not None and spec.derive not in DERIVATIONS:
            raise CatalogueError(
                f"facts.yaml: fact {spec.name!r}: no derivation named {spec.derive!r}; known: {sorted(DERIVATIONS)}"
            )
    return specs
