"""A lay person's question or worry answered by the clinician when the asker is named, titled or described, not
called by a relation word alone, through the real NLP stage to the facts (context.yaml: hyp.lay_question_named,
scope lay_answer).

1. A first name ("Marcus asked whether ..."), a name with the relation in parentheses or between commas ("Jen
   (daughter, HCPOA) wondered if ...", "The patient's partner, Sam, asked about ..."), the patient ("Pt asked: is it
   ...?"), a title ("Mrs. Okafor asked whether ...") or the family at a meeting ("The family at today's meeting
   asked whether ...") asks as a relative does: the question's hedge makes nothing suspected, the answer decides
   (absent when it denies the diagnosis, not documented when it tells something else, suspected when it takes the
   question up), and a hedged finding of the question ("a stroke or a tumour") makes no study cited in the answer
   inconclusive.
2. Near misses: a clinician named after a title raises it ("Dr. Marcus Lee is concerned this could be a tumour":
   suspected), a named person's report ("Marcus reports two seizures": present), a question left open or taken up
   ("; MRS is requested to answer this": suspected), a radiologist's hedge in a quotation (suspected, the study
   inconclusive), a department asking ("Neurology asked whether ...": suspected), a bare "She asked whether ..."
   (suspected).

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, KNOWN, CONV, MRI = "brain_neoplasm", "known_brain_tumor", "conventional_imaging_inconclusive", "mri_nondiagnostic"

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # 1a. a first name alone
    ("name, quoted question, answer after a dash names another cause",
     'Marcus asked whether "a stroke or a tumour" could be behind this - Dr. Ahmed explained the injury is from lack '
     "of oxygen, seen on the MRI, and nothing else was found.", {NEO: A, KNOWN: A, CONV: N, MRI: N}),
    ("name, unquoted, semicolon, unlikely", "Priya wondered if this could be lymphoma; explained, this is unlikely.",
     {"cns_lymphoma": A, NEO: A}),
    ("name, next sentence, not consistent", "Tomasz asked whether it might be MS. Discussed: not consistent.",
     {"multiple_sclerosis": A}),
    ("name, answer names the study", "Aisha asked about a brain tumour - explained the MRI 10/02 shows no tumour.",
     {NEO: A, KNOWN: A, CONV: A, MRI: A}),
    ("name, wondered whether, answer names the study", "Marcus wondered whether this could be a tumour; explained the MRI "
     "shows no tumour.", {NEO: A, CONV: A}),
    ("name, answer tells something else", "Jen asked whether a glioma could explain it - explained the changes on the "
     "MRI are post-hypoxic.", {"glial_neoplasm": N, NEO: N, CONV: N, MRI: N}),
    ("name and surname, reassured", "Lena Fischer asked whether this is an infection; reassured, serology negative.",
     {"brain_infection": N}),
    ("name, keeps asking, answered no", "Carlos keeps asking if it is a tumour. Answered: no.", {NEO: A, KNOWN: A}),
    # 1b. a name with the relation in parentheses or between commas
    ("name, relation in parentheses, reassured", "Jen (daughter, HCPOA) wondered if this is a tumour; reassured.",
     {NEO: N, KNOWN: N}),
    ("name, relation in parentheses, not consistent", "Rosa (wife) asked whether this could be multiple sclerosis - "
     "discussed, not consistent.", {"multiple_sclerosis": A}),
    ("name, relation in parentheses, stroke or tumour", 'Dev (son, by phone) asked if "a stroke or a tumour" could '
     "cause this; explained the CT and the MRI show an old infarct only, nothing else was found.",
     {NEO: A, CONV: N, MRI: N}),
    ("relation, name between commas", "The patient's partner, Sam, asked about a brain tumour - explained the MRI "
     "shows no mass and nothing else was found.", {NEO: A, CONV: N}),
    ("relation, name between commas, MS", "His sister, Ana, asked whether this might be MS; not consistent.",
     {"multiple_sclerosis": A}),
    ("name, relation between commas", "Sam, her partner, asked whether it could be lymphoma. Explained: this is "
     "unlikely.", {"cns_lymphoma": A}),
    ("relation, remark in parentheses", "Daughter (HCPOA) asked whether this is a glioma - explained the MRI shows a "
     "stroke.", {"glial_neoplasm": N, CONV: N}),
    ("plural relation", "His daughters asked whether a tumour had been missed; explained, nothing of the sort was "
     "found.", {NEO: A}),
    # 1c. the patient
    ("pt asked, quoted, dash no", 'Pt asked: "is it a brain tumor?" - no, explained.', {NEO: A, KNOWN: A}),
    ("pt asked, unquoted after a colon", "Pt asked: could this be a brain tumour? Explained: not consistent.",
     {NEO: A, KNOWN: A}),
    ("patient asked, next sentence", "Patient asked whether she has MS. Reassured her: this is not consistent.",
     {"multiple_sclerosis": A}),
    ("patient wondered, study answers", 'The patient wondered if "something like a tumour" was missed; explained the '
     "MRI shows no tumour.", {NEO: A, CONV: A}),
    ("patient asked, stroke or tumour", 'Patient asked whether "a stroke or a tumour" explains the weakness - '
     "explained the MRI shows demyelination, nothing else was found.", {NEO: A, CONV: A, MRI: A}),
    ("pt worried, answer about the study", "Pt worried about a tumour; explained the MRI of 10/02 is normal.",
     {NEO: N, CONV: A}),
    # 1d. a title and a surname
    ("mrs, next sentence, discussed", "Mrs. Okafor asked whether this could be MS. Discussed: not consistent.",
     {"multiple_sclerosis": A}),
    ("ms, whether MS", "Ms. Varga asked whether this could be MS; explained, this is unlikely.",
     {"multiple_sclerosis": A}),
    ("mr, quoted, stroke or tumour", 'Mr. Hale asked if "a stroke or a tumour" caused it; explained the MRI shows '
     "an infarct and nothing else was found.", {NEO: A, CONV: N, MRI: N}),
    ("mr without a dot, glioma", "Mr Obi wondered whether a glioma was growing; explained the MRI is stable.",
     {"glial_neoplasm": N, CONV: A}),
    ("mrs, asked about, excluded", "Mrs Chen asked about lymphoma - reassured, this has been excluded.",
     {"cns_lymphoma": A}),
    ("miss, asked about a tumour", "Miss Patel asked about a brain tumour; explained the MRI shows no tumour.",
     {NEO: A, CONV: A}),
    ("mrs, tumour coming back, site clear", "Mrs. Novak asked whether the tumour could be coming back - explained "
     "the resection cavity is clear.", {NEO: N, KNOWN: N}),
    # 1e. the family at a meeting
    ("family at the meeting, unlikely", "The family at today's meeting asked whether this could be lymphoma - "
     "explained, this is unlikely.", {"cns_lymphoma": A}),
    ("family members, not consistent", "Family members asked whether this could be MS; not consistent.",
     {"multiple_sclerosis": A}),
    ("children at the meeting", "At the family meeting, his children asked whether a tumour was missed. Explained "
     "the MRI shows no tumour.", {NEO: A, CONV: A}),
    ("family on the call, stroke or tumour", 'The family on the call asked whether "a stroke or a tumour" could '
     "explain this - explained the MRI shows hypoxic injury only, nothing else was found.",
     {NEO: A, CONV: N, MRI: N}),
    ("family, parentheses", "The family (wife and two sons) asked whether it could be a glioma; explained, this is "
     "not consistent.", {"glial_neoplasm": A}),
    ("family members present, nothing found", "Family members present asked about a tumour; nothing else was "
     "found.", {NEO: A}),
    # 2. near misses
    ("near: a clinician named after a title", "Dr. Marcus Lee is concerned this could be a tumour.",
     {NEO: S, KNOWN: S}),
    ("near: a clinician asking", "Dr. Okafor asked whether this could be lymphoma.", {"cns_lymphoma": S}),
    ("near: prof and a name", "Prof Jen Hale asked whether this could be a glioma.", {"glial_neoplasm": S}),
    ("near: a named person's report", "Marcus reports two seizures last week.", {"seizures": P}),
    ("near: question left to the MRS", "Jen asked whether it could be a tumour; MRS is requested to answer this.",
     {NEO: S}),
    ("near: question left open", "Mrs. Okafor asked whether this could be MS; we cannot yet exclude it.",
     {"multiple_sclerosis": S}),
    ("near: a radiologist's quoted hedge", 'Radiology impression: "a low-grade glioma cannot be excluded" (MRI 10/02).',
     {"glial_neoplasm": S, CONV: P}),
    ("near: a department asking", "Neurology asked whether this could be lymphoma.", {"cns_lymphoma": S}),
    ("near: a bare she asked", "She asked whether this could be a glioma.", {"glial_neoplasm": S}),
    ("near: a named relative's own disorder", "Her brother Tom has MS.", {"multiple_sclerosis": N}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lay_question_named_asker_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                        expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
