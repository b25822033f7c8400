"""The non-tumour side of a tumour-versus-non-tumour differential in either number, abbreviated and in British
spelling; a syndrome name is no alternative (`tumor_vs_nontumor_differential`, through the real NLP stage).

1. Vocabulary (ddx.nontumor_other, ddx.tsc_lesion, ms.demyelination): "enlarging SEN versus early SEGA",
   "subependymal nodule vs SEGA", "a tuber vs DNET", "TDL vs high-grade glioma", "cavernomas versus haemorrhagic
   metastases", "granulomata vs metastases", "infarcts vs metastases", "ischaemic change vs low-grade glioma" weigh a
   tumour against a non-tumour diagnosis. Near misses: the same words with nothing weighed ("SENs stable", "tubers
   unchanged"), negated ("no subependymal nodules"), the hypothalamus ("tuber cinereum"), a surname ("Dr. Sen").
2. A phakomatosis (ddx.phakomatosis) is the condition beneath the tumour, no alternative to it
   (tumor.nontumor_alternatives): "Tuberous sclerosis; possible SEGA", "NF1 - probable optic pathway glioma" weigh
   nothing even with the tumour hedged; "SEGA vs subependymal nodule in a TSC patient" is a differential through the
   nodule, and its alternative is never the syndrome.

Rows: id, text, expected status, the alternatives the fact must name (None: no check). Rows whose id starts with
"near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
OTHER = ["other"]

CASES: list[tuple[str, str, FactStatus, list[str] | None]] = [
    # 1. non-tumour alternatives in the other number, abbreviated, in British spelling
    ("SEN versus SEGA", "Impression: enlarging SEN versus early SEGA.", P, OTHER),
    ("SENs vs SEGA", "MRI brain: two SENs at the left foramen of Monro vs SEGA.", P, OTHER),
    ("subependymal nodule singular", "Assessment: subependymal nodule vs SEGA at the foramen of Monro.", P, OTHER),
    ("SEN wrapped over a line", "Impression: growing SEN\nversus early subependymal giant cell astrocytoma.", P, OTHER),
    ("subependymal hamartoma", "Differential: subependymal hamartoma or SEGA?", P, OTHER),
    ("a tuber vs DNET", "MRI: right frontal lesion, a tuber vs DNET.", P, OTHER),
    ("calcified tuber or ganglioglioma", "Impression: calcified Tuber versus ganglioglioma (left temporal).", P,
     OTHER),
    ("tuber probable, DNET less likely", "Impression: right frontal lesion, probably a tuber, DNET less likely.", P,
     OTHER),
    ("TDL vs high-grade glioma", "Impression: TDL vs high-grade glioma.", P, ["demyelination"]),
    ("TDLs in parentheses", "Assessment: ring-enhancing lesions (TDLs versus lymphoma).", P, ["demyelination"]),
    ("tumefactive demyelinating lesions plural", "Impression: tumefactive demyelinating lesions vs metastases.", P,
     ["demyelination"]),
    ("cavernoma British haemorrhagic", "Impression: cavernoma versus haemorrhagic metastasis.", P, OTHER),
    ("cavernomas plural", "Impression: multiple cavernomas vs haemorrhagic metastases.", P, OTHER),
    ("cavernous malformations", "Impression: cavernous malformations versus hemorrhagic metastases.", P, OTHER),
    ("cavernous angioma", "Impression: cavernous angioma vs metastasis, MRS requested.", P, OTHER),
    ("cavernous haemangioma", "DDx: cavernous haemangioma vs melanoma metastasis.", P, OTHER),
    ("granulomata", "Impression: granulomata vs metastases.", P, OTHER),
    ("hamartomas", "Impression: hypothalamic hamartomas vs glioma.", P, OTHER),
    ("infarcts", "Impression: Infarcts vs metastases; MRS to differentiate.", P, OTHER),
    ("ischaemic change British", "Impression: ischaemic change vs low-grade glioma.", P, OTHER),
    ("gliotic change", "Impression: gliotic change vs low-grade glioma.", P, OTHER),
    ("haematomas British plural", "CT: haematomas versus haemorrhagic metastases.", P, OTHER),
    ("abscesses plural", "Impression: abscesses vs necrotic metastases.", P, ["abscess"]),
    # 1. near misses
    ("near: SENs stable", "Impression: SENs stable.", N, None),
    ("near: no subependymal nodules", "Impression: no subependymal nodules.", N, None),
    ("near: tubers unchanged", "Impression: tubers unchanged.", N, None),
    ("near: SEGA stable beside SENs", "Impression: SEGA stable; SENs unchanged.", N, None),
    ("near: tuber cinereum", "Impression: hamartoma of the tuber cinereum, unchanged.", N, None),
    ("near: a surname", "Dr. Sen reviewed the possible glioma.", N, None),
    ("near: cavernomas alone", "Impression: multiple cavernomas, no change.", N, None),
    # 2. a syndrome on a diagnosis line is the underlying condition, not an alternative
    ("tuberous sclerosis; possible SEGA", "Diagnosis: Tuberous sclerosis; possible SEGA", N, None),
    ("ICD codes, suspected SEGA", "Diagnoses: Q85.1 tuberous sclerosis; D33.0 SEGA (suspected)", N, None),
    ("NF1 dash probable glioma", "Diagnosis: NF1 - probable optic pathway glioma", N, None),
    ("TSC, query SEGA", "Problem list: TSC, ? SEGA", N, None),
    ("VHL, suspected haemangioblastoma", "Diagnoses: von Hippel-Lindau disease; suspected cerebellar "
     "haemangioblastoma", N, None),
    ("NF1 with likely glioma", "Assessment: neurofibromatosis type 1 with likely brainstem glioma.", N, None),
    ("NF1, query progression", "Indication: NF1; query progression of optic pathway glioma.", N, None),
    ("Sturge-Weber, possible glioma", "Sturge-Weber syndrome; possible low-grade glioma.", N, None),
    ("TSC, possible SEGA in impression", "Impression: TSC; possible SEGA.", N, None),
    ("TSC slash SEGA presumed", "Dx: tuberous sclerosis complex / subependymal giant cell astrocytoma, presumed.", N,
     None),
    ("near: tuberous sclerosis; SEGA", "Diagnosis: Tuberous sclerosis; SEGA", N, None),
    ("near: codes, plain", "Diagnoses: Q85.1 tuberous sclerosis; D33.0 SEGA", N, None),
    ("near: NF1 - glioma plain", "Diagnosis: NF1 - optic pathway glioma", N, None),
    # 2. a differential in a syndrome's patient: weighed through the lesion, never the syndrome (failed before:
    # the syndrome was named among the alternatives)
    ("SEGA vs nodule in a TSC patient", "Impression: SEGA vs subependymal nodule in a TSC patient.", P, OTHER),
    ("NF1 patient, UBO vs glioma", "Assessment: NF1: UBO vs low-grade glioma.", P, OTHER),
    ("TSC patient, tuber or DNET", "Impression (TSC): cortical tuber or DNET?", P, OTHER),
]


@pytest.mark.parametrize(("text", "status", "alternatives"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_nontumor_alternative_vocab(analyze: Any, text: str, status: FactStatus,
                                    alternatives: list[str] | None) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["tumor_vs_nontumor_differential"]
    assert fact.status is status, (fact.status.value, fact.note, [e.text for e in fact.evidence])
    if alternatives is not None:
        assert fact.attributes.get("alternative") == alternatives, fact.attributes
