"""Documentation completeness: history, examination, laboratory results and treatment history."""

from __future__ import annotations

from ...contracts import Evidence, Fact, FactStatus
from ..context import mention_status
from ..cues import concept_set, cue
from .base import Resolver, derivation, make_fact, not_documented, present_if

_TREATMENTS = concept_set("treatment.any")
_NARRATIVE = concept_set("history.narrative")
_PENDING = cue("labs.pending")
_RESULTED = cue("labs.resulted")
_RESULT = cue("labs.result_value")
_GENERIC_LAB = cue("labs.generic_name")
_HISTORY_SECTIONS = ("history_of_present_illness", "chief_complaint", "assessment_plan")
# a radiology report or the diagnosis list does not tell the clinical course
_NOT_NARRATIVE_SECTIONS = frozenset({"exam_title", "indication", "comparison", "technique", "findings",
                                     "impression", "diagnosis"})
NARRATIVE_MIN_SENTENCES = 3
"""A letter without a history header documents the history when this many sentences tell the course."""


def _section_fact(r: Resolver, name: str, categories: tuple[str, ...], what: str) -> Fact:
    found = r.ctx.sections(*categories)
    if not found:
        return not_documented(name, f"no {what} section")
    return make_fact(name, FactStatus.PRESENT, [r.ctx.section_evidence(s) for s in found],
                     note=f"{what} section present")


@derivation("history_documented")
def history_documented(r: Resolver, name: str) -> Fact:
    """A history section, or a narrative (a letter) telling the clinical course in several sentences."""
    fact = _section_fact(r, name, _HISTORY_SECTIONS, "history")
    if fact.status is FactStatus.PRESENT:
        return fact
    ctx = r.ctx
    story = {m.sentence_start: m for m in ctx.mentions(*_NARRATIVE.concepts)
             if m.section not in _NOT_NARRATIVE_SECTIONS}
    if len(story) >= NARRATIVE_MIN_SENTENCES:
        evidence = [ctx.evidence(m, cues=[_NARRATIVE.id]) for m in story.values()]
        return make_fact(name, FactStatus.PRESENT, evidence,
                         note=f"narrative history in {len(story)} sentences (no history header)")
    return fact


@derivation("physical_exam_documented")
def physical_exam_documented(r: Resolver, name: str) -> Fact:
    return _section_fact(r, name, ("physical_exam",), "physical examination")


@derivation("labs_documented")
def labs_documented(r: Resolver, name: str) -> Fact:
    """Reported results: a test with a result, not a test that is pending or a bare "Labs:" header."""
    ctx = r.ctx
    labs: list[Evidence] = []
    for m in ctx.mentions("LAB"):
        if mention_status(m) is FactStatus.ABSENT or ctx.is_mrs_sentence(m):
            continue  # lactate or NAA in a sentence about the MRS is a spectroscopy finding, not a lab
        lo, hi = ctx.clause_of(m)
        clause = ctx.text[lo:hi]
        if _PENDING.matches(clause) and not _RESULTED.matches(clause):
            continue
        cues: list[str] = []
        if _GENERIC_LAB.matches(m.text):
            if not _RESULT.matches(clause.replace(m.text, "", 1)):
                continue
            cues = [_GENERIC_LAB.id, _RESULT.id]
        elif _PENDING.matches(clause):
            cues = [_RESULTED.id]
        labs.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=cues))
    if not labs:
        return not_documented(name, "no laboratory results reported (pending tests do not count)")
    return make_fact(name, FactStatus.PRESENT, labs, note="laboratory results reported")


@derivation("treatment_history_documented")
def treatment_history_documented(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    found = [m for m in ctx.mentions(*_TREATMENTS.concepts) if not m.has("hypothetical")]
    if not found:
        return _section_fact(r, name, ("treatment_history",), "treatment history")
    return present_if(ctx, name, found, note="previous treatments described (or stated to be none)", otherwise="")

