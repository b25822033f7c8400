"""The fact derivations' cues (resources/cues.yaml), read and validated once: `cue("labs.pending")`."""

from __future__ import annotations

from ..cues import ConceptSet, Cue, CueBook, ValueSet, load_cue_file

RESOURCE_PACKAGE = "pipeline.facts.resources"
CUES_FILE = "cues.yaml"


def cue_book() -> CueBook:
    return load_cue_file(RESOURCE_PACKAGE, CUES_FILE)


def cue(cue_id: str) -> Cue:
    return cue_book().cue(cue_id)


def concept_set(set_id: str) -> ConceptSet:
    return cue_book().concept_set(set_id)


def value_set(set_id: str) -> ValueSet:
    return cue_book().value_set(set_id)


__all__ = ["ConceptSet", "Cue", "ValueSet", "concept_set", "cue", "cue_book", "value_set"]
