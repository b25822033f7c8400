"""The brain is the target: a lesion of skull-base bone, the sinonasal cavity or the orbit that the MRS is aimed at.

A lesion named with such a site (target concept NONBRAIN_LESION, rules `site.*` in nlp/resources/targets.yaml:
"petrous apex lesion", "clival chordoma", "sphenoid sinus mass", "intraconal orbital mass", "lesion of the orbital
apex") is outside the brain when the packet keeps it there:

- no extension into the brain is told in its sentence or the next one ("with intradural extension", "invading the
  frontal lobe": cue site.brain_extension, unless the words around it deny it: "without intradural extension");
- a skull-base bone lesion needs its confinement told (site.confined: "extradural", "brain parenchyma normal", a
  denied extension); a sinonasal or orbital lesion lies outside the cranial cavity by its site.

Such a lesion is the MRS target when one is named in the request's context (the request, indication, assessment
and plan, or a sentence about the MRS), not as history nor as incidental (site.incidental), and no brain finding is named with a brain site anywhere in the packet (a
lobe, the brainstem, an extra-axial compartment, the sella: cue site.brain_named, in the finding's words or in the
place told right after it; a glioma): an orbital mass beside "a ring-enhancing left frontal lesion" leaves the
brain the target. Then every brain finding (concept set site.brain_findings) that is not named with a brain site
(inside the lesion's own words, "clival chordoma", or told without a site, "the lesion", "lymphoma versus
hemangioma", "recurrence versus post-radiation change") is that lesion told again: it counts for no fact
(`FactContext`) and stays as ignored evidence naming the lesion (`outside_brain`), and the fact
`non_brain_target` names the lesion and its site.

A pathology or staging table of a body site outside the central nervous system speaks of that body tumour
(`read_body_tables`): in a run of consecutive table rows ("Tumor | SCC, moderately differentiated, 3.8 cm",
"Histologic type: adenocarcinoma", "Tumor grade: G2"; row labels site.specimen_field and site.pathology_row) whose
specimen, site or procedure field names a body site (site.body_specimen: "Specimen: left lateral tongue, partial
glossectomy", "Primary site: sigmoid colon") and no field names the CNS (site.cns_specimen), every brain finding on a
tumour row that names no CNS site itself ("Distant metastasis: brain" stays) is that body tumour: it counts for no
fact and stays as ignored evidence naming the field (`outside_brain: body`). The brain is still the MRS target; a
brain tumour told anywhere else keeps its reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..contracts import FactStatus, Mention
from .context import FactContext, mention_status, next_sentence
from .cues import concept_set, cue

SITE_CONCEPT = "NONBRAIN_LESION"
BRAIN_FINDINGS = concept_set("site.brain_findings")
_EXTENSION = cue("site.brain_extension")
_DENIED_BEFORE = cue("site.extension_denied_before")
_DENIED_AFTER = cue("site.extension_denied_after")
_CONFINED = cue("site.confined")
_BRAIN_NAMED = cue("site.brain_named")
_LOCATIVE = cue("site.locative_after")
_INCIDENTAL = cue("site.incidental")
_SPECIMEN_FIELD = cue("site.specimen_field")
_PATHOLOGY_ROW = cue("site.pathology_row")
_BODY_SPECIMEN = cue("site.body_specimen")
_CNS_SPECIMEN = cue("site.cns_specimen")
_ROW = re.compile(r"[ \t]*(?:[-*\u2022]\s*)?([A-Za-z][A-Za-z0-9 ()/'-]{0,40}?)[ \t]*(?::|\|)(.*)")
"""A table row: a short label, then ":" or "|", then its value."""
DENIAL_REACH = 60
"""How far (characters, within the clause) before an extension its denial may be written."""
_SITED_CONCEPTS = frozenset({"GLIOMA"})
"""Brain findings that are the brain's whatever words are around them."""
_LIVE = frozenset({FactStatus.PRESENT, FactStatus.SUSPECTED})
_NEEDS_CONFINEMENT = frozenset({"skull_base"})
"""Sites whose lesions are outside the brain only when their confinement is told."""


