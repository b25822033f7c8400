"""Five classes on short fresh texts, text -> NLP -> facts. Rows marked "near miss" must keep their result.

1. What each spectral result would lead to, told after the MRS is asked for, is the MRS's purpose
   (`purpose.refers_back`, `purpose.management_steer`, `purpose.result_to_conference`, `purpose.diagnosis`).
2. A test whose result is still to come is no lab result (`labs.pending`, `labs.result_value`).
3. The steps of an epilepsy surgery work-up in a clinical note are a pre-surgical evaluation
   (`purpose.presurgical`, `purpose.presurgical_step`).
4. The date order is the document's: a page with no order of its own takes another page's day-first order, and a
   request date written in words shows it (`dates.request_date_in_words`, `dates.document_day_first`).
5. "Imaging cannot distinguish these" after a differential makes the study inconclusive only
   (`verdict.cannot_distinguish`).
"""

from __future__ import annotations

import pytest
from text_to_criteria import FormFeedLayout, facts_of

from pipeline.contracts import FactStatus, TransmissionLine
from pipeline.facts import map_facts

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

RESULT_TO_ACTION = [
    # case, text, purpose expected among mrs_purpose's values (None: no MRS purpose)
    ("doublet pushes to a panel and spares a biopsy, letter",
     "Dear Dr Okafor,\nWe would be grateful for MR spectroscopy of the brain. A lactate doublet would take us "
     "directly to mitochondrial gene testing and spare the boy a quadriceps biopsy; a normal spectrum would send us "
     "back to the metabolic clinic.\n", "treatment_planning"),
    ("choline peak pushes to biopsy, whereas ... continue, prose",
     "History: 58-year-old with a treated lymphoma and a new lesion. MRS has been requested. A raised choline "
     "peak would push us to an early stereotactic biopsy, whereas a lipid-lactate pattern would favour carrying on "
     "with the current therapy.\n", "treatment_planning"),
    ("peak supports a diagnosis, next sentence",
     "Summary: hypotonia, raised serum lactate. I have asked for proton spectroscopy. A clear lactate peak would "
     "support a diagnosis of Leigh syndrome.\n", "diagnosis"),
    ("shorthand, no colon",
     "HPI: HIV, ring lesion, lymphoma vs toxo. MRS ordered. Results determine stereotactic bx vs continue empiric "
     "tx.\n", "treatment_planning"),
    ("result goes to the conference",
     "Impression given to the family. We are asking for MR spectroscopy. The result goes to the neuro-oncology "
     "surgery conference on Thursday.\n", "treatment_planning"),
    ("conditional spectral result, next sentence",
     "Narrative: we have requested MR spectroscopy (76390). If there is a choline peak, we would steer her "
     "towards resection.\n", "treatment_planning"),
    ("presented at tumour board, same sentence",
     "History: right frontal lesion. MRS requested and the result will be presented at tumour board.\n",
     "treatment_planning"),
    ("near miss: the spectral words are a finding of a report",
     "MR SPECTROSCOPY 09/14/2026\nFINDINGS: A lactate doublet is present at 1.33 ppm.\n", None),
    ("near miss: another test decides",
     "History: ring lesion. The PET will decide between biopsy and empiric treatment. Thallium SPECT done.\n", None),
    ("near miss: a spectral result with no action",
     "History: we requested MR spectroscopy. A lactate doublet has been described in such cases.\n", None),
    ("near miss: the result words far from the request",
     "We requested MR spectroscopy.\n\nHis brother's care went to surgery conference last year.\n", None),
]


@pytest.mark.parametrize(("text", "purpose"), [c[1:] for c in RESULT_TO_ACTION], ids=[c[0] for c in RESULT_TO_ACTION])
def test_result_to_action_is_the_mrs_purpose(analyze, text, purpose):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    if purpose is None:
        assert fact.status is N, [e.text for e in fact.evidence]
    else:
        assert fact.status is P
        assert purpose in fact.attributes.get("purpose", [])


PENDING_LABS = [
    ("sent, results still awaited",
     "HPI: HIV with a ring-enhancing lesion. CD4 count and toxoplasma IgG sent, results still awaited.\n", N),
    ("a later clause: once we know",
     "HPI: HIV with a ring lesion. Pyrimethamine started; whether to biopsy will follow once we know the CD4.\n", N),
    ("outstanding list with a dash",
     "Assessment: HIV, ring lesion.\nOutstanding: CD4, LDH - awaited.\n", N),
    ("labs header, test named with a digit, pending",
     "Labs: CD4 pending.\n", N),
    ("labs header, date of sending only",
     "Labs: CD4 sent 10/02, not back yet.\n", N),
    ("until we know",
     "Plan: hold steroids until we know the LDH.\n", N),
    ("near miss: a value",
     "HPI: HIV, CD4 38, ring lesion.\n", P),
    ("near miss: low at a value",
     "HPI: HIV, CD4 count low at 40.\n", P),
    ("near miss: a positive serology in shorthand",
     "HPI: ring lesion. Toxo IgG positive.\n", P),
    ("near miss: labs header with a value beside a pending test",
     "Labs: Na 138, CD4 pending.\n", P),
]


