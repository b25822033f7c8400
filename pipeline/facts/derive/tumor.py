"""Tumor questions: a known tumor, grading, and the differentials a spectrum is asked to settle."""

from __future__ import annotations

from ...contracts import Evidence, Fact, FactStatus, Mention
from ..catalogue import load_catalogue
from ..context import FactContext, best_status, cite_cues, mention_status
from ..cues import concept_set, cue
from ..imaging_only import tumour_kind
from ..purpose import is_mrs_purpose
from .base import Resolver, derivation, hedged, make_fact, not_documented

NEOPLASM = concept_set("tumor.neoplasm").concepts
_NONTUMOR = concept_set("tumor.nontumor_alternatives")
NONTUMOR = _NONTUMOR.concepts
_GLIOMA_ALTERNATIVES = concept_set("differential.glioma_alternatives")
_DIFFERENTIAL = cue("differential.weighing")
_IMAGING_READ, _IMAGING_CONTEXT = cue("tumor.imaging_read"), cue("tumor.imaging_context")
_ESTABLISHED, _ESTABLISHED_ELSEWHERE = cue("tumor.established"), cue("tumor.established_elsewhere")
_DIAGNOSIS_MADE = cue("tumor.diagnosis_made")
_PLACED_RELATIVE = cue("differential.placed_relative")
_NAMED_WITH, _PLACED_INSIDE_AFTER = cue("differential.named_with"), cue("differential.placed_inside_after")
_GROUNDS = concept_set("differential.grounds_findings")
_GROUNDS_BEFORE, _GROUNDS_AFTER = cue("differential.grounds_before"), cue("differential.grounds_after")
_WEIGHED_BEFORE, _WEIGHED_AFTER = cue("differential.finding_weighed_before"), cue("differential.finding_weighed_after")
_LIST_BEFORE, _LIST_LAST = cue("differential.grounds_list_before"), cue("differential.grounds_list_last")
_LIST_END, _LIST_REST = cue("differential.grounds_list_end"), cue("differential.grounds_list_rest")
_RECURRENCE_FACT = "recurrent_or_residual_tumor"
_SURGICAL_CHANGE = concept_set("tumor.expected_surgical_change")
_CHANGE_STABLE, _NEW_FINDING = cue("tumor.surgical_change_stable"), cue("tumor.new_finding")
_RESIDUAL_SETTLED = cue("tumor.residual_settled")
PLACEMENT_REACH = 40
"""How far (characters) after a finding named "with" a tumor its place may be told ("with haemorrhage inside it")."""


def _weighing(ctx: FactContext, m: Mention) -> list[str]:
    """[the cue's id] when the sentence weighs alternatives ("versus", "differential", "cannot distinguish")."""
    cues = ctx.same_sentence(m, "IMAGING_INCONCLUSIVE", counted=False)
    return [_DIFFERENTIAL.id] if any(_DIFFERENTIAL.matches(c.text) for c in cues) else []