@dataclass(frozen=True)
class OutsideBrain:
    """Why a brain finding does not count: it is the lesion outside the brain that the MRS is aimed at."""

    lesion: Mention
    cues: tuple[str, ...]

    def attributes(self) -> dict[str, str]:
        """Evidence attributes of the finding (what a reviewer sees)."""
        return {"outside_brain": self.lesion.attrs.get("site", "unstated"), "outside_brain_text": self.lesion.text,
                "outside_brain_span": f"{self.lesion.start}-{self.lesion.end}",
                "outside_brain_rule": self.lesion.rule_id}


@dataclass(frozen=True)
class BodyTable:
    """Why a brain finding does not count: it is a tumour row of a pathology table of a body site outside the CNS."""

    field_text: str
    field_start: int
    field_end: int
    cues: tuple[str, ...] = (_SPECIMEN_FIELD.id, _BODY_SPECIMEN.id)

    def attributes(self) -> dict[str, str]:
        """Evidence attributes of the finding (what a reviewer sees)."""
        return {"outside_brain": "body", "outside_brain_text": self.field_text,
                "outside_brain_span": f"{self.field_start}-{self.field_end}", "outside_brain_rule": _BODY_SPECIMEN.id}


@dataclass
class SiteRead:
    """The lesions outside the brain the MRS is aimed at, with the cues that kept them there, and the brain
    findings that are those lesions told again (by mention key)."""

    targets: list[Mention] = field(default_factory=list)
    cues: dict[str, list[str]] = field(default_factory=dict)  # site -> cue ids
    told_again: dict[tuple[int, int, str], OutsideBrain] = field(default_factory=dict)
    note: str = ""
    body_tables: dict[tuple[int, int, str], BodyTable] = field(default_factory=dict)
    """Brain findings on the tumour rows of a body site's pathology table (`read_body_tables`)."""


def _key(m: Mention) -> tuple[int, int, str]:
    return m.start, m.end, m.concept


def _reach(ctx: FactContext, m: Mention) -> tuple[int, int]:
    """The lesion's sentence and the next sentence of its paragraph."""
    nxt = next_sentence(ctx.text, m.sentence_end)
    return m.sentence_start, nxt[1] if nxt is not None else m.sentence_end


def extension_told(text: str, lo: int, hi: int) -> tuple[bool, list[str]]:
    """In text[lo:hi]: whether an extension into the brain is affirmed, and the ids of the cues that deny one."""
    affirmed, denied = False, []
    for hit in _EXTENSION.regex.finditer(text, lo, hi):
        clause_lo = max(text.rfind(";", lo, hit.start()), text.rfind(".", lo, hit.start()), lo - 1) + 1
        before = text[max(clause_lo, hit.start() - DENIAL_REACH):hit.start()]
        denial = next((c.id for c, t in ((_DENIED_BEFORE, before), (_DENIED_AFTER, text[hit.end():hi]))
                       if c.matches(t)), None)
        if denial is None:
            affirmed = True
        else:
            denied += [_EXTENSION.id, denial]
    return affirmed, denied


def _brain_sited(ctx: FactContext, m: Mention) -> bool:
    """The brain finding is named with a brain site: in its own words, or in the place told right after it."""
    if m.concept in _SITED_CONCEPTS or _BRAIN_NAMED.matches(m.text):
        return True
    _, hi = ctx.clause_of(m)
    after = _LOCATIVE.search(ctx.text[m.end:hi])
    return after is not None and _BRAIN_NAMED.matches(after.text)


