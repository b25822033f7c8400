"""The MRS advised, discussed, referred for or known in general is no prior MRS.

Through the real NLP stage, fact level (prior_mrs and the MRS studies that `prescreen explain FILE prior_mrs`
lists). Class: prior_mrs read PRESENT ("a prior MRS is documented") when the only MRS in the text is the one being
asked for, advised, talked about or known in general: a date in its sentence (a meeting's, a referral's, a paper's
year, a protocol's) made the mention a dated prior study. Rule (facts cues in pipeline/facts/resources/cues.yaml,
checked by `advised_or_general` in pipeline/facts/imaging.py from `mrs_not_done`): an MRS is no study done when

1. the words right after its name advise it ("MRS advised at the conference 11/04/2026", "At the 11/04 conference
   MRS was advised": study.advised_after);
2. a meeting's label opens its sentence and the MRS is the item after its colon or dash ("MDT 11/11/2026 outcome:
   MRS to characterise", "Epilepsy surgery conference 11/10/2026 - consensus: MRS": study.meeting_item_before);
3. a referral, request or order names it as what it is for ("Referral dated 11/12/2026 for MR spectroscopy":
   study.referral_for_before);
4. its sentence cites literature ("Park et al. (2021) ...", "Park and Cho, 2021: ...", "In a 2021 series, MRS
   ...": study.literature) or states a programme's rule ("per our programme every presurgical case gets
   hippocampal MRS": study.protocol_general);

unless the rest of its clause tells it done or reads it (a done word, a verdict, a spectrum result), or the words
before it in its clause tell it done ("prior MRS", "MRS obtained"). Rows of the other shapes (plans, boards'
needs, bookings, intake calls, general statements) already read absent and are kept here as guards.

Near misses keep their reading: a dated MRS with a read ("MRS 06/2025: choline/creatine 1.9 at the rim"), "Prior
MRS: yes - 01/2024", "Prior MRS: none" (absent), "had spectroscopy in 2025", an attempted dated MRS
("non-diagnostic (patient moved)": present), "Prior MRS: elevated choline", a meeting that reviewed or names a done
MRS ("Tumour board 11/05: MRS showed raised choline"), an MRS advised and then read ("MRS 09/2026, advised by
neuroradiology, showed a lactate doublet"), a patient's MRS read against a cited paper ("Her MRS (2024) was read as
meeting the Park et al. criteria"), a referral for an MRS that then showed something.

Limits: a literature citation is recognised by "et al", "and colleagues", two capitalised authors with a year, a
reference mark or a published series/cohort/trial/review phrase; a single author with a year in brackets is not
("(Lee 2020)" reads absent only because nothing dates it); a programme's rule needs "every / each / all ... cases
get ..." or "per our protocol, every ..."; a meeting's item needs the meeting's label to open the sentence.
Unchanged readings that are wrong in the other direction (outside this class): an undated "She had an MRS at the
outside hospital last year", "MRS attempted 10/12 (no year), non-diagnostic", "MRS was recommended in 2024 and
performed 03/2025: ..." and "The MRS recommended by neuroradiology was done on 09/14/2026: ..." read absent; and
"Repeat MRS requested" alone reads absent (today's reading, kept).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI = "MRI brain 10/30/2026: ring-enhancing right frontal lesion, indeterminate.\n"

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ 1. advised, or a meeting's item, or what a referral is for
    "advised-at-conference-dated": ("MRS advised at the epilepsy conference 11/04/2026; the spectra will decide "
                                    "between resection and observation.\n", A),
    "advised-was-after-dated-meeting": ("At the 11/04/2026 conference MRS was advised.\n", A),
    "suggested-by-surgeon-dated": ("Proton spectroscopy suggested by neurosurgery on 11/02/2026 to separate abscess "
                                   "from necrotic tumour.\n", A),
    "strongly-recommended-dated": ("Single-voxel MRS strongly recommended at the 11/09/2026 board.\n", A),
    "meeting-outcome-to-characterise": ("MDT 11/11/2026 outcome: MRS to characterise, then re-discuss.\n", A),
    "meeting-consensus-dash": ("Epilepsy surgery conference 11/10/2026 - consensus: MRS, then decide on "
                               "resection.\n", A),
    "meeting-board-paren-date": ("Neuro-oncology board (11/05/2026): spectroscopy of the enhancing rim.\n", A),
    "referral-dated-for": ("Referral dated 11/12/2026 for MR spectroscopy.\n", A),
    "order-placed-for": ("Order placed 11/03/2026 for brain MRS.\n", A),
    # ------------------------------------------------ 2. literature and a programme's rule
    "lit-et-al-year": ("Nakamura et al. (2022) describe MRS markers of IDH-mutant glioma.\n", A),
    "lit-two-authors-year": ("Okoye and Brandt, 2021: MRS markers of radiation necrosis.\n", A),
    "lit-series-year": ("In a 2021 series, spectroscopy separated tumour from necrosis in 85%.\n", A),
    "lit-colleagues": ("Ferreira and colleagues used MRS to grade gliomas in 2019.\n", A),
    "protocol-every-case-year": ("Per our programme every presurgical mesial temporal case gets hippocampal MRS "
                                 "(protocol 2019).\n", A),
    "protocol-all-candidates": ("All candidates for laser ablation undergo spectroscopy here since 2020.\n", A),
    # ------------------------------------------------ 3. guards already read absent: plans, bookings, intake, talk
    "board-needed-to-settle": ("Neuro-oncology board 11/12: spectroscopy of the lesion is needed to decide "
                               "between tumour and radiation change.\n", A),
    "rec-by-neuroradiology-dated": ("MR spectroscopy recommended by neuroradiology on 11/02/2026.\n", A),
    "plan-first-biopsy-if": ("Spectroscopy first; stereotactic biopsy only if it suggests glioma (clinic "
                             "11/03/2026).\n", A),
    "caller-asks-before-conference": ("Caller on 11/15/2026 asks that the spectroscopy be completed before the "
                                      "surgical conference.\n", A),
    "booked-future-date": ("MRI brain with MRS booked for 12/03/2026.\n", A),
    "within-month-of-pet": ("The MRS would be done within a month of the PET (PET 10/20/2026) so the two can be "
                            "read together.\n", A),
    "general-can-show": ("Spectroscopy can show metabolic changes an MRI misses.\n", A),
    "guideline-appropriate-year": ("Per the 2024 ACR guidance, MRS is appropriate for this question.\n", A),
    # ------------------------------------------------ near misses: a prior MRS (or its denial) keeps its reading
    "near-dated-ratio-rim": ("MRS 06/2025: choline/creatine 1.9 at the rim.\n", P),
    "near-had-outside-year": ("She had an MRS at the outside hospital in 2025.\n", P),
    "near-prior-row-yes-dated": ("Prior MRS: yes - 01/2024\n", P),
    "near-prior-row-none": ("Prior MRS: none\n", A),
    "near-attempted-nondiagnostic": ("MRS attempted 10/12/2026, non-diagnostic (patient moved).\n", P),
    "near-prior-elevated-choline": ("Prior MRS: elevated choline.\n", P),
    "near-board-reviewed-prior": ("Tumour board reviewed the 09/2026 MRS: lactate doublet, no choline rise.\n", P),
    "near-board-item-showed": ("Tumour board 11/05: MRS showed raised choline.\n", P),
    "near-advised-then-read": ("MRS 09/2026, advised by neuroradiology, showed a lactate doublet.\n", P),
    "near-referred-then-showed": ("Referred for MRS in 2024, which showed raised choline.\n", P),
    "near-own-mrs-cited-paper": ("Her MRS (2024) was read as meeting the Park et al. criteria for radiation "
                                 "necrosis.\n", P),
    "near-done-per-protocol": ("MRS done per protocol 09/2026: raised choline.\n", P),
    "near-meeting-prior-mrs": ("MDT 11/11/2026: prior MRS 08/2026 showed lactate.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_requested_mrs_talk_is_no_prior_mrs(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, MRI + text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