def placed_relative(ctx: FactContext, a: Mention, b: Mention) -> bool:
    """Two findings of one sentence placed relative to each other, one lesion's parts and no alternatives: the words
    between them place one in, around or beside the other ("the active tumour around the haematoma", "oedema around
    the metastasis", "haemorrhage inside the glioma"), or the second is named "with" the first and placed in it
    after ("the glioma with haemorrhage inside it")."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    if first.end > second.start:
        return False
    between = ctx.text[first.end:second.start]
    if _PLACED_RELATIVE.matches(between):
        return True
    after = ctx.text[second.end:min(second.end + PLACEMENT_REACH, second.sentence_end)]
    return _NAMED_WITH.matches(between) and _PLACED_INSIDE_AFTER.matches(after)


def named_as_grounds(ctx: FactContext, m: Mention) -> bool:
    """A finding (concept set differential.grounds_findings) its clause names as the grounds for a reading, no
    diagnosis weighed: after a word of grounds ("the latter favoured given the marked vasogenic oedema": cue
    differential.grounds_before) or before a word of support ("the oedema would favour metastasis", "is more in
    keeping with glioblastoma": differential.grounds_after). A finding weighed itself ("glioma versus oedema
    suggesting venous congestion": differential.finding_weighed_before/_after) stays an alternative."""
    if _GROUNDS.member_for(m.concept, m.attrs) is None:
        return False
    lo, hi = ctx.clause_of(m)
    before, after = ctx.text[lo:m.start], ctx.text[m.end:hi]
    if _WEIGHED_BEFORE.matches(before) or _WEIGHED_AFTER.matches(after):
        return False
    return _GROUNDS_BEFORE.matches(before) or _GROUNDS_AFTER.matches(after) or _in_grounds_list(ctx, m, before, after)


def _in_grounds_list(ctx: FactContext, m: Mention, before: str, after: str) -> bool:
    """The finding is an item, not the first, of a list of grounds led by a word of grounds (cue
    differential.grounds_list_before: "favoured given the multiplicity, the junctional location and the oedema"):
    the last item (differential.grounds_list_last, then differential.grounds_list_end) or an inner one with the rest
    of the list after it (differential.grounds_list_rest). A tumour or a non-tumour alternative named inside the
    list ("given the history, abscess, the oedema and the infarct are considered") makes it a list of diagnoses."""
    lead = _LIST_BEFORE.search(before)
    if lead is None:
        return False
    rest = _LIST_END.search(after) if _LIST_LAST.matches(before) else _LIST_REST.search(after)
    if rest is None:
        return False
    lo, hi = m.start - len(before) + lead.start, m.end + rest.end
    return not any(lo <= o.start and o.end <= hi and o is not m and (
        o.concept in NEOPLASM or (_NONTUMOR.member_for(o.concept, o.attrs) is not None
                                  and _GROUNDS.member_for(o.concept, o.attrs) is None))
        for o in ctx.same_sentence(m, *NEOPLASM, *NONTUMOR, counted=False))


def _established_here(ctx: FactContext, m: Mention) -> bool:
    """The mention's sentence states a brain tumor established (tumor.established), once the words that call a
    systemic cancer known are set aside ("in this patient with known lung adenocarcinoma", "her history of
    melanoma": tumor.established_elsewhere, unless a brain neoplasm is named inside them)."""
    lo, hi = m.sentence_start, m.sentence_end
    sentence = ctx.text[lo:hi]
    neoplasms = [(o.start - lo, o.end - lo) for o in (m, *ctx.same_sentence(m, *NEOPLASM, counted=False))]
    for hit in reversed(list(_ESTABLISHED_ELSEWHERE.regex.finditer(sentence))):
        if not any(s < hit.end() and hit.start() < e for s, e in neoplasms):
            sentence = sentence[:hit.start()] + " " * (hit.end() - hit.start()) + sentence[hit.end():]
    return _ESTABLISHED.matches(sentence)


def _imaging_only(r: Resolver) -> bool:
    """The tumor's only support is imaging reads and restatements of them: an affirmed neoplasm mention is an
    imaging read's ("most consistent with a diffuse glioma", "the classic features of a meningioma") in a sentence
    that states no tissue, treatment or diagnosis, and every other affirmed neoplasm mention restates the same kind
    of tumor in a sentence that states none either (a problem or impression list line, a request reason: "1. Left
    convexity meningioma, incidental.", "f/u meningioma"); no tumor treatment is documented."""
    ctx = r.ctx
    affirmed = [m for m in ctx.mentions(*NEOPLASM) if mention_status(m) is FactStatus.PRESENT]
    if not affirmed or r.fact("prior_tumor_treatment").status is FactStatus.PRESENT:
        return False
    if any(_established_here(ctx, m) for m in affirmed):
        return False
    reads: list[Mention] = []
    others: list[Mention] = []
    for m in affirmed:
        lo, _ = ctx.clause_of(m)
        read = _IMAGING_READ.matches(ctx.text[lo:m.start]) and _IMAGING_CONTEXT.matches(ctx.sentence_text(m))
        (reads if read else others).append(m)
    if not reads:
        return False
    kinds = {tumour_kind(m) for m in reads}
    return all(kind[1] is None or kind in kinds
               for kind in map(tumour_kind, others))


def _in_question(r: Resolver, tumor: Fact) -> bool:
    """The packet also holds a neoplasm in question: a hedged neoplasm mention, or a tumor weighed against
    another diagnosis."""
    return any(e.assertion == FactStatus.SUSPECTED for e in tumor.evidence) or any(
        r.fact(n).status is FactStatus.PRESENT for n in ("tumor_vs_nontumor_differential", "glioma_differential"))


def _established(r: Resolver, tumor: Fact) -> bool:
    """Tissue, tumor treatment or a diagnosis made stands behind an affirmed neoplasm mention."""
    if r.fact("prior_tumor_treatment").status is FactStatus.PRESENT:
        return True
    return any(e.assertion == FactStatus.PRESENT and _DIAGNOSIS_MADE.matches(e.sentence or e.text)
               for e in tumor.evidence)


@derivation("known_brain_tumor")
def known_brain_tumor(r: Resolver, name: str) -> Fact:
    tumor, lesion = r.fact("brain_neoplasm"), r.fact("brain_lesion")
    if tumor.status is FactStatus.PRESENT and _imaging_only(r):
        evidence = [cite_cues(e, _IMAGING_READ.id) for e in tumor.evidence]
        return make_fact(name, FactStatus.SUSPECTED, evidence,
                         note="the tumor is named only by imaging reads and restatements of them, without tissue, "
                              "treatment or diagnosis")
    # A tumor still in question somewhere in the packet is known only when something establishes it: a bare
    # affirmed mention beside a differential is as likely a slip of wording as a diagnosis.
    if tumor.status is FactStatus.PRESENT and _in_question(r, tumor) and not _established(r, tumor):
        evidence = [cite_cues(e, _DIAGNOSIS_MADE.id) for e in tumor.evidence]
        return make_fact(name, FactStatus.SUSPECTED, evidence,
                         note="the tumor is also in question in the packet, and no tissue, tumor treatment or "
                              "diagnosis made establishes it")
    if tumor.status is FactStatus.PRESENT:
        return make_fact(name, FactStatus.PRESENT, list(tumor.evidence), note="a brain neoplasm is documented")
    # "Known" is an established diagnosis (pathology, prior tumor treatment, a diagnosis stated as such): a mass
    # with a differential, or a neoplasm only suspected, is a suspected tumor, not a known one.
    if tumor.status is FactStatus.SUSPECTED:
        evidence = list(tumor.evidence) + (list(lesion.evidence) if lesion.status is FactStatus.PRESENT else [])
        return make_fact(name, FactStatus.SUSPECTED, evidence,
                         note="a neoplasm is suspected (a differential or a hedged mass), not established")
    if tumor.status is FactStatus.ABSENT:
        return make_fact(name, FactStatus.ABSENT, list(tumor.evidence), note="a brain neoplasm is negated")
    return not_documented(name, "no brain tumor documented")


def _live_grade(m: Mention) -> bool:
    """A grade (or a graded glioma) that can be weighed: not denied ("no features of anaplastic change", "without
    evidence of high-grade transformation"). A hedged denial is still in question ("cannot exclude a high-grade
    component": mention_status); family and hypothetical mentions are not counted by the context at all."""
    return mention_status(m) is not FactStatus.ABSENT


@derivation("grading_question")
def grading_question(r: Resolver, name: str) -> Fact:
    """A grading purpose of the MRS, a hedged grade, a grade with a rival grade in its sentence, or a glioma of one
    grade with a rival glioma of another when either is hedged. A denied grade is no rival and raises nothing
    itself: a known low grade beside "no sign of high-grade transformation" asks no grade."""
    ctx = r.ctx
    # a grading purpose denied ("the MRS is not requested for grading") asks no grade
    evidence = [ctx.evidence(m, assertion=FactStatus.PRESENT) for m in ctx.mentions("PURPOSE")
                if m.attrs.get("purpose") == "grading" and not m.has("negated") and is_mrs_purpose(ctx, m)]
    for m in ctx.mentions("TUMOR_GRADE"):
        if not _live_grade(m):
            continue
        grades = {o.attrs.get("grade") for o in ctx.same_sentence(m, "TUMOR_GRADE") if _live_grade(o)}
        if hedged(m) or (grades - {m.attrs.get("grade")}):
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT))
    for m in ctx.mentions("GLIOMA"):  # gliomas of two grades weighed: "LGG vs transformation to HGG"
        if not _live_grade(m):
            continue
        rivals = [o for o in ctx.same_sentence(m, "GLIOMA")
                  if o.attrs.get("grade") and o.attrs.get("grade") != m.attrs.get("grade") and _live_grade(o)]
        if m.attrs.get("grade") and rivals and (hedged(m) or any(hedged(o) for o in rivals)):
            evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT))
    if evidence:
        return make_fact(name, FactStatus.PRESENT, evidence, note="tumor grade is the question")
    return not_documented(name, "no grading question")


