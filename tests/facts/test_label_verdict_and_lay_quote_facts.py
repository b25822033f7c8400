"""A plan item's verdict after its label, and a lay speaker's words in quotation marks, through the real NLP stage.

1. A procedure or plan item written as a label, a ":" or a dash, then its verdict takes that verdict, as the sentence
   forms of tests/facts/test_set_aside_diagnoses_and_deferred_surgery.py do: "Epilepsy surgery - not an option at this
   time", "Resective surgery: postponed until ...", "Presurgical work-up: on hold" are no pre-surgical evaluation
   (`neg.label_verdict`). Near misses stay present: a referral, a work-up in progress, a candidate with SEEG planned,
   a date, a verdict after a ";" about something else.
2. A worry, question or account a lay speaker gives in quotation marks is the speaker's, not a finding
   (`hyp.lay_quote`): 'He keeps asking "is this a brain tumour?"', 'Patient states "the last neurologist said I had
   MS"'. The team's own statement after the quotation decides ('... - reassured that the team does not think this
   is MS': absent). Near misses keep their reading: a quoted report read (suspected from "likely"), a clinician's
   quoted diagnosis, a finding after the quotation closes, a diagnosis quoted as given to the parents.

Rows are fresh fragments in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# case, text, {fact: expected status}
LABEL_VERDICTS = [
    ("dash, not an option at this time",
     "Drug-resistant focal epilepsy.\nEpilepsy surgery - not an option at this time (bilateral independent "
     "onsets).\n", {"presurgical_evaluation": A}),
    ("colon, postponed until",
     "Left mesial temporal sclerosis.\nResective surgery: postponed until the seizure semiology is clarified.\n",
     {"presurgical_evaluation": A}),
    ("colon, on hold", "Focal epilepsy.\nPresurgical work-up: on hold while she is pregnant.\n",
     {"presurgical_evaluation": A}),
    ("em dash, too early", "Temporal lobe epilepsy. Temporal lobectomy \u2014 too early, two more drug trials "
     "first.\n", {"presurgical_evaluation": A}),
    ("a label with its parenthesis, deferred",
     "Focal epilepsy.\nEpilepsy surgery evaluation (phase 1): deferred to the spring.\n",
     {"presurgical_evaluation": A}),
    ("a numbered plan row, double dash, not a candidate",
     "Focal epilepsy.\nPlan:\n1. Surgical candidacy -- not a candidate, eloquent cortex\n2. Continue lacosamide\n",
     {"presurgical_evaluation": A}),
    ("not being pursued, then another plan", "Focal epilepsy.\nEpilepsy surgery: not being pursued; the family "
     "prefers VNS.\n", {"presurgical_evaluation": A}),
    ("not recommended with its reason", "Multifocal epilepsy.\nSeizure surgery: not recommended (multifocal "
     "onsets).\n", {"presurgical_evaluation": A}),
    ("stereo-EEG cancelled", "Focal epilepsy.\nStereo-EEG: cancelled, seizures controlled on the new drug.\n",
     {"presurgical_evaluation": A}),
    ("premature, mid-line", "Focal epilepsy. Resective surgery: premature at this stage.\n",
     {"presurgical_evaluation": A}),
    ("not at present", "Focal epilepsy. Candidate for resection: not at present.\n", {"presurgical_evaluation": A}),
    # near misses: a referral, a work-up in progress, a candidate, a date, a verdict about something else
    ("near miss: referred", "Focal epilepsy.\nEpilepsy surgery: referred to the comprehensive epilepsy centre.\n",
     {"presurgical_evaluation": P}),
    ("near miss: under way", "Focal epilepsy.\nPhase 1 presurgical evaluation - under way, video-EEG next week.\n",
     {"presurgical_evaluation": P}),
    ("near miss: a good candidate, SEEG planned", "Focal epilepsy.\nEpilepsy surgery: good candidate, SEEG "
     "planned.\n", {"presurgical_evaluation": P}),
    ("near miss: a date", "Focal epilepsy.\nEpilepsy surgery - scheduled 12/10/2026.\n",
     {"presurgical_evaluation": P}),
    ("near miss: another item's verdict after a ';'", "Focal epilepsy.\nPresurgical evaluation: ongoing; VNS not "
     "indicated.\n", {"presurgical_evaluation": P}),
    ("near miss: another item's verdict after a ';' (advised)", "Focal epilepsy.\nPresurgical evaluation: "
     "proceeding; drug taper not advised.\n", {"presurgical_evaluation": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), LABEL_VERDICTS, ids=[c[0] for c in LABEL_VERDICTS])
def test_a_plan_item_takes_the_verdict_after_its_label(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


LAY_QUOTES = [
    ("keeps asking, quoted question", "Headaches.\nHe keeps asking \"is this a brain tumour?\"\n",
     {"brain_neoplasm": N}),
    ("a husband asked, comma", "Numbness. Her husband asked, \"Could it be MS?\"\n", {"multiple_sclerosis": N}),
    ("patient states what a doctor said", "Patient states \"the last neurologist said I had MS\".\n",
     {"multiple_sclerosis": N}),
    ("dad said, colon", "Dad said: \"we are sure it is a tumour\".\n", {"brain_neoplasm": N}),
    ("in her own words", "In her own words: \"I know this is multiple sclerosis.\"\n", {"multiple_sclerosis": N}),
    ("mum's words as a label", "Mum's words: \u201cit must be a brain tumour\u201d.\n", {"brain_neoplasm": N}),
    ("told us", "The patient told us \"my GP called it MS years ago\".\n", {"multiple_sclerosis": N}),
    ("a father on the phone", "Father, on the phone: \"is it a glioblastoma?\"\n", {"brain_neoplasm": N}),
    ("a wife reports", "Wife reports \"he has had MS for years\".\n", {"multiple_sclerosis": N}),
    ("the team's own statement after the quotation decides",
     "Her sister is worried \"she has MS like our aunt did\" - reassured that the team does not think this is "
     "MS.\n", {"multiple_sclerosis": A}),
    # near misses: a quoted read, a clinician's quoted diagnosis, a finding after the quotation, a diagnosis given
    ("near miss: a quoted report read", "MRI impression: \"enhancing mass, likely glioblastoma\".\n",
     {"brain_neoplasm": S}),
    ("near miss: a clinician's quoted diagnosis", "Dx: \"RRMS\" per neurology, on ocrelizumab.\n",
     {"multiple_sclerosis": P}),
    ("near miss: the finding after the quotation closes",
     "Patient states \"my headaches are worse\"; MRI shows a right frontal glioma.\n", {"brain_neoplasm": P}),
    ("near miss: the finding after the quotation, same clause",
     "She says \"it's only migraine\" but the MRI shows a glioblastoma.\n", {"brain_neoplasm": P}),
    ("near miss: a diagnosis given to the parents",
     "Parents were told \"it is a low-grade glioma\" at the outside hospital.\n", {"brain_neoplasm": P}),
    ("near miss: the radiologist's words", "The radiologist wrote: \"demyelinating lesions typical of MS\".\n",
     {"multiple_sclerosis": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), LAY_QUOTES, ids=[c[0] for c in LAY_QUOTES])
def test_a_lay_speakers_quoted_words_are_no_finding(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
