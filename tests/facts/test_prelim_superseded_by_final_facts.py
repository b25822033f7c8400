"""A preliminary read's differential that the final report of the same study does not carry is superseded, through
the real NLP stage to the facts (brain_neoplasm, glial_neoplasm, brain_metastasis, cns_lymphoma, brain_infection,
tumor_vs_nontumor_differential).

Class: a radiology report gives a preliminary read (resident, overnight, wet read, teleradiology prelim) and then the
final (attending) read of the same study. The final read replaces the preliminary one: a diagnosis that only the
preliminary read weighed, and that the final read does not weigh again, is not the study's verdict. It used to stay
suspected, for two reasons:

1. Headings such as "FINAL (neuroradiology, 03/14 08:55):", "Final:" or "FINAL (neuroradiologist, 05/30 10:15):" were
   no headings, so the final read ran on inside the preliminary read. They are now (pipeline/nlp/resources/sections.yaml
   sec.final_read: "final" alone, or with the reader in parentheses).
2. The older rules settle a preliminary read only when the final read affirms one of its items conclusively or excludes
   an item by name, in the addendum section itself (supersede.conclusive_addendum, supersede.addendum_excludes). A
   final read that reads the study again and is silent about the preliminary's diagnosis ("Late subacute infarct ...
   Impression: subacute infarct" after "glioma versus subacute infarct"), or whose verdict stands on its own Findings
   and Impression lines, left the preliminary differential standing. Now the final read, from its heading to the
   report's end, replaces the preliminary read (pipeline/facts/resources/supersession.yaml
   supersede.final_replaces_preliminary, pipeline/facts/supersession.py _final_replaces_preliminary): the preliminary's
   hedges of the concepts the final read does not hedge again are superseded (superseded_by `addendum`).

Near misses keep their reading: a final read that repeats the differential; a preliminary read with no final read; a
final read that raises a tumour the preliminary read did not name; a preliminary CT and a final MRI (two studies); a
preliminary pathology report; a final read that agrees with the preliminary or is pending
(supersede.final_defers); a final read that hedges the diagnosis again; a final read that names no finding, only
measures the lesion or only excludes a third item (supersede.final_read_verdict); an addendum that only measures; a clinic note citing a wet read with no final read.

Limits: a clinic note that repeats the preliminary read is not settled by a silent final read (only by the older
rules); a final read whose heading the sectioner does not know ("Attending interpretation:") is no final read; a
concept the final read hedges keeps the preliminary's hedges of that concept even when the final read narrows it.

Rows: id -> (text, {fact: expected status}); a request date is appended. Rows whose id starts with "near" must keep
their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
D, NEO, GLIOMA, MET = "tumor_vs_nontumor_differential", "brain_neoplasm", "glial_neoplasm", "brain_metastasis"
LYM, INF, DEMY = "cns_lymphoma", "brain_infection", "demyelination"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. the final read reads the study again and does not weigh the preliminary's tumour: superseded
    "wet-read-teleradiology-final-infarct": (
        "MRI HEAD WITHOUT AND WITH CONTRAST 03/14/2026\nWet read (teleradiology, 03/14 01:40): left frontal cortical "
        "enhancement, glioma versus subacute infarct.\nFINAL (neuroradiology, 03/14 08:55):\nComparison: none. Late "
        "subacute infarct in the left MCA territory with gyriform enhancement and restricted diffusion. Impression: "
        "subacute infarct.\n", {D: N, NEO: N, GLIOMA: N}),
    "preliminary-resident-time-final-demyelination": (
        "MRI BRAIN 06/01/2026\nPRELIMINARY (resident, 23:50): periventricular enhancing lesion, lymphoma versus "
        "tumefactive demyelination.\nFINAL REPORT (attending, 06/02/2026 08:10): Tumefactive demyelinating lesion with "
        "an incomplete ring of enhancement. Impression: tumefactive demyelination.\n",
        {D: N, NEO: N, LYM: N, DEMY: P}),
    "prelim-colon-final-colon-cavernoma": (
        "MRI BRAIN 02/09/2026\nPrelim: 7 mm right temporal focus, metastasis versus abscess.\nFinal: Cavernous "
        "malformation with peripheral hemosiderin rim; no enhancement, no oedema.\n", {D: N, MET: N, INF: N}),
    "wet-read-final-report-hematoma": (
        "MRI BRAIN 04/22/2026\nWet read: left thalamic lesion, glioblastoma versus lymphoma.\nFinal report: Evolving "
        "subacute hematoma of the left thalamus. No enhancing lesion.\n", {NEO: N, GLIOMA: N, LYM: N}),
    "final-read-own-findings-impression-lines": (
        "MRI BRAIN WITH CONTRAST 09/03/2026\nPreliminary read (overnight radiologist) 09/03/2026: cerebellar "
        "ring-enhancing lesion; metastasis versus abscess.\nFinal read (neuroradiology) 09/03/2026:\nFindings: "
        "Smooth-walled ring-enhancing lesion with central restricted diffusion.\nImpression: Pyogenic abscess.\n",
        {D: N, MET: N, INF: P}),
    "final-report-signed-normal-study": (
        "CT HEAD WITH CONTRAST 01/17/2026\nPrelim (resident, 01/17/2026 03:05): questionable right parietal enhancing "
        "focus, metastasis versus abscess.\nFINAL REPORT (Dr. Amari, attending, 01/17/2026 09:40): Normal study. No "
        "enhancing lesion.\n", {D: N, MET: N, INF: N}),
    "final-excludes-toxoplasmosis-silent-on-lymphoma": (
        "MRI BRAIN 05/30/2026\nWET READ (nighthawk, 05/30 00:20): basal ganglia enhancing lesion, lymphoma versus "
        "toxoplasmosis.\nFINAL (neuroradiologist, 05/30 10:15): Haemorrhagic lacunar infarct in the left lentiform "
        "nucleus. No toxoplasmosis.\n", {D: N, NEO: N, LYM: N, INF: A}),
    "attending-final-read-generic-tumour": (
        "BRAIN MRI 10/06/2026\nPrelim read (overnight): enhancing left occipital focus; tumour versus cerebritis.\n"
        "Attending final read: Subacute posterior cerebral artery infarct. No mass.\n", {D: N, NEO: N, INF: N}),
    "final-signed-affirms-one-item-on-its-own-lines": (
        "MRI BRAIN 07/19/2026\nPRELIMINARY REPORT (resident, 07/18/2026 22:30): solitary frontal lesion, abscess "
        "versus necrotic glioblastoma.\nFINAL (neuroradiology, 07/19/2026 09:05):\nFindings: Thin smooth rim with "
        "central diffusion restriction and a dependent level.\nImpression: Pyogenic abscess.\n",
        {D: N, NEO: N, GLIOMA: N, INF: P}),
    "final-report-multiline-demyelinating-disease": (
        "MRI BRAIN AND ORBITS 11/12/2026\nWet read (Dr. Kim, PGY-2, 11/12/2026 at 02:00): right frontal incomplete "
        "ring enhancement, high-grade glioma or abscess.\nFINAL REPORT (attending neuroradiologist):\nComparison: "
        "05/2026.\nFindings: Multiple periventricular and juxtacortical lesions, one with open-ring enhancement.\n"
        "Impression: Active demyelinating disease.\n", {D: N, NEO: N, GLIOMA: N, INF: N}),
    # 2. near misses: the reading stays as it was
    "near-final-repeats-differential": (
        "MRI BRAIN 03/03/2026\nWet read: right parietal ring-enhancing focus, abscess versus tumour.\nFinal: abscess "
        "versus tumour; MR spectroscopy suggested.\n", {D: P, NEO: S, INF: S}),
    "near-prelim-only": (
        "MRI BRAIN 03/03/2026\nWET READ (teleradiology, 03/03 02:15): right parietal ring-enhancing focus; abscess "
        "versus glioma.\n", {D: P, NEO: S, GLIOMA: S, INF: S}),
    "near-final-adds-a-tumour": (
        "MRI BRAIN 08/20/2026\nPrelim: small left insular focus, likely subacute infarct.\nFinal report: Expansile "
        "non-enhancing left insular lesion; low-grade glioma favoured, infarct less likely.\n", {GLIOMA: S, NEO: S}),
    "near-two-studies-ct-prelim-mri-final": (
        "CT HEAD 08/01/2026\nPrelim: left parietal hypodensity, metastasis versus infarct.\n\nMRI BRAIN 08/11/2026\n"
        "Final report: Chronic left parietal infarct.\n", {D: P, MET: S}),
    "near-frozen-pathology-final-pending": (
        "MRI BRAIN 07/02/2026\nImpression: enhancing left frontal mass.\n\nPreliminary pathology (frozen): glioma; "
        "final pathology pending.\n", {GLIOMA: P}),
    "near-final-agrees-with-prelim": (
        "MRI BRAIN 12/01/2026\nPreliminary (resident): enhancing right temporal lesion, lymphoma versus glioblastoma.\n"
        "Final read (attending): agree with the preliminary interpretation.\n", {LYM: S, GLIOMA: S}),
    "near-final-pending": (
        "MRI BRAIN 12/01/2026\nWet read: enhancing splenial lesion, lymphoma versus glioblastoma.\nFinal report: "
        "pending.\n", {LYM: S, GLIOMA: S}),
    "near-final-hedges-again": (
        "MRI BRAIN 02/14/2026\nPrelim: callosal mass, glioblastoma versus lymphoma.\nFinal: lymphoma favoured; "
        "glioblastoma cannot be excluded.\n", {GLIOMA: S, LYM: S, "brain_lesion": S}),
    "near-final-names-no-finding": (
        "MRI BRAIN 04/04/2026\nPRELIMINARY (resident, 04/03/2026 23:10): cerebellar ring-enhancing lesion, metastasis "
        "versus abscess.\nFINAL REPORT (attending, 04/04/2026 08:00): images reviewed with the resident.\n",
        {D: P, MET: S, INF: S}),
    "near-final-excludes-a-third-item-only": (
        "MRI BRAIN 10/10/2026\nWet read (overnight): right occipital ring lesion, metastasis versus abscess.\nFinal "
        "report (attending): No acute haemorrhage is seen.\n", {D: P, MET: S, INF: S}),
    "near-final-only-measures": (
        "MRI BRAIN 10/10/2026\nPrelim: left cerebellar enhancing lesion, lymphoma versus glioma.\nFINAL (staff "
        "radiologist, 10/10 11:20): the lesion measures 18 x 15 mm on the post-contrast series.\n",
        {LYM: S, GLIOMA: S}),
    "near-addendum-only-measures": (
        "MRI BRAIN 06/06/2026\nWet read (overnight): occipital ring lesion, metastasis versus abscess.\nADDENDUM "
        "(attending, 06/06/2026 09:00): the lesion measures 14 x 12 mm.\n", {D: P, MET: S, INF: S}),
    "near-clinic-note-wet-read-no-final": (
        "Clinic note:\nSeen 05/05/2026. Per the wet read, lymphoma versus toxoplasmosis; awaiting the final report.\n",
        {D: P, LYM: S, INF: S}),
    "near-earlier-study-impression-then-other-study-final": (
        "MRI BRAIN 01/05/2026\nImpression: left frontal lesion, glioma versus infarct.\n\nCT HEAD 01/20/2026\n"
        "Preliminary (resident): no acute hemorrhage.\nFinal report: no acute intracranial abnormality.\n",
        {D: P, GLIOMA: S}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_prelim_superseded_by_final(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                    expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


def test_superseded_preliminary_tumour_cites_the_rule(fragment_facts: Callable[[str], ClinicalFacts]) -> None:
    """The preliminary read's tumour is kept as ignored evidence that cites the rule and the final read."""
    facts = fragment_facts(CASES["wet-read-teleradiology-final-infarct"][0])
    ignored = [e for e in facts.facts[NEO].ignored if e.text == "glioma"]
    assert ignored, facts.facts[NEO].ignored
    assert all(e.attributes.get("superseded_by") == "addendum"
               and "supersede.final_replaces_preliminary" in e.attributes.get("supersession_rule", "")
               for e in ignored), [e.attributes for e in ignored]
