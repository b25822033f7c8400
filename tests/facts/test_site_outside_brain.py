"""The brain is the target: a lesion of skull-base bone, the sinonasal cavity or the orbit kept outside the brain.

A lesion named with such a site ("petrous apex lesion", "clival chordoma", "sphenoid sinus mass", "intraconal orbital
mass", "lesion of the orbital apex"; target rules site.* in nlp/resources/targets.yaml) that the request aims the
MRS at, told as staying outside the brain (a skull-base bone lesion: "extradural", "without intradural extension",
cue site.confined; a sinonasal or orbital lesion by its site), with no brain finding named with a brain site in the
packet, is the fact `non_brain_target` (site skull_base, sinonasal or orbit), and the brain findings told of it
("chordoma", "the lesion", "lymphoma versus hemangioma", "recurrence versus post-radiation change") count for no
brain fact (facts/site.py; annotations/ADJUDICATIONS.md heldout-317). Near misses stay brain findings: an intracranial
extra-axial tumor, a skull-base or sinonasal tumor reaching the brain (cue site.brain_extension), an orbital lesion
beside a brain lesion, an incidental sinus polyp, a skull-base lesion whose confinement is not told.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES = {
    # text, non_brain_target, its sites, brain_lesion, brain_neoplasm
    "petrous apex, extradural": (
        "REQUEST: MR spectroscopy (CPT 76390) to characterize a left petrous apex lesion.\n"
        "MRI 10/28/2026: expansile T2-bright lesion of the left petrous apex, extradural; brain parenchyma normal. "
        "Cholesterol granuloma versus chondrosarcoma.\n", P, ["skull_base"], N, N),
    "clival chordoma without intradural extension": (
        "Indication: clival chordoma without intradural extension; recurrence versus post-radiation change after "
        "proton therapy. MRS requested.\n", P, ["skull_base"], N, N),
    "chordoma of the clivus confined to bone, the tumor told again": (
        "Assessment: chordoma of the clivus, confined to the bone. Plan: MR spectroscopy to tell residual tumor "
        "from treatment effect.\n", P, ["skull_base"], N, N),
    "petroclival chondrosarcoma, extradural": (
        "Indication: chondrosarcoma of the left petroclival synchondrosis, extradural, residual tumor versus "
        "post-radiation change. MRS requested.\n", P, ["skull_base"], N, N),
    "sphenoid sinus mass": (
        "Reason for request: sphenoid sinus mass - neoplasm vs inverted papilloma; CT indeterminate.\n",
        P, ["sinonasal"], N, N),
    "mass filling the maxillary sinus, no intracranial extension": (
        "Plan: MRS of the mass filling the left maxillary sinus (lymphoma versus carcinoma); no intracranial "
        "extension on MRI.\n", P, ["sinonasal"], N, N),
    "recurrent sinonasal carcinoma without brain invasion": (
        "Indication: recurrent sinonasal carcinoma after radiation, tumor versus radiation necrosis; no dural or "
        "brain invasion.\n", P, ["sinonasal"], N, N),
    "intraconal orbital mass with its differential": (
        "Indication: right intraconal orbital mass; cavernous hemangioma versus lymphoma.\n", P, ["orbit"], N, N),
    "orbital apex along the optic nerve sheath": (
        "REQUEST: MR spectroscopy for a lesion of the right orbital apex along the optic nerve sheath, meningioma "
        "versus lymphoma.\n", P, ["orbit"], N, N),
    "retrobulbar mass, the lesion told again in the next sentence": (
        "Assessment: left retrobulbar mass, indeterminate. MRS requested to characterize the lesion before "
        "biopsy.\n", P, ["orbit"], N, N),
    # near misses: the brain is the target
    "near miss: clival chordoma with intradural extension": (
        "Indication: clival chordoma with intradural extension compressing the pons; recurrence versus radiation "
        "necrosis. MRS requested.\n", N, [], N, P),
    "near miss: sinonasal carcinoma invading the frontal lobe": (
        "Indication: sinonasal carcinoma invading the left frontal lobe; enhancing frontal lobe lesion, tumor versus "
        "radiation necrosis.\n", N, [], S, S),
    "near miss: orbital mass beside a frontal lesion": (
        "Indication: ring-enhancing left frontal lesion, abscess versus glioblastoma. Small right orbital mass, "
        "ophthalmology to see.\n", N, [], S, S),
    "near miss: skull base meningioma with dural tail": (
        "Indication: enhancing skull base meningioma with a dural tail versus metastasis; MRS requested.\n",
        N, [], N, S),
    "near miss: pituitary macroadenoma into the sphenoid sinus": (
        "Indication: pituitary macroadenoma extending into the sphenoid sinus, residual tumor versus post-operative "
        "change.\n", N, [], N, S),
    "near miss: a sellar mass filling the sphenoid sinus": (
        "Indication: sellar mass filling the sphenoid sinus, macroadenoma versus chordoma. MRS requested.\n",
        N, [], S, S),
    "near miss: spheno-orbital meningioma": (
        "Indication: recurrent spheno-orbital meningioma versus radiation necrosis.\n", N, [], N, S),
    "near miss: petroclival meningioma": (
        "Indication: petroclival meningioma with brainstem compression, recurrence versus radiation necrosis. MRS "
        "requested.\n", N, [], N, S),
    "near miss: cavernous sinus mass": (
        "Indication: left cavernous sinus mass, meningioma versus schwannoma.\n", N, [], N, S),
    "near miss: incidental maxillary sinus polyp": (
        "Assessment: enhancing lesion, abscess versus tumor; incidental left maxillary sinus polyp.\n",
        N, [], S, S),
    "near miss: petrous apex lesion whose confinement is not told": (
        "Indication: left petrous apex lesion, cholesterol granuloma versus chondrosarcoma.\n", N, [], S, N),
    "near miss: orbital mass denied": (
        "Indication: new enhancing right temporal lesion, glioma versus metastasis; no orbital mass.\n", N, [], S, S),
}


@pytest.mark.parametrize(("text", "target", "sites", "lesion", "neoplasm"), CASES.values(), ids=CASES.keys())
def test_a_lesion_outside_the_brain_is_no_brain_finding(analyze: Any, text: str, target: FactStatus,
                                                        sites: list[str], lesion: FactStatus,
                                                        neoplasm: FactStatus) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.get("non_brain_target")
    got = (fact.status, fact.attributes.get("site", []), facts.facts["brain_lesion"].status,
           facts.facts["brain_neoplasm"].status)
    assert got == (target, sites, lesion, neoplasm), (fact.note, [(e.text, e.attributes.get("site"))
                                                                  for e in fact.evidence])
    if target is P:
        assert all(e.rule_id.startswith("site.") for e in fact.evidence)
        told = [e for f in facts.facts.values() for e in f.ignored if e.attributes.get("outside_brain")]
        assert all(e.attributes["outside_brain"] in sites for e in told)
