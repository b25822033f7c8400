"""The presenting episode before the prior study, told anywhere in the packet or dated in the study's month
(Cohere's duplicate-imaging non-indication, coh.ni.recent_imaging_unchanged.change: new_or_worsening_symptoms;
facts cues episode.study_reason_sections, episode.date, episode.before_latest_study, episode.month_of_latest_study,
episode.after_study in facts/episode.py, read by facts/mapper.py _episodes_set_aside).

Class: "new or worsening since the prior study" is told against the complaint that led to the study. A prior report's
indication ("MR SPECTROSCOPY 09/22/2026 / Clinical history: worsening gait and new dysarthria") or a symptom dated
before the latest prior study is that complaint however the pages are ordered: a note that says the interval since
the study was stable ("Since her MRS in late September she has been stable: no new seizures") sets it aside even
when the report page comes after the note. A symptom dated only by month, in the same month as the latest prior
study ("Presented 10/2026 with new diplopia; MRS 10/14/2026"), cannot be placed after the study; with the packet
saying no new symptoms since, it is the presenting episode too.

Near misses (stay present): a symptom dated after the study ("new right arm weakness since 11/02" after a 10/15
MRS), a month shared with the study but words that put it after ("in 09/2026 after the 09/05 MRS she developed new
seizures"), a report indication with no statement anywhere of stability or of no new symptoms, a recent worsening
("worsening headaches over the past two weeks") after a September study, a symptom told in a month after the
study's, a year alone ("new word-finding difficulty in 2026", MRS 09/14/2026), and a report indication whose only
statement of no new symptoms is dated before the study ("Visit 07/10/2026: no new symptoms").

Limits: a symptom told with no date outside a report's reason section or a features list stays present; a month
named without a year is the latest such month not after the request date; any counted negated mention (even "no new
weakness") is read as the statement, only one dated before the latest study in its sentence with no since-words is
not; the episode told with its study in one sentence (episode_before_study) still needs the statement after it.
Rows are freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
NW = "new_or_worsening_symptoms"

CASES = {
    # a prior report's indication on a later page than the note stating the interval stable
    "report after the note: stable since the MRS in late September": (
        "Clinic note 11/12/2026: Since her MRS in late September she has been stable: no new seizures, no new "
        "weakness.\n\n"
        "MR SPECTROSCOPY 09/22/2026\nClinical history: worsening gait and new dysarthria.\n"
        "Findings: mildly reduced NAA in the left basal ganglia.\n", A),
    "report after the note: MRI brain indication, cognitive decline": (
        "Neurology follow-up: since the summer her symptoms have been stable; no new weakness, no falls.\n\n"
        "MRI BRAIN 08/21/2026\nIndication: cognitive decline, gait change.\n"
        "Impression: bilateral T2 signal in the dentate nuclei.\n", A),
    "report after the note: no interval change, MRS report with reason for exam": (
        "Interval history: no interval change in symptoms since the spectroscopy.\n\n"
        "MRS BRAIN 10/03/2026\nIndication: new right hand tremor and progressive slurred speech.\n"
        "Lactate doublet in the right lentiform nucleus.\n", A),
    "report after the note: lower-case dictation": (
        "pt seen 11/09/2026. no new symptoms since the mrs, stable.\n\n"
        "MRI brain w/wo contrast 09/28/2026\nindication: new onset seizures\n"
        "impression: left temporal nonenhancing lesion\n", A),
    "report after the note: denies new or worsening symptoms": (
        "Today she denies new or worsening symptoms since the MRI in October.\n\n"
        "MRI HEAD 10/11/2026\nIndication: worsening headaches and new blurred vision.\n"
        "Impression: enlarging right frontal cystic lesion.\n", A),
    "report after the note: unchanged since the spectroscopy": (
        "Assessment: neurologically unchanged since the spectroscopy.\n\n"
        "MR SPECTROSCOPY 09/16/2026\nIndication: progressive memory loss.\n"
        "Findings: reduced NAA/Cr in the posterior cingulate.\n", A),
    # a symptom dated earlier than the study, told on a page after the stable statement
    "dated episode after the note: new ataxia in August, MRS in September": (
        "Seen today: stable since the spectroscopy, no new deficits.\n\n"
        "History: new ataxia in 08/2026 after a febrile illness.\n"
        "MRS 09/12/2026: lactate peak in the cerebellar white matter.\n", A),
    # a month-only date in the study's own month
    "month of the study: presented 10/2026 with new diplopia, MRS 10/14": (
        "Presented 10/2026 with new diplopia; MRS 10/14/2026 showed a pontine choline peak.\n"
        "Today: no new symptoms since the MRS.\n", A),
    "month of the study: febrile-triggered regression in 09/2026, MRS in its own report": (
        "HPI: a febrile-triggered regression in 09/2026, with new loss of words and worsening unsteady walking.\n"
        "She was admitted to the ward.\nSince then stable, no new symptoms.\n\n"
        "MR SPECTROSCOPY 09/25/2026\nFindings: elevated lactate in the basal ganglia.\n", A),
    "month of the study: presented in September with new ataxia, MRS 09/18 two sentences on": (
        "He presented in September with new ataxia and was admitted to the ward for three days.\n"
        "Lumbar puncture was normal.\n\n"
        "MRS 09/18/2026: choline/NAA 1.9 in the vermis, equivocal.\n"
        "He reports no new symptoms since discharge.\n", A),
    "month of the study: worsening headaches October 2026, MRS report later": (
        "Worsening headaches in October 2026 prompted the referral.\nNeurology saw her twice.\n\n"
        "MR spectroscopy 10/27/2026: no lactate, NAA preserved.\n\n"
        "Clinically stable since the study.\n", A),
    "month of the study: the report after the note, new aphasia in 09/2026": (
        "Clinic 11/05/2026: no new symptoms since the spectroscopy; at baseline.\n\n"
        "Background: new aphasia in 09/2026.\n\n"
        "MRS 09/29/2026: lipid-lactate peak in the left frontal lesion.\n", A),
    "month of the study: Sept abbreviated, new tremor": (
        "Pt developed a new left hand tremor in Sept 2026.\nLevetiracetam level normal.\n\n"
        "MRS brain 09/09/2026\nImpression: reduced NAA in the right putamen.\n\n"
        "Interval: unchanged since the MRS, no new deficits.\n", A),
    # near misses
    "near miss: new right arm weakness since 11/02 after a 10/15 MRS": (
        "MRS 10/15/2026: choline elevated in the left thalamus.\n"
        "New right arm weakness since 11/02/2026.\nOtherwise no new symptoms.\n", P),
    "near miss: in 09/2026 after the 09/05 MRS she developed new seizures": (
        "MRS 09/05/2026: no lactate.\n"
        "In 09/2026, after the 09/05 MRS, she developed new seizures.\nNo new weakness.\n", P),
    "near miss: report indication with no stability statement anywhere": (
        "Clinic note: referred for repeat spectroscopy.\n\n"
        "MR SPECTROSCOPY 09/22/2026\nClinical history: worsening gait and new dysarthria.\n"
        "Findings: mildly reduced NAA.\n", P),
    "near miss: worsening headaches over the past two weeks after a September study": (
        "Since the MRS in September she had been stable, but she reports worsening headaches over the past two "
        "weeks.\n\nMRS 09/20/2026\nIndication: new seizures.\n", P),
    "near miss: month after the study's month": (
        "MRS 09/18/2026: choline/NAA 1.8, equivocal.\n"
        "New diplopia in 10/2026.\nNo new weakness.\n", P),
    "near miss: month of the study, the symptom later that month, following the MRS": (
        "MRS 09/05/2026: no lactate.\nSeen by neurology.\n\n"
        "She developed new seizures later in 09/2026, following the MRS.\n\nNo new weakness.\n", P),
    "near miss: year only, the study in that year": (
        "New word-finding difficulty in 2026.\nSeen by speech therapy.\n\n"
        "MRS 09/14/2026: reduced NAA.\n\nNo new weakness.\n", P),
    "near miss: the only negation dated before the study, the report later": (
        "Visit 07/10/2026: no new symptoms, seizure-free.\n\n"
        "MRI BRAIN 09/21/2026\nIndication: new aphasia and right arm weakness.\n", P),
    "near miss: new symptom since the study, report later": (
        "New left facial droop since the spectroscopy; no new seizures.\n\n"
        "MRS 09/10/2026\nIndication: seizures.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_episode_before_prior_study(analyze, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {NW: status})