def _recurrence_counts(r: Resolver, m: Mention) -> bool:
    """A mention is a tumor's recurrence as recurrent_or_residual_tumor counts it: a bare "recurrence", "progression"
    or "residual disease" (facts.yaml `requires`) only in a packet that documents a tumor ("radiation necrosis vs
    recurrence" after radiosurgery of an AVM weighs no tumor); any other mention (a named tumor) counts."""
    requirement = load_catalogue()[_RECURRENCE_FACT].requires
    if m.concept != "RECURRENCE" or requirement is None or not requirement.applies_to(m.attrs):
        return True
    live = {FactStatus.PRESENT, FactStatus.SUSPECTED}
    return any(r.fact(name).status in live for name in requirement.any_fact)


def _settled_surgical_change(r: Resolver, m: Mention) -> bool:
    """The change expected after a resection ("stable postoperative changes") that weighs nothing against a
    recurrence looked for elsewhere in the packet: a post-surgical change (concept set tumor.expected_surgical_change)
    that is not hedged, after no radiation, or after radiation when its clause calls it stable or unchanged
    (tumor.surgical_change_stable) and names no new or growing finding (tumor.new_finding)."""
    if _SURGICAL_CHANGE.member_for(m.concept, m.attrs) is None or hedged(m):
        return False
    if r.fact("prior_radiation").status is not FactStatus.PRESENT:
        return True
    lo, hi = r.ctx.clause_of(m)
    clause = r.ctx.text[lo:hi]
    return _CHANGE_STABLE.matches(clause) and not _NEW_FINDING.matches(clause)


