"""An oedema named inside a list of grounds is no alternative diagnosis, through the real NLP stage to the facts.

A tumour-versus-tumour differential often gives its reasons as a list led by a word of grounds ("in view of",
"because of", "owing to", "on the basis of", "given" ...) and the oedema is then one item of it, not the first
(cues.yaml differential.grounds_list_before, concept set differential.grounds_findings). The lead reaches every item
of a list coordinated with commas, "and", "&" or "as well as", up to the oedema's clause end: such an oedema is no
alternative, so tumor_vs_nontumor_differential stays not documented and glioma_differential does not list it.

Near misses keep the oedema weighed: an oedema weighed itself ("vs", "or", "/"), an oedema before the words of
grounds, an oedema in its own clause beside a hedged tumour, a tumour or a non-tumour diagnosis named between the
lead and the oedema ("given the history, abscess, the oedema and the infarct are considered"), a list item that is a
clause (a verb or a diagnosis word: "the differential includes oedema"), and an oedema that is the subject after the
grounds ("given the acute onset, oedema is more likely": no coordinated list closes after it).
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

PRESENT, ND = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

GROUNDS_LIST = [
    # case, text, tumor_vs_nontumor_differential, its alternatives when present
    ("report: in view of, oedema second of three", "Vestibular schwannoma is more likely than meningioma, though a "
     "meningioma remains possible in view of the cystic foci, the vasogenic edema and the calcification.", ND, None),
    ("dictated: because of, oedema second, Oxford comma", "Glioblastoma is favored over lymphoma because of the "
     "heterogeneity, extensive edema, and lack of diffusion restriction.", ND, None),
    ("terse: given, oedema last", "Ddx metastasis vs GBM, metastasis favored given the multiplicity, the grey-white "
     "junction location, and the disproportionate edema.", ND, None),
    ("report: owing to, two items", "Meningioma versus dural metastasis; the latter is preferred owing to the bone "
     "erosion and the marked vasogenic oedema.", ND, None),
    ("EHR: on the basis of, oedema last", "Assessment: ependymoma vs medulloblastoma, favoring ependymoma on the basis "
     "of the location, calcification, and the edema.", ND, None),
    ("report: in light of, as well as", "Right parietal mass, metastasis more likely than high-grade glioma in light "
     "of the sharp margins as well as the vasogenic edema.", ND, None),
    ("dictated: considering, oedema inner item", "Oligodendroglioma versus DNET, the former favoured considering the "
     "calcification, the edema and the cortical location.", ND, None),
    ("letter: because of, the clause goes on", "Dear Dr Adeyemi, the lesion is a hemangioblastoma or a metastasis, "
     "the former more likely because of the flow voids, the cyst and the edema, in our view.", ND, None),
    # near misses: right today, must not change
    ("near miss: oedema weighed among three", "Left frontal signal change: glioma vs edema vs infarct.", PRESENT,
     ["edema", "other"]),
    ("near miss: oedema weighed, grounds a list after", "Tumor or edema, given the mass effect and the enhancement.",
     PRESENT, ["edema"]),
    ("near miss: oedema then a hedged tumour", "Vasogenic edema; a low-grade glioma cannot be excluded.", PRESENT,
     ["edema"]),
    ("near miss: diagnoses listed after the grounds", "Possible glioma; given the history, abscess, the edema and the "
     "infarct are considered.", PRESENT, ["abscess", "edema", "other"]),
    ("near miss: a clause before the oedema", "Possible glioma; in view of the history, the differential includes "
     "edema.", PRESENT, ["edema"]),
    ("near miss: oedema the subject after the grounds", "Possible glioma; given the acute onset, edema is more "
     "likely.", PRESENT, ["edema"]),
    ("near miss: oedema and infarct the subject", "Possible glioma; in view of the acute onset, edema and infarct "
     "are favoured.", PRESENT, ["edema", "other"]),
    ("near miss: oedema weighed after a list of grounds", "Given the acute onset and the restricted diffusion, "
     "possible tumor versus cytotoxic edema.", PRESENT, ["edema"]),
]


@pytest.mark.parametrize(("case", "text", "expected", "alternatives"), GROUNDS_LIST,
                         ids=[c[0] for c in GROUNDS_LIST])
def test_oedema_in_grounds_list_is_no_alternative(fragment_facts, case, text, expected, alternatives):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    check_facts(facts, {"tumor_vs_nontumor_differential": expected})
    if alternatives is not None:
        assert facts.facts["tumor_vs_nontumor_differential"].attributes.get("alternative") == alternatives


GLIOMA_GROUNDS_LIST = [
    # case, text, glioma_differential's alternatives
    ("lymphoma, oedema in a grounds list", "Glioma favoured over lymphoma given the heterogeneous enhancement, the "
     "infiltrative margins and the extensive edema.", ["lymphoma"]),
    ("metastasis, oedema inner item", "GBM vs metastasis, the latter favoured because of the sharp margin, the "
     "edema and the multiplicity.", ["metastasis"]),
    ("near miss: oedema weighed after grounds", "Given the enhancement and the mass effect, astrocytoma versus "
     "vasogenic edema.", ["edema"]),
]


@pytest.mark.parametrize(("case", "text", "alternatives"), GLIOMA_GROUNDS_LIST,
                         ids=[c[0] for c in GLIOMA_GROUNDS_LIST])
def test_oedema_in_grounds_list_is_no_glioma_alternative(fragment_facts, case, text, alternatives):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    check_facts(facts, {"glioma_differential": PRESENT})
    assert facts.facts["glioma_differential"].attributes.get("alternative") == alternatives
