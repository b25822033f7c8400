"""A tumour the packet says rests on imaging is suspected wherever it is named (facts.yaml `rests_on_imaging`).

A counted mention hedged by a rule of the fact's value set (context.yaml poss.imaging_only_*: "glioma, never
biopsied", "meningioma (imaging dx)") is the packet's own statement that this tumour has no tissue diagnosis. The
affirmed mentions of the same kind of tumour elsewhere (a radiology impression, a "Dx:" line of a summary) then do
not make it known: they are read suspected, citing the statement. Tissue or treatment for the tumour keeps it: an
affirmed mention of that kind whose sentence gives it (cue tumor.tissue_or_treatment), or a documented tumour
treatment (the caller's `treated`). A tumour of another kind named plainly keeps its own reading; family and
reference mentions are never counted, so they state nothing here.
"""

from __future__ import annotations

from ..contracts import Evidence, FactStatus, Mention
from .context import FactContext, cite_cues
from .cues import cue, value_set

TISSUE = "tumor.tissue_or_treatment"

TumourKind = tuple[str, str | None]


def tumour_kind(m: Mention) -> TumourKind:
    """The kind of tumour a mention names: its concept, and for a named primary tumour its head word
    ("meningioma", "schwannoma"); a generic "brain tumor" names no kind (None) and restates any tumour."""
    if m.attrs.get("kind") == "primary":
        head = m.text.lower().split()[-1] if m.text.split() else ""
        return m.concept, head[:-1] if head.endswith("mas") else head
    return m.concept, None if m.concept == "BRAIN_TUMOR" else m.concept


def _stated_by(e: Evidence, rules: frozenset[str]) -> bool:
    return e.assertion == FactStatus.SUSPECTED.value and any(r in rules for r in e.modifier_rules)


def rests_on_imaging(ctx: FactContext, set_id: str, mentions: list[Mention], counted: list[Evidence],
                     statuses: list[FactStatus], treated: bool
                     ) -> tuple[list[Evidence], list[FactStatus], bool]:
    """The counted evidence and statuses with the affirmed mentions of a tumour stated to rest on imaging read
    suspected, and whether any was."""
    rules = frozenset(value_set(set_id).values)
    statements = [(m, e) for m, e in zip(mentions, counted, strict=True) if _stated_by(e, rules)]
    if not statements or treated:
        return counted, statuses, False
    kinds = {tumour_kind(m) for m, _ in statements}
    tissue = cue(TISSUE)
    rows = list(zip(mentions, counted, statuses, strict=True))
    same = [(m, e) for m, e, s in rows if s is FactStatus.PRESENT
            and (tumour_kind(m) in kinds or tumour_kind(m)[1] is None)]
    if any(tissue.matches(ctx.sentence_text(m)) for m, _ in same):
        return counted, statuses, False
    first = statements[0][1]
    out_e: list[Evidence] = []
    out_s: list[FactStatus] = []
    changed = False
    for m, e, s in rows:
        if s is FactStatus.PRESENT and any(m is o for o, _ in same):
            e = cite_cues(e.model_copy(update={"assertion": FactStatus.SUSPECTED.value,
                                               "attributes": {**e.attributes, "rests_on_imaging": first.text}}),
                          set_id, *first.modifier_rules)
            s, changed = FactStatus.SUSPECTED, True
        out_e.append(e)
        out_s.append(s)
    return out_e, out_s, changed