def _raised_effects(r: Resolver, eff: Fact) -> tuple[list[Evidence], FactStatus]:
    """The treatment_effect evidence that raises the question at packet level, and its status: the fact's own,
    without the settled post-surgical changes (tests/facts/test_postoperative_change_no_necrosis_question.py)."""
    settled = {(m.start, m.end) for m in r.ctx.mentions("TREATMENT_EFFECT") if _settled_surgical_change(r, m)}
    kept = [e for e in eff.evidence if (e.start, e.end) not in settled]
    if len(kept) == len(eff.evidence):
        return kept, eff.status
    return kept, best_status(FactStatus(e.assertion) for e in kept if e.assertion)


def _settled_residual(ctx: FactContext, m: Mention) -> bool:
    """What is left after treatment told stable, unchanged or only watched, with nothing new to tell apart
    ("residual nodule, stable x 3 yrs, observation only"): a residual (kind residual) whose sentence says so
    (tumor.residual_settled) and names no new or growing finding (tumor.new_finding) and no treatment effect."""
    if m.concept != "RECURRENCE" or m.attrs.get("kind") != "residual":
        return False
    sentence = ctx.sentence_text(m)
    if not _RESIDUAL_SETTLED.matches(sentence) or _NEW_FINDING.matches(sentence):
        return False
    return not any(not e.has("negated") for e in ctx.same_sentence(m, "TREATMENT_EFFECT", counted=False))


