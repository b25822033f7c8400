"""A tumour treatment only scheduled, recommended or to follow is not given (request date 11/20/2026).

Class: radiation or chemotherapy still to come was read as given (prior_radiation / prior_chemotherapy /
prior_tumor_treatment present), so "residual/recurrent tumour following treatment" was met for a tumour never
treated. Three shapes the earlier rounds (hyp.plan_regimen, hyp.treatment_to_be_discussed,
hyp.treatment_team_to_follow, tests/facts/test_treatment_in_the_plan_facts.py; facts/planned.py,
tests/facts/test_planned_treatment_and_other_site_recurrence.py) did not reach:
1. the treatment is the object of "after" / "post" in a clause that names a follow-up still to come by a noun, not a
   verb ("Follow-up MRI 4 weeks after completion of chemoradiation", "Repeat MRI 8 weeks after SRS", "Bevacizumab
   discussion after RT", "follow up with me 1 month after WBRT"), or a treatment that is itself only to be discussed
   ("we will discuss Optune", "bevacizumab discussion");
2. a treatment dated by a month and year after the request's month ("Radiosurgery 12/2026 to both lesions");
3. a regimen set out (dose, fractions, concurrent, adjuvant, then, per Stupp) without a list marker: right after a
   plan label on its line ("Plan: RT 60 Gy / 30 fx ...", "Rx: ...", "Proposed: ...", "Assessment and plan:
   Standard chemoradiation ..."), on a line of a section headed as a plan ("PLAN:" / "Standard chemoradiation per
   Stupp, then ..."), or in a clause with a proposal word ("Proton therapy 54 Gy(RBE) in 30 fractions proposed").

Rules:
- pipeline/nlp/resources/context.yaml: hyp.treatment_followup_after's follow-up words (`&followup_to_come`) now also
  read a follow-up named by a noun ("follow-up / repeat / surveillance / next MRI, audiogram, visit ...",
  "discussion" (not a "Discussion:" header), "follow up with"), and no longer reads a follow-up study whose result
  follows a colon ("Follow-up MRI after SRS: stable"); `hyp.treatment_discussion` (forward: "will / to discuss",
  "discussion of / about / re" a treatment) and `hyp.treatment_discussion_after` (backward: "Bevacizumab
  discussion").
- pipeline/nlp/resources/cues.yaml + pipeline/nlp/extract.py: `hyp.plan_regimen_label` (a plan label opening the
  line: "Plan:", "Rx:", "Proposed:", "Recommendations:", "Assessment and plan:") and `hyp.plan_regimen_header` (a
  section header that names only a plan, not an assessment nor "Assessment and plan") extend hyp.plan_regimen's
  plan item beyond a list marker; `hyp.plan_regimen_proposed` ("proposed", "recommended", "advised", "planned" in
  the clause) makes a regimen anywhere a plan item (its whole sentence read for a given-word); hyp.plan_regimen_given
  keeps any item told given, now also "now with" and "new enhancement / lesion / growth".
- pipeline/facts/context.py clause_date(month_year_ahead=True) + facts/planned.py: a month/year date whose whole
  month is after the request date's month is a date ahead (its first day); the request date is the reference
  (ctx.reference_date: the form's or letter's request date, else the fax header, else the packet's latest
  day-precise date).

4. (second round) a numbered item under a "PLAN:" / "RECOMMENDATIONS:" header whose only year is its start,
   simulation or first-fraction date ("1. RT 60 Gy / 30 fx with concurrent TMZ; start 12/07/2026", wrapped or not);
5. a regimen in a clause of a paragraph opened by a consensus label ("CONSENSUS:", "Board consensus:", "Tumor board
   recommendation:"), on the label's line or the lines below it, also under a "PLAN:" header;
6. a follow-up to come in the last clause before "after / post" ("2. Tinnitus: masker trial; CI evaluation to be
   revisited after radiosurgery").
Rules (second round): cues.yaml `hyp.plan_regimen_scheduled` (a start / simulation / first fraction date is set aside
before hyp.plan_regimen_given reads the item), `hyp.plan_regimen_consensus` (extract.py `_consensus_label_end`: the
clause after the label, read before a plan header's whole line); context.yaml `&followup_to_come` also matches after
the last ";" before the cue.

Near misses keep their reading: "New enhancement after RT in 2024", "Seizures began after the craniotomy", "Status
post SRS (03/2025)", "MRI 3 months after SRS showed shrinkage", a follow-up MRI after radiosurgery told stable in a
year or with its result after a colon, a "Discussion:" header, a discussion of a drug's side effects while it
continues, a recommendation whose sentence tells it delivered, "SRS 06/12/2025", an undated SRS in a history,
radiosurgery 10/2026 or 11/2026 (the request's month decides nothing), "Started TMZ 11/15/2026" (given since the
imaging), "Completed RT 60 Gy / 30 fx with concurrent TMZ (ended 08/2026)", "s/p 6 cycles adjuvant TMZ", "Received
SRS 20 Gy ... in March", a plan line that tells the regimen completed, an ASSESSMENT line summarising the regimen
("Glioblastoma, standard chemoradiation and adjuvant TMZ x 6 cycles") or an "Assessment and Plan" summary that tells
what came of it ("..., now with new enhancement"), "Plan: continue adjuvant TMZ, cycle 4".

Limits: a follow-up study with no follow-up word ("MRI 4 weeks after chemoradiation" alone) keeps the treatment
given; a follow-up study told done only by a result word without a colon or verb ("Follow-up MRI after SRS stable")
is read as a follow-up to come. A plan label or "Assessment and plan:" line that sums up a past course with no
given-word, no year and no outcome ("A/P: GBM, standard chemoradiation then TMZ x 6 cycles") is read as a plan.
A regimen with nothing but a dose and no plan label, plan header or proposal word ("SRS 18 Gy x 1 to the left
frontal lesion") keeps its reading; so does a plan line with any given-word (hyp.plan_regimen_given: "after",
"recurrent", a year). A month named in words ("December 2026") is read as a year only and decides nothing, as do
"Dec 14" and a month/day date opening a line ("12/14: SRS"), which are no DATE mentions; a year alone ("SRS 2027")
decides nothing. Without a request date the reference date is the packet's latest day-precise date, which may be
the planned treatment's own date. A start date on a plan item is set aside whatever its date (the NLP stage has no
request date): "1. RT ...; start 03/10/2025" in an old consult note copied into a later packet reads as a plan. A
consensus paragraph is read upward only to a blank line or another label's line; a consensus sentence summing up a
past course with no given-word ("CONSENSUS: GBM, standard chemoradiation then TMZ x 6") reads as a plan.
Second-round near misses: "PLAN:" / "1. Completed ... 09/2026", "started 10/05/2026", "CONSENSUS: progression 10
months after chemoradiation", "Consensus: new nodule 8 months after RT", "s/p GK SRS 04/2025", "SRS delivered
10/06/2026", "audiogram after SRS showed decline".
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
VS = ("MRI brain 11/10/2026: 1.6 cm enhancing left cerebellopontine angle mass, consistent with a vestibular "
      "schwannoma.\n")
GBM = ("Stereotactic biopsy 10/29/2026: glioblastoma, IDH-wildtype.\nMRI brain 11/09/2026: 4.3 cm ring-enhancing "
       "left temporal mass.\n")
METS = "MRI brain 11/11/2026: two enhancing lesions, consistent with brain metastases from lung cancer.\n"

SINCE_N = {"treatment_since_imaging": N}
NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N} | SINCE_N
NO_CHEMO = {"prior_chemotherapy": N, "prior_tumor_treatment": N} | SINCE_N
NO_CRT = {"prior_radiation": N, "prior_chemotherapy": N, "prior_tumor_treatment": N} | SINCE_N
RT = {"prior_radiation": P, "prior_tumor_treatment": P}
CHEMO = {"prior_chemotherapy": P, "prior_tumor_treatment": P}
CRT = {"prior_radiation": P, "prior_chemotherapy": P, "prior_tumor_treatment": P}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ 1. after/post in a clause still to come
    "follow-up MRI weeks after completion of chemoradiation": (
        GBM + "Follow-up MRI 4 weeks after completion of chemoradiation.\n", NO_RT),
    "repeat MRI weeks after SRS": (METS + "Repeat MRI brain 8 weeks after SRS to both lesions.\n", NO_RT),
    "follow up with me a month after WBRT": (METS + "Follow up with me 1 month after WBRT.\n", NO_RT),
    "surveillance MRI months post radiosurgery": (VS + "Surveillance MRI 3 months post radiosurgery.\n", NO_RT),
    "next audiogram after Gamma Knife": (VS + "Next audiogram 6 months after Gamma Knife.\n", NO_RT),
    "trial discussion following chemoradiation": (
        GBM + "Trial eligibility discussion following chemoradiation.\n", NO_RT),
    "bevacizumab discussion after RT": (GBM + "Bevacizumab discussion after RT.\n", NO_CRT),
    "will discuss Optune after radiotherapy": (GBM + "We will discuss Optune after radiotherapy.\n", NO_CRT),
    # ------------------------------------------------------------ 2. dated after the request date
    "SRS date in the urgency line": (METS + "Urgency: routine (SRS date 12/14/2026)\n", NO_RT),
    "frame-based Gamma Knife on a later day": (
        METS + "Gamma Knife radiosurgery 12/10/2026 (frame-based).\n", NO_RT),
    "start TMZ on a month/day ahead": (GBM + "Start TMZ on 12/03.\n", NO_CHEMO),
    "radiosurgery in a later month": (METS + "Radiosurgery 12/2026 to both lesions.\n", NO_RT),
    "SRS slot next year": (METS + "SRS slot 01/2027 (waiting list).\n", NO_RT),
    # ------------------------------------------------------------ 3. a regimen set out without a verb
    "plan label, RT with concurrent TMZ and simulation": (
        GBM + "Plan: RT 60 Gy / 30 fx with concurrent TMZ 75 mg/m2 daily; simulation 11/25.\n", NO_CRT),
    "assessment and plan label, standard chemoradiation": (
        GBM + "Assessment and plan: Standard chemoradiotherapy with temozolomide, followed by adjuvant temozolomide.\n", NO_CRT),
    "plan header, regimen line without a marker": (
        GBM + "PLAN:\nChemoradiation per Stupp, then 6 cycles adjuvant TMZ\nMRI in 3 months\n", NO_CRT),
    "protons with fractions proposed": (GBM + "Proton therapy 54 Gy(RBE) in 30 fractions proposed.\n", NO_RT),
    "Rx label, hypofractionated RT": (GBM + "Rx: hypofractionated RT 40 Gy / 15 fx with TMZ.\n", NO_CRT),
    "recommendations label, WBRT": (METS + "Recommendations: WBRT 30 Gy in 10 fractions.\n", NO_RT),
    "candidate for single-fraction SRS": (METS + "Candidate for single-fraction SRS, 18 Gy.\n", NO_RT),
    # ------------------------------------------------------------ 4. a numbered plan item under a "PLAN:" header
    "plan header, numbered item, start date ahead": (
        GBM + "PLAN:\n 1. Hypofractionated RT 40 Gy / 15 fx with concurrent TMZ; start 12/07/2026.\n 2. MRS with "
        "the simulation MRI.\n", NO_CRT),
    "plan header, item not indented, wrapped start date": (
        GBM + "PLAN:\n1. RT 59.4 Gy in 33 fractions with concurrent TMZ 75 mg/m2; mask fitting and CT sim\n"
        "12/01; first fraction 12/04/2026.\n2. Dexamethasone taper.\n", NO_CRT),
    "recommendations header, WBRT item scheduled": (
        METS + "RECOMMENDATIONS:\n - WBRT 30 Gy in 10 fx, to begin 12/02/2026.\n", NO_RT),
    "plan header, SRS item simulation date ahead": (
        METS + "PLAN:\n 2. SRS 21 Gy x 1 to both lesions; simulation 11/30/2026.\n", NO_RT),
    # ------------------------------------------------------------ 5. a consensus / recommendation paragraph
    "consensus paragraph sets out the course": (
        GBM + "TUMOR BOARD:\nCONSENSUS: Deep left temporal GBM on needle biopsy. Not a surgical candidate. "
        "Standard chemoradiation with TMZ followed by adjuvant TMZ.\n", NO_CRT),
    "consensus paragraph over two lines, Optune after RT": (
        GBM + "Board consensus: glioblastoma, biopsy only.\nUnresectable. Chemoradiation per Stupp, then 6 cycles "
        "adjuvant TMZ; Optune discussion after RT.\n", NO_CRT),
    "consensus line under a plan header": (
        GBM + "PLAN:\nMDT consensus: unresectable GBM. Hypofractionated RT 40 Gy / 15 fx with TMZ; lomustine "
        "discussion after RT.\n", NO_CRT),
    "board recommendation, SRS for metastases": (
        METS + "Tumor board recommendation: two metastases under 2 cm. Radiosurgery 20 Gy to each lesion.\n", NO_RT),
    # ------------------------------------------------------------ 6. a follow-up to come in a later clause of an item
    "item: hearing plan revisited after SRS in the second clause": (
        VS + "ASSESSMENT AND PLAN:\n1. Vestibular schwannoma.\n2. Tinnitus: masker trial; CI evaluation to be "
        "revisited after radiosurgery (nothing before treatment).\n", NO_RT),
    "item: return visit post GK with audiogram": (
        VS + "ASSESSMENT AND PLAN:\n3. Return to clinic 4 mo post Gamma Knife with audiogram.\n", NO_RT),
    "item: balance therapy now; MRI repeated after SRS": (
        VS + "2. Imbalance: vestibular PT; MRI to be repeated 6 months after SRS.\n", NO_RT),
    # ------------------------------------------------------------ near misses keep their reading
    "near: enhancement after RT in a year": (GBM + "New enhancement after RT in 2024.\n", RT),
    "near: seizures after the craniotomy": (
        GBM + "Seizures began after the craniotomy.\n", {"prior_resection": P, "prior_tumor_treatment": P}),
    "near: status post SRS dated": (METS + "Status post SRS (03/2025).\n", RT),
    "near: MRI after SRS showed shrinkage": (METS + "MRI 3 months after SRS showed shrinkage.\n", RT),
    "near: follow-up MRI after radiosurgery in a year": (
        VS + "Follow-up MRI after radiosurgery in 2023 was stable.\n", RT),
    "near: side effects discussed while TMZ continues": (
        GBM + "We will discuss TMZ side effects; continues adjuvant TMZ.\n", CHEMO),
    "near: SRS dated before the request": (METS + "SRS 06/12/2025.\n", RT),
    "near: undated SRS in a history": (METS + "History: lung cancer, SRS to a cerebellar lesion.\n", RT),
    "near: radiosurgery in an earlier month": (METS + "Radiosurgery 10/2026 to the cerebellar lesion.\n", RT),
    "near: radiosurgery in the request's month": (METS + "Radiosurgery 11/2026 to the cerebellar lesion.\n", RT),
    "near: TMZ started after the imaging": (
        GBM + "Started TMZ 11/15/2026.\n", CHEMO | {"treatment_since_imaging": P}),
    "near: completed chemoradiation, ended": (
        GBM + "Completed RT 60 Gy / 30 fx with concurrent TMZ (ended 08/2026).\n", CRT),
    "near: s/p cycles of adjuvant TMZ": (GBM + "s/p 6 cycles adjuvant TMZ.\n", CHEMO),
    "near: received SRS with a dose": (
        METS + "Received SRS 20 Gy to the right frontal metastasis in March.\n", RT),
    "near: plan line told completed": (
        GBM + "PLAN:\nRT 60 Gy / 30 fx with concurrent TMZ completed 10/2026; MRS for progression\n", CRT),
    "near: assessment line summarising the regimen": (
        GBM + "Assessment:\nGlioblastoma, standard chemoradiation and adjuvant TMZ x 6 cycles.\n", CRT),
    "near: plan label, continue adjuvant TMZ": (
        GBM + "Plan: continue adjuvant TMZ 150 mg/m2, cycle 4.\n", CHEMO),
    "near: follow-up MRI after SRS, result after a colon": (
        METS + "Follow-up MRI after SRS: stable.\n", RT),
    "near: discussion header, seizures after craniotomy": (
        GBM + "Discussion: she developed seizures after the craniotomy.\n",
        {"prior_resection": P, "prior_tumor_treatment": P}),
    "near: recommended, then delivered in the sentence": (
        METS + "Radiation oncology recommended SRS 20 Gy; delivered 10/2026.\n", RT),
    "near: assessment and plan summary with new enhancement": (
        GBM + "Assessment and Plan:\n58F with GBM, standard chemoradiation then adjuvant TMZ x 6 cycles, now with new "
        "enhancement.\n", CRT),
    "near: proposed after a completed course": (
        GBM + "Re-irradiation 35 Gy in 10 fractions proposed for recurrence after RT in 2023.\n", RT),
    "near: plan header, numbered item told completed with a date": (
        GBM + "PLAN:\n 1. Completed hypofractionated RT 40 Gy / 15 fx with TMZ 09/2026; MRS now for a new nodule.\n",
        CRT),
    "near: plan header, item started on a past date": (
        GBM + "PLAN:\n 1. RT 60 Gy / 30 fx with concurrent TMZ, started 10/05/2026; tolerating well.\n", CRT),
    "near: consensus tells progression after chemoradiation": (
        GBM + "CONSENSUS: progression 10 months after chemoradiation and adjuvant TMZ; consider lomustine.\n", CRT),
    "near: consensus under a plan header tells chemoradiation done": (
        GBM + "PLAN:\nConsensus: new nodule 8 months after RT 60 Gy with concurrent TMZ; MRS requested.\n", CRT),
    "near: item s/p SRS, audiogram stable": (VS + "2. s/p GK SRS 04/2025; hearing stable on audiogram.\n", RT),
    "near: RTC and SRS told done with a date": (METS + "RTC 2 mo; SRS delivered 10/06/2026.\n", RT),
    "near: second clause tells the follow-up after SRS done": (
        VS + "2. Hearing: aid fitted; audiogram after SRS showed decline.\n", RT),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_treatment_still_to_come(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
