"""An MRS that follows a tumour's response to a targeted drug, or decides whether to go on with it or pause it, is a
treatment-planning-and-response purpose.

Class: HealthHelp item 1d ("Treatment planning and response"; mrs_purpose with purpose treatment_planning and
therapy_of tumor or unspecified, policies/healthhelp.yaml hh.known_tumor.treatment) was missed for a known brain
tumour when the therapy was a targeted or non-cytotoxic drug (MEK/BRAF, IDH or TRK inhibitors, everolimus,
bevacizumab) or the purpose was worded as a response assessment or a decision to continue, pause or stop the drug:
no purpose was read, or one whose therapy was unspecified because the drug was not a tumour's therapy in the
vocabulary.

Rules:
1. targets.yaml purpose.response_on_therapy: a verb of assessing before the response ("to document metabolic
   response", "assess tumour response", "characterise the response"), the drug before it ("trametinib response
   assessment"), "response assessment on/to/under ..." and "response to/on DRUG"; not where the word before tells a
   finding ("partial response on", "good response to", "showed response to") or the word after grades or sees it
   ("response to trametinib per RAPNO", "response on selumetinib was seen").
2. targets.yaml purpose.continue_or_pause_drug: a decision whether to continue, hold, pause or stop a drug or start
   a drug holiday ("inform whether to continue dabrafenib/trametinib or begin a drug holiday", "decide whether she
   can stop selumetinib", "the decision to pause bevacizumab", "whether we keep her on selumetinib"), a new baseline
   before the drug is stopped ("before stopping the MEK inhibitor", "ahead of the planned break from the BRAF
   inhibitor") and a drug holiday planned or supported.
3. facts cues.yaml purpose.therapy_tumor names the targeted agents given for brain tumours (trametinib,
   dabrafenib, selumetinib, binimetinib, tovorafenib, mirdametinib, vorasidenib, ivosidenib, larotrectinib,
   entrectinib, repotrectinib, brand names, "MEK/BRAF/IDH/TRK inhibitor"); everolimus is not there (it treats TSC
   seizures and transplant recipients too): the disease the clause names decides, none leaves it unspecified, which
   meets 1d. purpose.therapy_other names anti-seizure drugs (levetiracetam ...), purpose.therapy_infection "ATT"
   and the anti-tuberculous drugs, so "MRS to assess response to levetiracetam" no longer reads as a tumour's
   (unspecified) treatment planning (it reads as the epilepsy's monitoring:
   tests/facts/test_response_on_therapy_not_tumour.py). tx.chemotherapy takes the missing agents (binimetinib, ivosidenib, ...).

Near misses keep reading no purpose (or only their other purpose): a response told as a finding in an MRI impression
or an assessment ("partial response on trametinib per RAPNO", "the MRI showed a response to dabrafenib"), "continue
trametinib" in a plan with no MRS link or decision, "good levetiracetam response" (an anti-seizure drug), a brisk
steroid response of a demyelinating lesion, a tuberculoma's response to ATT, a PET's response assessment, a drug
holiday decided in the past, a drug held for a rash.

Limits known: "MRS to assess steroid response of the demyelinating lesion" reads no purpose (a steroid named before
the response is not a drug of rule 1, since steroids are tumour and non-tumour treatment alike); everolimus "for the
seizures" reads unspecified (the seizure is not a disease of purpose.therapy_disease; "for TSC epilepsy" reads
other); a response told with a finding word this rule does not list ("response to trametinib, pleasing") is read as
a purpose in a request or assessment section; a decision about a drug named only by a class this table does not list
("the kinase blocker") is not read.

Rows: id -> (text, the set of purposes the mrs_purpose fact carries, "treatment_planning:<therapy_of>" for a
treatment-planning one; the empty set where no purpose is read). Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n"
NOTE = HEAD + "\nCLINIC NOTE\n"
TP_TUMOR, TP_UNSPEC = "treatment_planning:tumor", "treatment_planning:unspecified"

CASES: dict[str, tuple[str, set[str]]] = {
    # ---------------------------------------------------------------- 1. the response on the drug followed
    "response assessment on trametinib, form field": (HEAD + "\nPurpose of MRS: response assessment on trametinib "
                                                      "(started 03/2026).\n", {TP_TUMOR}),
    "document metabolic response and baseline": (NOTE + "MR spectroscopy to document metabolic response to "
                                                 "selumetinib and to serve as a new baseline.\n", {TP_TUMOR}),
    "document metabolic response, no drug": (NOTE + "MRS to document metabolic response and as a baseline for "
                                             "later comparison.\n", {TP_UNSPEC}),
    "assess response to vorasidenib": (NOTE + "MRS (76390) to assess response to vorasidenib.\n", {TP_TUMOR}),
    "caps form field, tovorafenib": (HEAD + "\nREASON FOR MRS: RESPONSE TO TOVORAFENIB\n", {TP_TUMOR}),
    "response on binimetinib, line wrap": (NOTE + "MRS to evaluate response on\nbinimetinib.\n", {TP_TUMOR}),
    "gauge response after larotrectinib": (NOTE + "MRS to gauge metabolic response after six months of "
                                           "larotrectinib.\n", {TP_TUMOR}),
    "characterise response to ivosidenib, British": (NOTE + "Spectroscopy to characterise tumour response to "
                                                     "ivosidenib.\n", {TP_TUMOR}),
    "entrectinib in parentheses": (HEAD + "\nIndication for MRS: assess response (entrectinib, NTRK-fusion "
                                   "glioma).\n", {TP_TUMOR}),
    "drug before response assessment": (NOTE + "MRS (76390) requested for trametinib response assessment.\n",
                                        {TP_TUMOR}),
    "everolimus for the SEGA, caps": (HEAD + "\nREASON FOR MRS: RESPONSE ASSESSMENT ON EVEROLIMUS (SEGA)\n",
                                      {TP_TUMOR}),
    # ---------------------------------------------------------------- 2. continue, pause or stop the drug
    "continue or drug holiday": (NOTE + "MRS requested; the result will inform whether to continue "
                                 "dabrafenib/trametinib or begin a drug holiday.\n", {TP_TUMOR}),
    "everolimus for the SEGA or a treatment break": (NOTE + "Spectroscopy to help decide between continuing "
                                                     "everolimus for the SEGA and a planned treatment break.\n",
                                                     {TP_TUMOR}),
    "whether she can stop selumetinib": (NOTE + "MRS requested to decide whether she can stop selumetinib.\n",
                                         {TP_TUMOR}),
    "drug holiday from trametinib": (NOTE + "MRS to decide on a drug holiday from trametinib.\n", {TP_TUMOR}),
    "hold dabrafenib, next sentence": (NOTE + "MRS requested. The result will decide whether we hold "
                                       "dabrafenib.\n", {TP_TUMOR}),
    "re-baseline before stopping MEK inhibitor": (NOTE + "Re-baseline MRS before stopping the MEK inhibitor.\n",
                                                  {TP_TUMOR}),
    "ahead of the break from the BRAF inhibitor": (NOTE + "MRS to set a new baseline ahead of the planned break from "
                                                   "the BRAF inhibitor.\n", {TP_TUMOR}),
    "keep her on selumetinib, plan": (HEAD + "\nPlan: MRS in 2 weeks; the spectrum will guide whether we keep her on "
                                      "selumetinib or pause it.\n", {TP_TUMOR}),
    "support a drug holiday": (NOTE + "Spectroscopy requested to support a drug holiday from "
                               "dabrafenib/trametinib.\n", {TP_TUMOR}),
    # ---------------------------------------------------------------- 3. another disease's drug
    # (the response to another disease's therapy is that disease's monitoring, carrying what it treats:
    # tests/facts/test_response_on_therapy_not_tumour.py)
    "levetiracetam is no tumour's therapy": (NOTE + "MRS to assess response to levetiracetam.\n",
                                             {"monitoring:other"}),
    "ATT is an infection's therapy": (NOTE + "MRS to assess response to ATT.\n", {"monitoring:infection"}),
    "everolimus for TSC epilepsy": (NOTE + "MRS to assess response to everolimus for TSC epilepsy.\n",
                                    {"monitoring:other"}),
    # ---------------------------------------------------------------- near misses: readings kept
    "near: everolimus, no disease named": (NOTE + "Spectroscopy to help decide between continuing everolimus and a "
                                           "planned treatment break.\n", {TP_UNSPEC}),
    "near: partial response per RAPNO, MRI impression": (HEAD + "\nMRI BRAIN 10/02/2026\nImpression: Partial "
                                                         "response on trametinib per RAPNO criteria.\n", set()),
    "near: partial response, then continue in the plan": (HEAD + "\nAssessment: NF1 optic pathway glioma, partial "
                                                           "response on trametinib per RAPNO.\nPlan: continue "
                                                           "trametinib.\n", set()),
    "near: response per RAPNO, assessment": (HEAD + "\nAssessment: response to trametinib per RAPNO.\n", set()),
    "near: MRI showed a response": (HEAD + "\nAssessment: the MRI in May showed a response to dabrafenib.\n", set()),
    "near: continue trametinib, no MRS link": (HEAD + "\nPlan: continue trametinib; review in clinic in 3 months.\n",
                                               set()),
    "near: continue selumetinib, MRS for grading": (HEAD + "\nAssessment and plan: low-grade glioma, stable; continue "
                                                    "selumetinib. MRS requested for grading.\n", {"grading"}),
    "near: good levetiracetam response": (HEAD + "\nAssessment: focal epilepsy, good levetiracetam response; "
                                          "seizure-free since June.\n", set()),
    "near: brisk steroid response, demyelination": (HEAD + "\nAssessment: tumefactive demyelination with brisk "
                                                    "steroid response.\n", set()),
    "near: tuberculoma responding to ATT": (HEAD + "\nAssessment: tuberculoma, good response to ATT.\n", set()),
    "near: PET assesses the response": (NOTE + "PET to assess response to trametinib; MRS for grading.\n",
                                        {"grading"}),
    "near: drug holiday decided in the past": (HEAD + "\nAssessment: we decided on a drug holiday from trametinib in "
                                               "2025. MRS for grading.\n", {"grading"}),
    "near: held for a rash": (HEAD + "\nPlan: hold trametinib for rash; restart at a lower dose.\n", set()),
    "near: response seen on the MRI": (HEAD + "\nAssessment: response on selumetinib was seen on the May MRI. MRS "
                                       "for grading.\n", {"grading"}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_response_on_targeted_therapy(analyze: Any, text: str, expected: set[str]) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    read = {f"{e.attributes['purpose']}:{e.attributes['therapy_of']}" if e.attributes.get("therapy_of")
            else str(e.attributes.get("purpose")) for e in fact.evidence}
    assert read == expected, [(e.text, e.attributes.get("purpose"), e.attributes.get("therapy_of"),
                               e.attributes.get("cue")) for e in fact.evidence]
