"""Documentation completeness: history, examination, laboratory results and treatment history."""

from __future__ import annotations

from ...contracts import Fact, FactStatus
from ..context import mention_status
from ..cues import concept_set, cue
from .base import Resolver, derivation, make_fact, not_documented, present_if

TREATMENTS = concept_set("treatment.any").concepts


def _section_fact(r: Resolver, name: str, categories: tuple[str, ...], what: str) -> Fact:
    found = r.ctx.sections(*categories)
    if not found:
        return not_documented(name, f"no {what} section")
    return make_fact(name, FactStatus.PRESENT, [r.ctx.section_evidence(s) for s in found],
                     note=f"{what} section present")


_NARRATIVE = concept_set("history.narrative").concepts


@derivation("history_documented")
def history_documented(r: Resolver, name: str) -> Fact:
    """A history section, or a narrative (a letter) telling the clinical course in several sentences."""
    fact = _section_fact(r, name, ("history_of_present_illness", "chief_complaint", "assessment_plan"), "history")
    if fact.status is FactStatus.PRESENT:
        return fact
    ctx = r.ctx
    report = {"exam_title", "indication", "comparison", "technique", "findings", "impression", "diagnosis"}
    story = {m.sentence_start: m for m in ctx.mentions(*_NARRATIVE) if m.section not in report}
    if len(story) >= 3:
        return make_fact(name, FactStatus.PRESENT, [ctx.evidence(m) for m in story.values()],
                         note=f"narrative history in {len(story)} sentences (no history header)")
    return fact


@derivation("physical_exam_documented")
def physical_exam_documented(r: Resolver, name: str) -> Fact:
    return _section_fact(r, name, ("physical_exam",), "physical examination")


_PENDING = cue("labs.pending")
_RESULTED = cue("labs.resulted")
_RESULT = cue("labs.result_value")
_GENERIC_LAB = cue("labs.generic_name")

@derivation("labs_documented")
def labs_documented(r: Resolver, name: str) -> Fact:
    """Reported results: a test with a result, not a test that is pending or a bare "Labs:" header."""
    ctx = r.ctx
    labs = []
    for m in ctx.mentions("LAB"):
        if mention_status(m) is FactStatus.ABSENT or ctx.is_mrs_sentence(m):
            continue  # lactate or NAA in a sentence about the MRS is a spectroscopy finding, not a lab
        lo, hi = ctx.clause_of(m)
        clause = ctx.text[lo:hi]
        if _PENDING.matches(clause) and not _RESULTED.matches(clause):
            continue
        if _GENERIC_LAB.matches(m.text) and not _RESULT.matches(clause.replace(m.text, "", 1)):
            continue
        labs.append(m)
    return present_if(ctx, name, labs, note="laboratory results reported",
                      otherwise="no laboratory results reported (pending tests do not count)")


@derivation("treatment_history_documented")
def treatment_history_documented(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    found = [m for m in ctx.mentions(*TREATMENTS) if not m.has("hypothetical")]
    if not found:
        return _section_fact(r, name, ("treatment_history",), "treatment history")
    return present_if(ctx, name, found, note="previous treatments described (or stated to be none)", otherwise="")

