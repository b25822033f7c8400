"""The tumour rows of a pathology table of a body site outside the brain are that body tumour, through the real NLP
stage to the facts (facts/site.py `read_body_tables`; cues site.specimen_field, site.pathology_row,
site.body_specimen, site.cns_specimen in facts/resources/cues.yaml).

A synoptic pathology or staging table (or an abstracted pathology summary written as "label: value" rows) whose
specimen, site or procedure field names a body site outside the central nervous system (tongue, floor of mouth,
larynx, lung, breast, colon, skin, kidney ...) speaks of that tumour on its rows: "Tumor | SCC, moderately
differentiated, 3.8 cm", "Tumour size: 2.1 cm", "Histologic type: adenocarcinoma", "Tumor grade: G2", "Tumor
deposits: absent". They are no brain neoplasm (present or absent), no known brain tumour and no brain tumour grade;
they stay as ignored evidence citing site.body_specimen.

Near misses keep their reading: the same table for a brain specimen ("Specimen: left frontal brain mass,
resection"), a field naming the CNS beside a body site, a row naming the brain ("Distant metastasis: brain"), a
brain metastasis told elsewhere in the packet (outside the table's rows), a table with no specimen field.

Rows: id, text, {fact: expected status}, whether some ignored evidence of the first fact cites site.body_specimen
(a near miss beside a body table still has the table's rows set aside).
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
BODY = "site.body_specimen"

CASES: list[tuple[str, str, dict[str, FactStatus], bool]] = [
    ("tongue, pipe rows", "SURGICAL PATHOLOGY\nSpecimen: left lateral tongue, partial glossectomy\n"
     "Tumor | SCC, moderately differentiated, 3.8 cm\nMargins | negative\n",
     {"brain_neoplasm": N, "known_brain_tumor": N}, True),
    ("lung, British spelling, grade row", "SYNOPTIC REPORT\nSpecimen: right upper lobe of lung, lobectomy\n"
     "Histologic type: adenocarcinoma\nTumour size: 2.1 cm\nHistologic grade: grade 2 (moderately differentiated)\n",
     {"brain_neoplasm": N, "known_brain_tumor": N, "tumor_grade": N}, True),
    ("breast, lower case labels", "specimen: breast, left, mastectomy\nhistologic grade: grade 2\n"
     "tumor size: 2.4 cm\nlymph nodes: 0/3\n", {"tumor_grade": N, "brain_neoplasm": N}, True),
    ("colon, primary site and procedure", "Primary site: sigmoid colon\nProcedure: sigmoid colectomy\n"
     "Tumor grade: low grade\nTumor: adenocarcinoma, 5 cm, invades muscularis propria\n",
     {"tumor_grade": N, "brain_neoplasm": N, "known_brain_tumor": N}, True),
    ("skin, absent deposits and a lesion row", "Specimen: skin, right forearm, excision\n"
     "Lesion: melanoma, Breslow 1.2 mm\nTumor deposits: absent\n",
     {"brain_neoplasm": N, "brain_lesion": N}, True),
    ("kidney, row under the field", "SPECIMEN | right kidney, radical nephrectomy\n"
     "TUMOR | clear cell carcinoma, 6.1 cm\nLYMPH NODES | metastatic carcinoma in 1 of 4\n",
     {"brain_neoplasm": N, "brain_metastasis": N}, True),
    ("larynx, roman numeral grade", "Specimen: larynx, total laryngectomy\n"
     "Tumour: squamous cell carcinoma, grade II, 2.9 cm\n", {"brain_neoplasm": N, "tumor_grade": N}, True),
    ("floor of mouth, bulleted", "- Specimen: floor of mouth, wide local excision\n"
     "- Tumor: SCC, well differentiated, 1.7 cm\n- Margins: clear by 6 mm\n", {"brain_neoplasm": N}, True),
    ("abstracted summary on one line", "Pathology summary: specimen: left breast, lumpectomy; tumor: invasive ductal "
     "carcinoma, grade 3, 1.8 cm; margins: negative\n", {"brain_neoplasm": N, "tumor_grade": N}, True),
    ("tumor site field after the rows", "Histologic type: clear cell carcinoma\nTumor size: 4 cm\n"
     "Tumor site: left kidney, upper pole\n", {"brain_neoplasm": N}, True),
    ("table with a brain tumour told elsewhere", "Assessment: right frontal glioblastoma, recurrence versus "
     "necrosis.\n\nOutside pathology 2019:\nSpecimen: skin, back, excision\nTumor: basal cell carcinoma, 0.8 cm\n",
     {"brain_neoplasm": S, "glial_neoplasm": S}, True),
    # near misses: the brain's table, a row naming the brain, no specimen field, a metastasis told elsewhere
    ("near: brain specimen", "SURGICAL PATHOLOGY\nSpecimen: left frontal brain mass, resection\n"
     "Tumor: glioblastoma, WHO grade 4\nTumor size: 4.2 cm\n",
     {"brain_neoplasm": P, "known_brain_tumor": P, "tumor_grade": P}, False),
    ("near: craniotomy procedure", "Procedure: right craniotomy, tumor resection\nTumor: metastatic carcinoma, "
     "2.5 cm\n", {"brain_neoplasm": P}, False),
    ("near: a field naming the brain beside a body site", "Specimen A: lung, wedge resection\nSpecimen B: brain, "
     "left parietal lesion\nTumor: metastatic adenocarcinoma\n", {"brain_neoplasm": P}, False),
    ("near: distant metastasis row names the brain", "Specimen: right upper lobe of lung, lobectomy\n"
     "Histologic type: adenocarcinoma\nDistant metastasis: brain metastasis, biopsy proven (pM1b)\n",
     {"brain_metastasis": P}, False),
    ("near: brain metastasis elsewhere in the packet", "Specimen: right lung, lobectomy\nTumor: adenocarcinoma, "
     "2 cm\n\nMRI brain 10/02/2026: new enhancing right cerebellar metastasis.\n", {"brain_metastasis": P}, False),
    ("near: no specimen field", "Pathology summary\nTumor: 3.0 cm\nGrade: 2\n", {"brain_neoplasm": P}, False),
    ("near: a prose sentence after the table", "Specimen: left breast, lumpectomy\nTumor: ductal carcinoma, 1.2 cm\n"
     "She now has a ring-enhancing right frontal tumor, metastasis versus abscess.\n", {"brain_neoplasm": S}, True),
]


@pytest.mark.parametrize(("text", "expected", "cited"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_body_site_pathology_table(analyze, text: str, expected: dict[str, FactStatus],  # type: ignore[no-untyped-def]
                                   cited: bool) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    check_facts(facts, expected)
    first = facts.facts[next(iter(expected))]
    cites = any(BODY in e.attributes.get("cue", "").split() for e in first.ignored)
    assert cites is cited, [(e.text, e.attributes) for e in first.ignored]
