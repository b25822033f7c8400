"""An earlier document's addendum does not supersede a later report, through the real NLP stage to the facts
(pipeline/facts/supersession.py; rules supersede.report_boundaries, supersede.conclusive_addendum and
supersede.source_sections in facts/resources/supersession.yaml; pipeline/facts/imaging.py for the study's verdict).

A packet holds a recent MRI report whose impression weighs recurrence against treatment effect ("recurrent
glioblastoma versus radiation necrosis; imaging cannot distinguish these") and, later in the packet, an OLDER
pathology report whose molecular addendum restates the original diagnosis ("ADDENDUM (01/27/2026) - MOLECULAR ...
Integrated diagnosis unchanged: Glioblastoma, IDH-wildtype"). Rule:

1. An addendum supersedes only mentions in its own report, the document it is appended to: a pathology report (or a
   clinic note) that stands between an imaging report and an addendum owns that addendum (supersede.report_boundaries).
2. A superseding statement dated before a report never supersedes that report's mentions; a mention that carries no
   date of its own takes its report's date (its DATE OF SERVICE, exam date or title date), also when nothing in the
   layout separates the two documents.

Near misses keep their reading: an addendum of the MRI report itself that changes its read (dated after it, on the
same page or a later one), a pathology result dated after the MRI that settles its question, an addendum of a clinic
note that corrects that note.

Rows: id, packet (pages separated by form feeds), {fact: expected status}, and (fact, source): the `superseded_by`
source of that fact's superseded evidence (None: none of its mentions is superseded). Rows whose id starts with
"near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

FORM = ("PRIOR AUTHORIZATION REQUEST\nPatient: Dana Whitfield   DOB: 03/04/1961\nRequested service: MR spectroscopy, "
        "brain (CPT 76390)\nDate of request: 11/20/2026\nOrdering physician: Dr. A. Okafor, Neuro-oncology\n\f\n")

MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST\nDATE OF SERVICE: 10/22/2026\nINDICATION: Glioblastoma status post "
       "resection and chemoradiation.\nFINDINGS: New nodular enhancement along the posterior margin of the left "
       "temporal resection cavity with elevated rCBV.\nIMPRESSION: Recurrent glioblastoma versus radiation necrosis. "
       "Conventional imaging and perfusion cannot reliably distinguish these.\n")

OPEN = {"recurrence_vs_treatment_effect": P, "conventional_imaging_inconclusive": P}
"""The MRI's question stays open: recurrence weighed against treatment effect, the study inconclusive."""
KEPT = ("recurrent_or_residual_tumor", None)
"""No recurrence mention is superseded."""


def packet(*pages: str) -> str:
    return FORM + "\n\f\n".join(pages)


