"""Symptoms *since* the prior advanced study (Cohere's duplicate-imaging non-indication,
coh.ni.recent_imaging_unchanged.symptoms: fact symptoms_since_imaging, derivation in facts/derive/imaging.py;
facts/episode.py before_or_on_prior_study; cues episode.date, episode.study_reason_sections,
episode.before_latest_study, episode.month_of_latest_study, episode.on_latest_study_day, episode.after_study).

Class: the policy excludes a request when the same advanced imaging was done within 3 months "without undergoing
treatment or developing new or worsening symptoms". The symptoms that led to the prior MRS (the report's own
indication, the admission just before it, a symptom dated before or on its date) are not new since it, even when no
sentence of the packet says in so many words "no new symptoms since"; new_or_worsening_symptoms, read packet-wide,
counted them and the exclusion never applied.

Near misses (the symptoms node stays met, or the exclusion is not reached): a symptom told "since the MRS", a
worsening "over the last weeks" in a later note, a symptom dated after the study, an undated symptom in a clinic note
written after the study (the conservative reading: it counts, so that no approval a reviewer would give is lost), a
month after the study's or words that put a same-month or same-day symptom after the study, a year alone, a new
symptom after discharge beside an old indication, no MRS within 3 months, no prior MRS at all, a treatment since.

Rows are freshly written (invented patients and wordings).
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, evaluate_node

from pipeline.contracts import TriState

MET, NOT = TriState.MET, TriState.NOT_MET
EXCL = "coh.ni.recent_imaging_unchanged"
SYMPTOMS = "coh.ni.recent_imaging_unchanged.symptoms"

CASES: dict[str, tuple[str, TriState | None, TriState]] = {
    # the complaint that led to the prior study: not new since it
    "admission just before the MRS, no further episodes since discharge": (
        "Admitted 10/06/2026 with new expressive aphasia.\n"
        "MRI and MRS brain 10/08/2026: left frontal lesion, choline/NAA 2.1, equivocal.\n"
        "Clinic 11/12/2026: since discharge no further episodes; deficits unchanged.\n", NOT, MET),
    "report indication: sudden visual field loss and headache": (
        "MR SPECTROSCOPY 09/24/2026\nIndication: sudden left homonymous visual field loss, headache.\n"
        "Findings: modest choline elevation in the right occipital lesion.\n\n"
        "Follow-up 11/05/2026: no further events; examination as before.\n", NOT, MET),
    "report indication only, later note without a stability statement": (
        "MRS BRAIN 10/01/2026\nClinical history: new word-finding difficulty.\n"
        "Impression: reduced NAA in the left temporal lobe, nonspecific.\n\n"
        "Neurology 11/10/2026: exam unchanged from October; repeat spectroscopy requested.\n", NOT, MET),
    "onset dated in a later clinic note, before the MRS": (
        "Clinic 11/09/2026: she developed new left leg weakness on 08/30/2026, which prompted the work-up.\n"
        "MRS 09/03/2026 showed a lactate peak in the right paracentral lesion.\n"
        "Weakness is unchanged.\n", NOT, MET),
    "same day: presented with worsening confusion the day of the MRS": (
        "Presented 10/02/2026 with worsening confusion.\nSeen by the stroke team.\n\n"
        "MR SPECTROSCOPY 10/02/2026: elevated lactate in the left thalamus.\n\n"
        "Clinic 11/16/2026: at baseline.\n", NOT, MET),
    "month of the study: new ataxia in 10/2026, MRS 10/20": (
        "New truncal ataxia in 10/2026.\nAdmitted for two days.\n\n"
        "MRS 10/20/2026: NAA/Cr reduced in the vermis.\n\n"
        "Clinic 11/18/2026: gait as at discharge.\n", NOT, MET),
    "HPI: admission with headaches and diplopia, then MRI/MRS": (
        "HPI: 61-year-old woman admitted 09/15/2026 with worsening headaches and new diplopia. MRI and MRS brain "
        "09/17/2026 demonstrated a ring-enhancing lesion, spectroscopy indeterminate. Since discharge she reports no "
        "further episodes.\n", NOT, MET),
    "index event in the line before the study": (
        "Index event: transient right arm numbness 08/28/2026; MRS 09/02/2026 inconclusive.\n"
        "Interval: no new complaints.\n", NOT, MET),
    "dated seizure before the study, lower-case dictation": (
        "pt had a first focal seizure 09/19/2026.\nkeppra started in the ed and continued.\n\n"
        "mrs 09/26/2026: small lactate doublet, left insula.\n\n"
        "11/13/2026: seizure-free on current dose.\n", NOT, MET),
    # near misses: symptoms since the study count
    "near miss: since the MRS, new seizures and worse word-finding": (
        "MRS 09/24/2026: choline/NAA 1.7 in the left temporal lesion.\n"
        "Since the 09/24 MRS she has had two new seizures and her word-finding is worse.\n", MET, NOT),
    "near miss: headaches worse over the past 2 weeks, MRS 7 weeks ago": (
        "MRS 10/01/2026: no lactate, NAA preserved.\n\n"
        "Clinic 11/19/2026: headaches have been worse over the past 2 weeks.\n", MET, NOT),
    "near miss: new facial weakness dated after the study": (
        "MRS 09/10/2026: equivocal choline peak in the pons.\n"
        "New left facial weakness noted 10/28/2026.\n", MET, NOT),
    "near miss: undated symptom in a clinic note after the study": (
        "MRS 09/15/2026: reduced NAA in the right parietal lesion.\n\n"
        "Clinic note 11/14/2026: she reports new tingling in the left hand.\n", MET, NOT),
    "near miss: old indication, new vomiting since discharge": (
        "MR SPECTROSCOPY 09/30/2026\nIndication: new headaches.\nFindings: lipid peak, indeterminate.\n\n"
        "Clinic 11/11/2026: since discharge she has developed new vomiting and worsening headaches.\n", MET, NOT),
    "near miss: same month, after the 10/03 MRS": (
        "MRS 10/03/2026: no lactate.\n"
        "In 10/2026, after the 10/03 MRS, he developed new dysarthria.\n", MET, NOT),
    "near miss: same day, following the MRS": (
        "MRS 09/12/2026: choline elevated in the right frontal lesion.\n"
        "On 09/12/2026, following the MRS, she had a new generalized seizure.\n", MET, NOT),
    "near miss: a year alone": (
        "New memory complaints in 2026.\nSeen by neuropsychology.\n\n"
        "MRS 09/14/2026: reduced NAA in the hippocampi.\n", MET, NOT),
    "near miss: month after the study's month": (
        "MRS 09/08/2026: equivocal choline in the cerebellum.\n"
        "Worsening imbalance in 10/2026.\n", MET, NOT),
    # near misses: the exclusion is not reached or is undone by treatment
    "near miss: the MRS more than 3 months ago": (
        "Admitted 03/08/2026 with new aphasia.\nMRS 03/10/2026: choline/NAA 1.9, equivocal.\n"
        "Since discharge no further episodes.\n", None, NOT),
    "near miss: no prior MRS, only an MRI": (
        "Admitted 10/06/2026 with new left arm weakness.\nMRI brain 10/07/2026: right frontal lesion.\n"
        "Since discharge no further episodes.\n", None, NOT),
    "near miss: treatment since the MRS": (
        "MR SPECTROSCOPY 09/20/2026\nIndication: new right hemiparesis.\nFindings: lactate present.\n\n"
        "Dexamethasone started 10/01/2026 after the MRS; weakness unchanged.\n", None, NOT),
}


@pytest.mark.parametrize(("text", "symptoms", "exclusion"), CASES.values(), ids=CASES.keys())
def test_symptoms_since_prior_study(analyze, text, symptoms, exclusion):  # type: ignore[no-untyped-def]
    packet = text + REQUEST_TAIL
    if symptoms is not None:
        assert evaluate_node(analyze, packet, "cohere", SYMPTOMS) is symptoms
    assert evaluate_node(analyze, packet, "cohere", EXCL) is exclusion