@pytest.mark.parametrize(("text", "status"), [c[1:] for c in PENDING_LABS], ids=[c[0] for c in PENDING_LABS])
def test_pending_tests_are_no_lab_results(analyze, text, status):  # type: ignore[no-untyped-def]
    assert facts_of(analyze, text).facts["labs_documented"].status is status


PRESURGICAL = [
    ("before phase II",
     "HPI: drug-resistant focal epilepsy. Spectroscopy is requested before phase II.\n", P),
    ("phase 2 monitoring planned",
     "Assessment: refractory seizures; phase 2 monitoring planned for January.\n", P),
    ("SEEG",
     "Plan: SEEG next month for her intractable epilepsy.\n", P),
    ("stereo-EEG",
     "Impression: left temporal seizures. Stereo-EEG is being arranged.\n", P),
    ("surgery conference",
     "Assessment: refractory epilepsy; will be discussed at surgery conference.\n", P),
    ("anterior temporal resection considered",
     "Assessment: refractory TLE, being considered for anterior temporal resection.\n", P),
    ("resective surgery work-up",
     "Assessment: pharmacoresistant epilepsy. Resective surgery work-up under way.\n", P),
    ("near miss: not a surgical candidate",
     "Assessment: refractory epilepsy; not a surgical candidate.\n", A),
    ("near miss: declined surgery",
     "Assessment: refractory epilepsy; she declined surgery.\n", N),
    ("near miss: a drug trial's phase",
     "Assessment: refractory epilepsy; enrolled in a phase II trial of a new drug.\n", N),
    ("near miss: a tumor's surgery conference, no seizures",
     "Assessment: right frontal glioma; will be discussed at surgery conference.\n", N),
]


@pytest.mark.parametrize(("text", "status"), [c[1:] for c in PRESURGICAL], ids=[c[0] for c in PRESURGICAL])
def test_presurgical_work_up_in_clinical_notes(analyze, text, status):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    assert facts.facts["presurgical_evaluation"].status is status
    assert facts.documented["presurgical_evaluation"].status is status


def test_phase_two_monitoring_is_no_monitoring_purpose(analyze):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, "Plan: MRS requested before phase II monitoring.\n").facts["mrs_purpose"]
    assert "monitoring" not in fact.attributes.get("purpose", [])


FAX = ("05/11/2026 10:14 FROM NEUROLOGY", "2026-05-11")  # a fax header and its date as read at ingest (month first)
US_FAX = ("11/05/2026 10:14 FROM NEUROLOGY", "2026-11-05")
DOCUMENT_DATES = [
    # case, pages (form feeds), fax header line or None, reference date, the MRI's date
    ("request date in words, report page with numeric dates",
     "Dear Dr Khan,\nDate of referral: 05 November 2026\nThank you for seeing this man.\n\f\nMRI HEAD 02/09/2026\n"
     "Findings: indeterminate lesion.\n", None, "2026-11-05", "2026-09-02"),
    ("letter date line in words",
     "Neurology Clinic\n5th November 2026\nDear Dr Khan,\nMRI brain on 02/09/2026 was indeterminate.\n", None,
     "2026-11-05", "2026-09-02"),
    ("a day above twelve on another page",
     "Dear Dr Khan,\nSeen in clinic 16/09/2026.\n\f\nMRI HEAD 02/09/2026\nConclusion: indeterminate.\n", None,
     "2026-09-16", "2026-09-02"),
    ("stated on the letter, report page after it",
     "Dear Dr Khan,\n(All dates in this letter are DD/MM/YYYY.)\n\f\nMRI HEAD 03/08/2026\nConclusion: "
     "indeterminate.\n", None, "2026-08-03", "2026-08-03"),
    ("request date in words wins over the fax header",
     "Dear Dr Khan,\nDate of request: 04 November 2026\nMRI brain 02/09/2026 was indeterminate.\n", FAX,
     "2026-11-04", "2026-09-02"),
    ("fax header read day first in a day-first document",
     "Dear Dr Khan,\nMRI brain 02/09/2026 was indeterminate. Seen 16/09/2026.\n", FAX, "2026-11-05", "2026-09-02"),
    ("near miss: US packet, only ambiguous dates",
     "MRI brain 10/05/2026 was indeterminate.\nSeen 10/09/2026.\n", None, "2026-10-09", "2026-10-05"),
    ("near miss: US fax header in a US packet",
     "MRI brain 09/02/2026 was indeterminate.\n", US_FAX, "2026-11-05", "2026-09-02"),
    ("near miss: a clinical page shows month first",
     "Dear Dr Khan,\nSeen 16/09/2026.\n\f\nClinic note\nMRI brain 03/04/2026 was indeterminate. Seen 10/23/2026.\n",
     None, "2026-10-23", "2026-03-04"),
    ("near miss: a US form page keeps month first",
     "PRIOR AUTHORIZATION REQUEST\nDate of request: 10/11/2026\nRequested service: MR spectroscopy\n\f\n"
     "Dear Dr Patel,\nSeen on 23/09/2026.\n", None, "2026-10-11", None),
]


