"""A tumour-versus-non-tumour differential that a later read settled, or two findings that sit together, through the
real NLP stage to the facts (tumor_vs_nontumor_differential).

1. A later read settles an earlier differential. A report's preliminary read (resident, wet read, prelim) weighs
   "metastasis versus subacute infarct"; its addendum or final read (attending) EXCLUDES one item ("Subacute infarct
   is excluded", "Not an infarct", "a metastasis rather than an infarct", "infarct is no longer a consideration",
   "no features to suggest abscess"): the earlier read's hedges of that item stop counting (superseded_by
   `addendum`, rule supersede.addendum_excludes in pipeline/facts/resources/supersession.yaml; the conclusive read
   that affirms one item, supersede.conclusive_addendum, settled the whole read before), and so do those of a clinic
   note that quotes that preliminary read ("the preliminary read this morning says metastasis versus infarct",
   supersede.preliminary_cited, also without naming the study: supersede.preliminary_read_named). An item of a
   catch-all concept is the same only with the same or a broader name ("infarct excluded" covers "subacute
   infarct"; synonyms: supersede.finding_synonyms). The reader in parentheses no longer hides the headings
   ("PRELIMINARY (resident):", "ADDENDUM (attending) 03/12/2026:", "Final report (attending):": sections.yaml
   sec.preliminary_read, sec.final_read, sec.addendum_dated).
2. Entities that sit together are not weighed against each other: a place between a tumour and a non-tumour finding
   ("tumour along the wall of the haematoma", "glioma extending into the infarct", "haematoma surrounding possible
   residual tumour", "residual tumour along the resection cavity with post-operative haemorrhage": a place, then the
   site named "with" the finding) is one lesion's picture (cues.yaml differential.placed_relative).
3. Near misses keep the differential: no later read; an addendum that keeps the item ("infarct remains possible") or
   only makes it less likely ("favour metastasis; infarct less likely"); an addendum that excludes another item, or a
   narrower one ("no acute infarct" under "metastasis versus infarct"); a third item left open; a clinic note that
   quotes another study's preliminary read; "tumour vs haematoma", "haemorrhagic metastasis or cavernoma?",
   "enhancing lesion - tumour or abscess?", "enhancing tissue along the cavity - residual tumour versus haemorrhage".

Limits: a bare "X or Y" with no hedge ("Impression: haemorrhagic metastasis or cavernoma.") is not read as a
differential at all (mention level, not this table); an exclusion in a later clinic note (not the report's addendum)
settles only by the older rules (supersede.settling_rules); a generic place word not listed ("tumour in the infarcted
territory" names no infarct mention) is left to the mention rules.

Rows: id -> (text, {fact: expected status}); a request date is appended. Rows whose id starts with "near" must keep
their reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts

from pipeline.contracts import ClinicalFacts, FactStatus, NlpResult
from pipeline.facts.supersession import find_supersessions

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
D = "tumor_vs_nontumor_differential"

PRELIM = ("MRI BRAIN W/WO CONTRAST 03/11/2026\nPRELIMINARY (resident): solitary enhancing right parietal lesion, "
          "metastasis versus subacute infarct.\n")
WET = "MR HEAD 04/02/2026\nWet read: ring-enhancing left frontal lesion - glioblastoma or abscess?\n"
THREE = ("MRI BRAIN 06/09/2026\nPreliminary read: enhancing left insular lesion; glioblastoma versus abscess versus "
         "subacute infarction.\n")

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. an addendum or final read excludes an item of the preliminary differential
    "addendum-infarct-excluded": (PRELIM + "ADDENDUM (attending) 03/12/2026: Subacute infarct is excluded.\n",
                                  {D: N, "brain_metastasis": S}),
    "addendum-no-longer-a-consideration": (
        PRELIM + "ADDENDUM: After review of the diffusion images, infarct is no longer a consideration.\n", {D: N}),
    "final-read-rather-than": (
        PRELIM + "FINAL READ: The appearance is of a solitary metastasis rather than an infarct.\n", {D: N}),
    "final-report-not-an-infarct": (PRELIM + "Final report (attending): Not an infarct. Enhancing metastasis.\n",
                                    {D: N}),
    "final-report-characteristic-of": (PRELIM + "Final report (attending): Characteristic of a solitary "
                                                "metastasis.\n", {D: N}),
    "final-no-features-to-suggest-abscess": (WET + "FINAL REPORT: No features to suggest an abscess.\n", {D: N}),
    "attending-final-read-demyelination-excluded": (
        "MRI BRAIN 05/05/2026\nPreliminary read (fellow): tumefactive demyelination vs low-grade glioma.\n"
        "Attending final read: Demyelination is excluded.\n", {D: N}),
    "broader-name-covers-infarction": (THREE + "ADDENDUM 06/10/2026: No infarct. Abscess excluded.\n", {D: N}),
    "clinic-note-quotes-the-prelim-undated": (
        "ONCOLOGY CLINIC 03/11/2026\nThe preliminary read this morning says metastasis versus infarct; will follow "
        "up.\n\n" + PRELIM + "ADDENDUM 03/12/2026: Subacute infarct is excluded.\n", {D: N}),
    "clinic-note-quotes-the-prelim-rather-than": (
        "Clinic note 03/11/2026: prelim read of the MRI today - metastasis vs subacute infarct.\n\n"
        + PRELIM + "ADDENDUM 03/12/2026: an enhancing metastasis rather than infarct.\n", {D: N}),
    # 2. findings that sit together
    "tumour-along-the-wall-of-the-haematoma": (
        "Impression: Possible tumour along the wall of the haematoma; MRS requested.\n", {D: N}),
    "glioma-extending-into-the-infarct": ("Impression: Probable glioma extending into the old infarct.\n",
                                          {D: N, "glial_neoplasm": S}),
    "haematoma-surrounding-possible-tumour": ("Assessment: haematoma surrounding possible residual tumour.\n",
                                              {D: N}),
    "residual-tumour-along-the-cavity-with-haemorrhage": (
        "MRI 10/01/2026: Possible residual tumour along the resection cavity with post-operative haemorrhage.\n",
        {D: N}),
    "tumour-infiltrating-into-the-area-of-infarction": (
        "Reason for MRS: suspected tumour infiltrating into the area of infarction.\n", {D: N}),
    "tumour-invading-the-infarct": ("Impression: Likely tumour invading the infarct.\n", {D: N}),
    "mrs-to-map-tumour-around-the-haematoma": ("Plan: MRS to map active tumour around the haematoma.\n", {D: N}),
    # 3. near misses: the differential stays
    "near-no-later-read": (PRELIM.replace("infarct.", "infarct; consider MRS."), {D: P}),
    "near-addendum-infarct-remains-possible": (PRELIM + "Addendum: infarct remains possible.\n", {D: P}),
    "near-final-infarct-less-likely": (PRELIM + "FINAL REPORT: Favour metastasis; infarct less likely.\n", {D: P}),
    "near-addendum-excludes-another-item": (PRELIM + "ADDENDUM: Abscess is excluded.\n", {D: P}),
    "near-narrower-exclusion": (PRELIM.replace("subacute infarct", "infarct")
                                + "ADDENDUM: No acute infarct.\n", {D: P}),
    "near-third-item-stays": (THREE + "ADDENDUM 06/10/2026: Infarction is excluded.\n", {D: P}),
    "near-quotes-another-studys-prelim": (
        "Clinic 03/11/2026: the preliminary read of the CT head 02/01/2026 says metastasis versus infarct.\n\n"
        + PRELIM + "ADDENDUM 03/12/2026: Subacute infarct is excluded.\n", {D: P}),
    "near-tumour-vs-haematoma": ("Impression: tumour vs haematoma.\n", {D: P}),
    "near-haemorrhagic-metastasis-or-cavernoma": ("MRI brain 10/01/2026: haemorrhagic metastasis or cavernoma?\n",
                                                  {D: P}),
    "near-tumour-or-abscess": ("Impression: enhancing lesion - tumour or abscess?\n", {D: P}),
    "near-along-the-cavity-versus": ("Impression: enhancing tissue along the cavity - residual tumour versus "
                                     "haemorrhage.\n", {D: P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_differential_settled_or_colocated(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                           expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


def test_an_excluded_item_names_the_addendum(analyze: Callable[[str], NlpResult]) -> None:
    """The preliminary's "subacute infarct" and the clinic note's copy are superseded by the addendum's exclusion;
    the preliminary's "metastasis" is not (it keeps its hedge)."""
    text = ("Clinic 03/11/2026: the preliminary read says metastasis versus infarct.\n\n" + PRELIM
            + "ADDENDUM (attending) 03/12/2026: Subacute infarct is excluded.\n" + REQUEST_TAIL)
    nlp = analyze(text)
    found = find_supersessions(text, nlp.mentions, nlp.sections, date(2026, 11, 20))
    by_text = {(text[k[0]:k[1]], k[2]): v for k, v in found.items()}
    for name in ("subacute infarct", "infarct"):
        assert by_text[(name, "NONTUMOR_DX")].source == "addendum"
        assert "supersede.addendum_excludes" in by_text[(name, "NONTUMOR_DX")].rule_ids()
    assert "supersede.preliminary_cited" in by_text[("infarct", "NONTUMOR_DX")].rule_ids()
    assert ("metastasis", "BRAIN_METASTASIS") not in by_text
