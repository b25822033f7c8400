"""A study's missing report, said once anywhere in the packet, reaches every citation of that study.

The packet says, once, that it lacks the written report of a study ("the outside CT: we do not have the images or
the written report", "outside MRI and CT reports requested - not received", "outside reports pending", "reports
to follow when received"), and elsewhere (another paragraph, another page, a later note) a clinician cites that
study's read. Every citation of that study (the same modality, and the same date or the same outside source when
both give one; a statement that names no modality but an outside source reaches the citations of outside studies)
is known only second-hand when no report of it is in the packet: no study verdict from it
(`conventional_imaging_inconclusive` not documented; the read kept as evidence `superseded_by:
report_unavailable`), while the differential the clinician tells from it stays a suspicion (brain_neoplasm
suspected). Rules: study.report_unavailable (statements: also "we do not have the report", "reports requested -
not received", "reports pending"), its packet-wide reach in facts/imaging.py `_absences` (as the cover sheet's
study.report_not_enclosed), keyed by modality, date and named source (study.named_source).

Near misses keep the read: the report of that study arrives later in the packet (a titled report), the absence
is about another modality's report, a study of the same modality on another date or from another named source,
the report said reviewed or attached.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
PLAN = "\nPlan: MR spectroscopy (CPT 76390).\n"
PAGE = "\n\f\n"

CT_READ = ("Neurology follow-up 11/14/2026: the outside CT head of 11/01/2026 showed an indeterminate left temporal "
           "lesion, tumour versus infarct.\n")
MRI_READ = ("Clinic note: MRI brain 10/25/2026 at an outside centre showed an equivocal right frontal lesion, "
            "low-grade glioma versus demyelination.\n")
UNDATED_CT = ("Assessment: the outside CT showed an indeterminate left frontal hypodense lesion, neoplasm versus "
              "subacute infarct.\n")

CASES: list[tuple[str, str, FactStatus]] = [
    # case, text, conventional_imaging_inconclusive
    # --- the absence on one page, the citation on another, keyed by modality
    ("outside CT: we do not have the images or the written report, another page",
     "Referral summary\nOutside CT: we do not have the images or the written report.\n" + PAGE + CT_READ, N),
    ("we don't have the report, lower case, another paragraph",
     "transfer note: outside ct head - we don't have the formal report yet.\n\n" + CT_READ, N),
    ("MRI and CT reports requested - not received, page 1",
     "Records: outside MRI and CT reports requested - not received.\n" + PAGE + MRI_READ, N),
    ("OSH MRI and CT reports requested, not received; the CT cited",
     "OSH MRI and CT reports requested, not received.\n" + PAGE + CT_READ, N),
    ("outside reports pending (no modality) and an outside citation",
     "Imaging: outside reports pending.\n\n" + CT_READ, N),
    ("outside imaging reports to follow when received",
     "Outside imaging reports to follow when received.\n" + PAGE + MRI_READ, N),
    ("written report of the MRI not yet received, after the citation",
     MRI_READ + PAGE + "Addendum 11/16/2026: the written report of the outside MRI has still not been received.\n",
     N),
    ("CT report not available, in a form field",
     "Prior imaging report available: CT head report not available\n" + PAGE + UNDATED_CT, N),
    ("British spelling, haven't received the radiology report",
     "We haven't received the radiology report for the outside MRI brain.\n\n"
     "Plan discussed with the family. MRI brain at the referring hospital showed an equivocal left insular "
     "lesion, low-grade glioma versus cortical dysplasia; tumour favoured.\n", N),
    ("dated absence, dated citation, same date",
     "MRI brain 10/25/2026 - report pending from the outside facility.\n" + PAGE + MRI_READ, N),
    ("named source: the CT at Lakeside, report not received",
     "Lakeside CT head: written report not received.\n" + PAGE
     + "ED note: CT head at Lakeside 11/01/2026 showed an indeterminate right parietal lesion, metastasis vs "
       "abscess.\n", N),
    ("undated citation reportedly shows, differential next sentence",
     "Cover letter: Outside CT - images and written report requested, not received.\n" + PAGE
     + "HPI: The outside CT reportedly shows a left frontal hypodense lesion. Differential: a neoplasm vs a "
       "subacute infarct vs demyelination.\n", N),
    ("undated citation, differential next sentence, no hearsay word",
     "Cover letter: Outside CT - images and written report requested, not received.\n" + PAGE
     + "HPI: The outside CT showed an indeterminate left frontal hypodense lesion. Differential: a neoplasm vs a "
       "subacute infarct vs demyelination.\n", N),
    ("absence on the last page, wrapped line",
     CT_READ + PAGE + "Fax cover: please note the outside CT head\nreport is still outstanding.\n", N),
    ("absence in capitals",
     "OUTSIDE MRI BRAIN REPORT NOT YET RECEIVED.\n\n" + MRI_READ, N),
    # --- near misses: the read counts
    ("near miss: the report of that study arrives later in the packet",
     "Records: outside CT report requested - not received.\n\n" + CT_READ + PAGE
     + "CT HEAD WITHOUT CONTRAST 11/01/2026\nFINDINGS: Hypodense left temporal lesion.\n"
       "IMPRESSION: Indeterminate left temporal lesion; tumour versus infarct.\n", P),
    ("near miss: the PET report is the one not received",
     "Outside PET report not received.\n" + PAGE + CT_READ, P),
    ("near miss: PET reports pending, MRI cited",
     "Records: FDG-PET reports pending.\n\n" + MRI_READ, P),
    ("near miss: another date's MRI report missing",
     "MRI brain 08/02/2026 report not received.\n" + PAGE + MRI_READ, P),
    ("near miss: another named source's CT",
     "Lakeside CT head: written report not received.\n" + PAGE
     + "ED note: CT head at Riverview 11/01/2026 showed an indeterminate right parietal lesion, metastasis vs "
       "abscess.\n", P),
    ("near miss: report reviewed",
     "Outside CT head report reviewed.\n" + PAGE + CT_READ, P),
    ("near miss: report attached",
     "Enclosed: outside MRI brain report attached.\n" + PAGE + MRI_READ, P),
    ("near miss: only the images are missing",
     "Outside CT images not available for review.\n" + PAGE + CT_READ, P),
    ("near miss: pathology report pending",
     "Biopsy 11/05/2026: pathology report pending.\n" + PAGE + MRI_READ, P),
    ("near miss: no absence anywhere",
     "Referral summary\nRecords enclosed.\n" + PAGE + CT_READ, P),
    ("near miss: bare reports pending names no study and no outside source",
     "Labs: reports pending.\n\n" + MRI_READ.replace(" at an outside centre", ""), P),
    # a second-hand remark about the study that gives no read ("done without incident per mother") speaks of its
    # own clause only: it takes no report away from the study's other citations
    ("near miss: a hearsay remark about the scan, no read",
     "MRI safety comments: the outside MRI brain 10/25/2026 was done at 1.5T without incident per mother.\n"
     + PAGE + MRI_READ, P),
    ("near miss: a relative's account, no read",
     "Outside CT head 11/01/2026 - reportedly uneventful per the family.\n" + PAGE + CT_READ, P),
]


@pytest.mark.parametrize(("case", "text", "inconclusive"), CASES, ids=[c[0] for c in CASES])
def test_a_missing_report_reaches_every_citation(analyze: Any, case: str, text: str,
                                                 inconclusive: FactStatus) -> None:
    facts = paged_facts_of(analyze, text + PLAN + REQUEST_TAIL)
    fact = facts.facts["conventional_imaging_inconclusive"]
    assert fact.status == inconclusive, (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])
    assert facts.facts["brain_neoplasm"].status == S
    if inconclusive is N:
        # every read of the study is kept only as superseded evidence (the clinician's differential after a
        # citation that gives no verdict of its own is no read at all)
        read = [e for e in fact.evidence if e.attributes.get("verdict") in {"inconclusive", "conclusive"}]
        assert all(e.attributes.get("superseded_by") == "report_unavailable" for e in read), \
            [(e.text, e.attributes) for e in read]