@pytest.mark.parametrize(("text", "fax", "reference", "mri"), [c[1:] for c in DOCUMENT_DATES],
                         ids=[c[0] for c in DOCUMENT_DATES])
def test_date_order_is_the_documents(analyze, text, fax, reference, mri):  # type: ignore[no-untyped-def]
    lines = [TransmissionLine(start=0, end=len(fax[0]), page=1, text=fax[0], date=fax[1], rule_id="test")] \
        if fax else []
    facts = map_facts(analyze(text), text=text, layout=FormFeedLayout(text), transmission_lines=lines)
    assert facts.reference_date == reference
    if mri is not None:
        assert [s.date for s in facts.imaging if s.modality == "MRI"] == [mri]


CANNOT_DISTINGUISH = [
    # case, text, the MRI's verdicts
    ("X or Y, then cannot distinguish these",
     "MRI BRAIN 10/02/2026\nFINDINGS: ring-enhancing lesion.\nIMPRESSION: High-grade glioma or metastasis. MR "
     "cannot distinguish between these.\n", ["inconclusive"]),
    ("opinion, cannot differentiate between them",
     "MRI HEAD 10/02/2026\nReport: 2 cm enhancing lesion.\nOpinion: The appearances are those of a glioblastoma or a "
     "solitary metastasis; imaging cannot differentiate between them.\n", ["inconclusive"]),
    ("abscess or tumour, unable to distinguish",
     "MRI BRAIN 10/02/2026\nFINDINGS: rim-enhancing lesion.\nIMPRESSION: Abscess or necrotic tumour. Unable to "
     "distinguish these on conventional sequences.\n", ["inconclusive"]),
    ("lymphoma or demyelination, indistinguishable",
     "MRI BRAIN 10/02/2026\nIMPRESSION: Periventricular lymphoma or tumefactive demyelination; the two are "
     "indistinguishable on this study.\n", ["inconclusive"]),
    ("differential list, imaging alone cannot distinguish",
     "MRI BRAIN 10/02/2026\nIMPRESSION: Ring-enhancing lesion; differential includes glioma, metastasis and "
     "abscess. Imaging alone cannot distinguish these.\n", ["inconclusive"]),
    ("recurrence or radiation necrosis, cannot reliably",
     "MRI BRAIN 10/02/2026\nIMPRESSION: Recurrent glioblastoma or radiation necrosis. Conventional MRI cannot "
     "reliably separate the two.\n", ["inconclusive"]),
    ("near miss: diagnostic of",
     "MRI BRAIN 10/02/2026\nIMPRESSION: Glioblastoma. Imaging is diagnostic of a high-grade glioma.\n",
     ["conclusive"]),
    ("near miss: a plain diagnosis",
     "MRI BRAIN 10/02/2026\nIMPRESSION: Right frontal meningioma.\n", ["conclusive"]),
    ("near miss: cannot distinguish in another section",
     "MRI BRAIN 10/02/2026\nFINDINGS: Prior studies cannot distinguish the old cavity margins.\nIMPRESSION: "
     "Recurrent glioblastoma.\n", ["conclusive"]),
]


@pytest.mark.parametrize(("text", "verdicts"), [c[1:] for c in CANNOT_DISTINGUISH],
                         ids=[c[0] for c in CANNOT_DISTINGUISH])
def test_cannot_distinguish_weighs_the_diagnoses(analyze, text, verdicts):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    assert [s.verdicts for s in facts.imaging if s.modality == "MRI"] == [verdicts]