def _raised_recurrences(r: Resolver, rec: Fact) -> tuple[list[Evidence], FactStatus]:
    """The recurrent_or_residual_tumor evidence that raises the question at packet level, and its status: the
    fact's own, without the settled residuals (tests/facts/test_stable_residual_no_question_facts.py)."""
    settled = {(m.start, m.end) for m in r.ctx.mentions("RECURRENCE") if _settled_residual(r.ctx, m)}
    kept = [e for e in rec.evidence if (e.start, e.end) not in settled]
    if len(kept) == len(rec.evidence):
        return kept, rec.status
    return kept, best_status(FactStatus(e.assertion) for e in kept if e.assertion)


@derivation("recurrence_vs_treatment_effect")
def recurrence_vs_treatment_effect(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    for effect in ctx.mentions("TREATMENT_EFFECT"):
        if effect.has("negated"):
            continue
        rivals = [m for m in ctx.same_sentence(effect, "RECURRENCE", *NEOPLASM)
                  if not m.has("negated") and _recurrence_counts(r, m)]
        weighing = _weighing(ctx, effect)
        if rivals and (hedged(effect) or any(hedged(m) for m in rivals) or weighing):
            evidence.append(ctx.evidence(effect, assertion=FactStatus.PRESENT, cues=weighing))
            evidence.extend(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=weighing) for m in rivals)
    if evidence:
        return make_fact(name, FactStatus.PRESENT, evidence,
                         note="recurrence weighed against treatment effect in one sentence")
    rec, eff = r.fact("recurrent_or_residual_tumor"), r.fact("treatment_effect")
    live = {FactStatus.PRESENT, FactStatus.SUSPECTED}
    raised, raised_status = _raised_effects(r, eff)
    # a residual told stable or only watched raises no question of its own; a treatment effect hedged in the
    # packet still weighs it ("residual nodule, stable. Evaluate for radiation necrosis.")
    rec_raised, rec_status = ((list(rec.evidence), rec.status) if raised_status is FactStatus.SUSPECTED
                              else _raised_recurrences(r, rec))
    if rec_status in live and raised_status in live and FactStatus.SUSPECTED in {rec_status, raised_status}:
        return make_fact(name, FactStatus.PRESENT, rec_raised + raised,
                         note="recurrence and treatment effect both raised, at least one hedged")
    if rec.status in live and rec_status not in live:
        return make_fact(name, FactStatus.NOT_DOCUMENTED, [],
                         ignored=[cite_cues(e, _RESIDUAL_SETTLED.id) for e in rec.evidence],
                         note="the residual is told stable or under observation, with nothing new and no treatment "
                              "effect to tell apart")
    if rec.status is FactStatus.PRESENT and eff.status in {FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED}:
        return make_fact(name, FactStatus.ABSENT, list(rec.evidence),
                         note="recurrence stated plainly; treatment effect is not in question")
    if rec.status is FactStatus.ABSENT:
        return make_fact(name, FactStatus.ABSENT, list(rec.evidence), note="recurrence is negated")
    return not_documented(name, "recurrence and treatment effect are not weighed against each other")