def read_site(ctx: FactContext) -> SiteRead:
    """The lesions outside the brain that the MRS is aimed at, and the brain findings that are them told again."""
    lesions = [m for m in ctx.mentions(SITE_CONCEPT) if mention_status(m) in _LIVE
               and not _INCIDENTAL.matches(ctx.text[slice(*ctx.clause_of(m))])]
    if not lesions:
        return SiteRead()
    text = ctx.text
    confined: dict[str, list[str]] = {}
    for m in lesions:
        lo, hi = _reach(ctx, m)
        affirmed, denied = extension_told(text, lo, hi)
        if affirmed:
            return SiteRead(note=f"{m.text!r} extends into the brain ({_EXTENSION.id})")
        site = m.attrs.get("site", "unstated")
        if denied:
            confined.setdefault(site, []).extend(denied)
        if _CONFINED.matches(text[lo:hi]):
            confined.setdefault(site, []).append(_CONFINED.id)
    kept = [m for m in lesions if m.attrs.get("site") not in _NEEDS_CONFINEMENT or m.attrs.get("site") in confined]
    if not any(ctx.in_request_context(m) and not m.has("historical") for m in kept):
        return SiteRead()
    findings = ctx.mentions(*BRAIN_FINDINGS.concepts)
    told: dict[tuple[int, int, str], OutsideBrain] = {}
    for f in findings:
        inside = next((m for m in kept if m.start < f.end and f.start < m.end
                       and not _BRAIN_NAMED.matches(ctx.text[f.start:max(f.start, m.start)] + " "
                                                    + ctx.text[min(f.end, m.end):f.end])), None)
        if inside is None and _brain_sited(ctx, f):
            if mention_status(f) in _LIVE:
                return SiteRead(note=f"a brain finding is named with its site: {f.text!r}")
            continue
        lesion = inside or min(kept, key=lambda m: (abs(m.start - f.start), m.start))
        told[_key(f)] = OutsideBrain(lesion=lesion, cues=tuple(dict.fromkeys(confined.get(
            lesion.attrs.get("site", "unstated"), []))))
    return SiteRead(targets=kept, cues={s: list(dict.fromkeys(c)) for s, c in confined.items()}, told_again=told,
                    note="a lesion outside the brain is the MRS target")


def _table_label(label: str) -> bool:
    return _SPECIMEN_FIELD.matches(label) or _PATHOLOGY_ROW.matches(label)


def _table_rows(text: str) -> list[list[tuple[int, int, str, str, int]]]:
    """Runs of consecutive table lines; each row (a line's cell between ";"): start, end, label, value, value start.
    A line is a table line when its first cell is a row whose label is a field or a tumour row's."""
    runs: list[list[tuple[int, int, str, str, int]]] = []
    run: list[tuple[int, int, str, str, int]] = []
    pos = 0
    for line in re.split(r"(?<=\n)", text):
        cells, offset = [], pos
        for cell in line.rstrip("\n").split(";"):
            m, at = _ROW.match(cell), offset
            if m is not None and not _table_label(m.group(1)):  # "Pathology summary: specimen: ..."
                at, m = offset + m.start(2), _ROW.match(m.group(2))
            if m is not None and _table_label(m.group(1)):
                cells.append((offset, offset + len(cell), m.group(1), m.group(2), at + m.start(2)))
            elif not cells:
                break
            offset += len(cell) + 1
        if cells:
            run.extend(cells)
        elif run:
            runs.append(run)
            run = []
        pos += len(line)
    if run:
        runs.append(run)
    return runs


def read_body_tables(ctx: FactContext) -> dict[tuple[int, int, str], BodyTable]:
    """The brain findings on the tumour rows of a pathology table whose specimen, site or procedure field names a body
    site outside the central nervous system (and no field names the CNS)."""
    findings = [m for m in ctx.mentions(*BRAIN_FINDINGS.concepts) if m.concept not in _SITED_CONCEPTS]
    if not findings:
        return {}
    out: dict[tuple[int, int, str], BodyTable] = {}
    for run in _table_rows(ctx.text):
        fields = [r for r in run if _SPECIMEN_FIELD.matches(r[2])]
        if any(_CNS_SPECIMEN.matches(f"{r[2]} {r[3]}") for r in fields):
            continue
        body = next((r for r in fields if _BODY_SPECIMEN.matches(r[3])), None)
        if body is None:
            continue
        value = body[3].strip()
        start = body[4] + body[3].find(value)
        table = BodyTable(field_text=value, field_start=start, field_end=start + len(value))
        for f in findings:
            row = next((r for r in run if r[0] <= f.start < r[1]), None)
            if row is not None and not _CNS_SPECIMEN.matches(ctx.text[row[0]:row[1]]):
                out[_key(f)] = table
    return out