CASES: list[tuple[str, str, dict[str, FactStatus], tuple[str, str | None]]] = [
    # 1. an older pathology report after the MRI, its molecular addendum restating the original diagnosis
    ("path addendum restates dx, next page", packet(MRI, "SURGICAL PATHOLOGY REPORT\nDate of procedure: 01/15/2026\n"
     "Specimen: Left temporal mass, resection\nFINAL DIAGNOSIS: Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n\n"
     "ADDENDUM (01/27/2026) - MOLECULAR RESULTS\nMGMT promoter unmethylated. TERT promoter mutation detected.\n"
     "Integrated diagnosis unchanged: Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n"), OPEN, KEPT),
    ("neuropathology, British spelling, tumour", packet(
     "MRI HEAD W/WO CONTRAST 10/22/2026\nClinical history: GBM treated with chemoradiotherapy.\nFindings: Enlarging "
     "enhancement at the right frontal resection margin.\nImpression: Recurrent tumour versus treatment-related "
     "change. Conventional imaging cannot reliably distinguish these.\n",
     "NEUROPATHOLOGY REPORT\nDate of surgery: 02/11/2026\nDiagnosis: Glioblastoma, IDH-wildtype, WHO grade 4.\n\n"
     "Addendum 02/24/2026: Molecular studies\nEGFR amplification present. Final integrated diagnosis unchanged: "
     "glioblastoma, IDH-wildtype, WHO grade 4.\n"), OPEN, KEPT),
    ("same page, blank line, amended report", packet(
     MRI + "\nSURGICAL PATHOLOGY\nCollected 01/15/2026\nFinal diagnosis: Glioblastoma, CNS WHO grade 4.\n\n"
     "AMENDED REPORT (01/29/2026):\nMGMT promoter methylated. Diagnosis unchanged: Glioblastoma, IDH-wildtype.\n"),
     OPEN, KEPT),
    ("exam date line, pseudoprogression", packet(
     "Exam: MRI brain with and without contrast\nExam date: 10/22/2026\nIndication: glioblastoma after "
     "temozolomide and radiation\nFindings: Increased enhancement about the left parietal cavity.\nImpression: "
     "Tumor progression versus pseudoprogression. Conventional MRI and perfusion cannot reliably distinguish "
     "these.\n", "SURGICAL PATHOLOGY REPORT 01/15/2026\nFinal diagnosis: Glioblastoma, IDH-wildtype, grade 4.\n\n"
     "ADDENDUM (01/27/2026) - MOLECULAR\nIDH1 R132H immunostain negative. Integrated diagnosis unchanged: "
     "Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n"), OPEN, KEPT),
    ("GBM and XRT necrosis abbreviations", packet(
     "MRI BRAIN W/WO 10/22/2026\nHistory: GBM s/p resection and chemoRT.\nFindings: New enhancing nodule at the "
     "resection margin.\nImpression: Recurrent GBM vs radiation necrosis (XRT effect). MRI cannot reliably "
     "distinguish these.\n", "BRAIN PATHOLOGY REPORT\nDate: 01/15/2026\nDiagnosis: Glioblastoma (GBM), "
     "IDH-wildtype.\n\nADDENDUM 01/27/2026 -\nTERT promoter mutated. Integrated diagnosis unchanged: GBM, "
     "IDH-wildtype, WHO grade 4.\n"), OPEN, KEPT),
    ("impression wraps a line, signature between", packet(
     "MRI BRAIN WITH AND WITHOUT CONTRAST\nDATE OF SERVICE: 10/22/2026\nFINDINGS: New enhancement at the margin of "
     "the left temporal cavity.\nIMPRESSION: Progressive glioblastoma versus radiation\nnecrosis. Conventional "
     "imaging and perfusion cannot reliably\ndistinguish these.\nElectronically signed by: J. Park, MD\n",
     "FINAL PATHOLOGY REPORT\nProcedure date: 01/15/2026\nDiagnosis: Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n"
     "\nADDENDUM (01/27/2026): molecular\nIntegrated diagnosis unchanged: Glioblastoma, IDH-wildtype, CNS WHO grade 4."
     "\n"), OPEN, KEPT),
    ("path addendum dated, no molecular word", packet(MRI, "STEREOTACTIC PATHOLOGY REPORT\nDate of biopsy: "
     "12/02/2025\nDiagnosis: Glioblastoma, IDH-wildtype.\n\nAddendum (12/20/2025):\nNo change to the diagnosis: "
     "glioblastoma, WHO grade 4. Ki-67 approximately 30%.\n"), OPEN, KEPT),
    ("path with clinic note between, amended read", packet(MRI, "NEURO-ONCOLOGY CLINIC NOTE 11/10/2026\nAssessment: "
     "new enhancement after chemoradiation; MRS requested.\n", "SURGICAL PATHOLOGY REPORT\nDate of procedure: "
     "01/15/2026\nFinal diagnosis: Glioblastoma, IDH-wildtype.\n\nADDENDUM (01/27/2026) - MOLECULAR RESULTS\n"
     "Integrated diagnosis unchanged: Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n"), OPEN, KEPT),
    # 2. an older superseding statement that nothing in the layout separates from the MRI: its date decides
    ("addendum under an unsectioned lab title", packet(MRI, "Molecular Diagnostics Laboratory - outside lab\n"
     "Glioblastoma, IDH-wildtype (resection 01/15/2026).\n\nADDENDUM (01/27/2026) - MOLECULAR RESULTS\nIntegrated "
     "diagnosis unchanged: Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n"), OPEN, KEPT),
    ("addendum straight after the MRI, dated before", packet(MRI + "\nADDENDUM (01/27/2026) - MOLECULAR RESULTS of "
     "the 01/15/2026 resection\nIntegrated diagnosis unchanged: Glioblastoma, IDH-wildtype, CNS WHO grade 4.\n"),
     OPEN, KEPT),
    ("older addendum dated on its own line", packet(MRI, "Tissue results\n\nAddendum:\nDate: 01/27/2026\n"
     "Integrated diagnosis unchanged: glioblastoma, IDH-wildtype, grade 4.\n"), OPEN, KEPT),
    ("earlier biopsy showed necrosis, inline", packet(
     "Stereotactic biopsy 03/10/2026 pathology: radiation necrosis, no viable tumor.\n\n" + MRI), OPEN, KEPT),
    ("earlier path section of necrosis before MRI", packet(
     "SURGICAL PATHOLOGY REPORT 03/10/2026\nDiagnosis: Treatment-related necrosis; negative for recurrent "
     "glioblastoma.\n", MRI), OPEN, KEPT),
    ("older second opinion before the MRI", packet(
     "Second opinion (tumor board 04/02/2026): no recurrent tumor; changes are radiation necrosis.\n\n" + MRI), OPEN, KEPT),
    ("title date only, older addendum", packet(
     "CT HEAD 09/01/2026\nImpression: no acute findings.\n",
     "MRI BRAIN W/WO CONTRAST 10/22/2026\nFINDINGS: New enhancement at the cavity margin.\nIMPRESSION: Recurrent "
     "tumour versus radiation necrosis; cannot be reliably distinguished on conventional imaging.\n",
     "Outside molecular report\nADDENDUM 02/03/2026:\nFinal integrated diagnosis unchanged: glioblastoma, "
     "IDH-wildtype, WHO grade 4.\n"), OPEN, KEPT),
    ("older addendum negates recurrence", packet(MRI, "Outside records\n\nADDENDUM (05/04/2026) - re-excision "
     "specimen\nNo recurrent glioblastoma; radiation necrosis only.\n"), OPEN, KEPT),
    # near misses
    ("near: MRI's own addendum favours necrosis", packet(
     MRI + "ADDENDUM: on review of the perfusion maps, findings favour radiation necrosis; recurrent tumor is not "
     "supported.\n"), {"recurrent_or_residual_tumor": A}, ("recurrent_or_residual_tumor", "addendum")),
    ("near: MRI's own dated addendum, conclusive", packet(
     MRI + "ADDENDUM (10/24/2026): On review, the appearance is characteristic of radiation necrosis. No recurrent "
     "tumor.\n"), {"conventional_imaging_inconclusive": A, "recurrent_or_residual_tumor": A},
     ("recurrent_or_residual_tumor", "addendum")),
    ("near: MRI's addendum on a later page", packet(
     MRI + "Electronically signed by: J. Park, MD\n", "ADDENDUM (10/24/2026):\nOn review, the appearance is "
     "characteristic of radiation necrosis. No recurrent tumor.\n"), {"conventional_imaging_inconclusive": A,
                                                                        "recurrent_or_residual_tumor": A},
     ("recurrent_or_residual_tumor", "addendum")),
    ("near: radiology addendum names its MRI past a note", packet(
     MRI, "NEURO-ONCOLOGY CLINIC NOTE 10/23/2026\nAssessment: new enhancement; await radiology review.\n",
     "RADIOLOGY ADDENDUM 10/25/2026\nRe: MRI brain 10/22/2026\nAddendum: on review the appearance is characteristic "
     "of radiation necrosis. No recurrent tumor.\n"), {"conventional_imaging_inconclusive": A,
                                                       "recurrent_or_residual_tumor": A},
     ("recurrent_or_residual_tumor", "addendum")),
    ("near: later biopsy settles the question", packet(
     MRI, "SURGICAL PATHOLOGY REPORT\nDate of procedure: 11/02/2026\nDiagnosis: Radiation necrosis; no viable "
     "tumor.\n"), {"recurrent_or_residual_tumor": N}, ("recurrent_or_residual_tumor", "pathology")),
    ("near: later inline biopsy, necrosis", packet(
     MRI + "\nBiopsy 11/02/2026 pathology: radiation necrosis, negative for recurrent glioblastoma.\n"),
     {"recurrent_or_residual_tumor": A}, ("recurrent_or_residual_tumor", "pathology")),
    ("near: later pathology addendum, no tumour", packet(
     MRI, "SURGICAL PATHOLOGY REPORT\nDate of procedure: 10/30/2026\nPreliminary diagnosis: necrotic tissue.\n\n"
     "ADDENDUM (11/05/2026):\nNo recurrent glioblastoma; radiation necrosis.\n"), {"recurrent_or_residual_tumor": A},
     ("recurrent_or_residual_tumor", "pathology")),
    ("near: clinic note's addendum corrects it", packet(
     "NEUROLOGY CLINIC NOTE 11/10/2026\nAssessment: possible CNS lymphoma.\n\nAddendum 11/12/2026: CSF cytology "
     "reviewed; lymphoma is not supported.\n"), {"cns_lymphoma": A}, ("cns_lymphoma", "addendum")),
    ("near: note's addendum after the MRI", packet(
     MRI, "NEUROLOGY CLINIC NOTE 11/10/2026\nAssessment: possible CNS lymphoma as well.\n\nAddendum 11/12/2026: CSF "
     "cytology reviewed; lymphoma is not supported.\n"), {"cns_lymphoma": A, **OPEN}, ("cns_lymphoma", "addendum")),
]


@pytest.mark.parametrize(("text", "expected", "superseded"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_addendum_scope(analyze, text: str, expected: dict[str, FactStatus],  # type: ignore[no-untyped-def]
                        superseded: tuple[str, str | None]) -> None:
    facts = paged_facts_of(analyze, text)
    check_facts(facts, expected)
    name, source = superseded
    sources = {e.attributes.get("superseded_by") for e in facts.facts[name].ignored} - {None}
    assert sources == ({source} if source else set()), [(e.text, e.attributes) for e in facts.facts[name].ignored]