@derivation("tumor_vs_nontumor_differential")
def tumor_vs_nontumor_differential(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    alternatives: set[str] = set()
    for tumor in ctx.mentions(*NEOPLASM):
        if tumor.has("negated"):
            continue
        # a non-tumor finding placed in or around a tumor of the sentence is part of its picture, and one named as
        # the grounds for a reading ("favoured given the oedema") tells why: neither is an alternative
        tumors = [tumor, *ctx.same_sentence(tumor, *NEOPLASM)]
        others = [m for m in ctx.same_sentence(tumor, *NONTUMOR)
                  if not m.has("negated") and _NONTUMOR.member_for(m.concept, m.attrs) is not None
                  and not any(placed_relative(ctx, t, m) for t in tumors) and not named_as_grounds(ctx, m)]
        weighing = _weighing(ctx, tumor)
        if others and (hedged(tumor) or any(hedged(m) for m in others) or weighing):
            evidence.append(ctx.evidence(tumor, assertion=FactStatus.PRESENT, cues=weighing))
            for m in others:
                evidence.append(ctx.evidence(m, assertion=FactStatus.PRESENT, cues=weighing))
                alternatives.add(m.attrs.get("kind") or m.concept.lower())
    if evidence:
        return make_fact(name, FactStatus.PRESENT, evidence, attributes={"alternative": sorted(alternatives)},
                         note="tumor weighed against a non-tumor diagnosis")
    return not_documented(name, "no tumor versus non-tumor differential")



@derivation("glioma_differential")
def glioma_differential(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    evidence: list[Evidence] = []
    found: set[str] = set()
    for glioma in ctx.mentions("GLIOMA"):
        if glioma.has("negated"):
            continue
        weighing = _weighing(ctx, glioma)
        for other in ctx.same_sentence(glioma, *_GLIOMA_ALTERNATIVES.concepts):
            member = _GLIOMA_ALTERNATIVES.member_for(other.concept, other.attrs)
            if other.has("negated") or member is None or placed_relative(ctx, glioma, other) \
                    or named_as_grounds(ctx, other):
                continue
            alt = member.label or other.concept.lower()
            if alt == "grade":  # a denied grade is no second grade ("grade 2, no sign of anaplastic change")
                grades = {o.attrs.get("grade") for o in ctx.same_sentence(glioma, "TUMOR_GRADE") if _live_grade(o)}
                if len(grades) < 2 and not hedged(other):
                    continue
            elif not (hedged(glioma) or hedged(other) or weighing):
                continue
            weigh = weighing if alt != "grade" else []
            found.add(alt)
            evidence.append(ctx.evidence(glioma, assertion=FactStatus.PRESENT, cues=weigh))
            evidence.append(ctx.evidence(other, assertion=FactStatus.PRESENT, attributes={"alternative": alt},
                                         cues=[_GLIOMA_ALTERNATIVES.id, *weigh]))
    if "grade" not in found:
        grade_evidence = _grade_question_of_known_glioma(ctx)
        if grade_evidence:
            found.add("grade")
            evidence.extend(grade_evidence)
    if evidence:
        return make_fact(name, FactStatus.PRESENT, evidence, attributes={"alternative": sorted(found)},
                         note="glioma weighed against an alternative")
    return not_documented(name, "no glioma differential")


def _grade_question_of_known_glioma(ctx: FactContext) -> list[Evidence]:
    """A grade question in a sentence of its own about the packet's glioma ("Plan: MRS; grading q: gr 2 vs gr 3/4",
    "WHO II vs III?", "LGG vs transformation to HGG"): two grades weighed, or one hedged, in a sentence that names
    no other kind of neoplasm, in a packet that names a glioma it does not negate."""
    gliomas = [g for g in ctx.mentions("GLIOMA") if not g.has("negated")]
    if not gliomas:
        return []
    by_sentence: dict[int, list[Mention]] = {}
    for m in ctx.mentions("TUMOR_GRADE", "GLIOMA"):
        if m.attrs.get("grade") and not m.has("negated"):
            by_sentence.setdefault(m.sentence_start, []).append(m)
    others = tuple(c for c in NEOPLASM if c != "GLIOMA")
    evidence: list[Evidence] = []
    for grades in by_sentence.values():
        if ctx.same_sentence(grades[0], *others):
            continue  # the grade of a meningioma or a metastasis
        if len({m.attrs.get("grade") for m in grades}) < 2:
            if not any(hedged(m) and m.concept == "TUMOR_GRADE" for m in grades):
                continue  # one grade, stated; a hedged "possible glioblastoma" asks the diagnosis, not the grade
        elif any(m.concept == "GLIOMA" for m in grades) and not any(hedged(m) for m in grades):
            continue  # "LGG, now HGG" tells a course; the question is weighed ("LGG vs HGG")
        evidence.extend(ctx.evidence(m, assertion=FactStatus.PRESENT, attributes={"alternative": "grade"},
                                     cues=[_GLIOMA_ALTERNATIVES.id]) for m in grades)
    if evidence:
        evidence.insert(0, ctx.evidence(gliomas[0], assertion=FactStatus.PRESENT))
    return evidence

