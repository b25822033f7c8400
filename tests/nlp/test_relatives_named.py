"""A relative's disease stays the relative's however the sentence is built, on the mention itself (experiencer).

1. A family statement broken across a line: a verb of falling ill or dying that ends its line ("Her grandfather
   died" / "from a brain tumour") goes on with the next line when it starts in lower case (normalize, cue
   layout.open_complement_end); a capitalised next line is a new statement.
2. A relative followed by a given name, an age or both before the verb ("her aunt Rosa (58) had", "Brother, aged 19
   - epilepsy", "Uncle Joe (d. 2010): ...") is the relative (fam.relative_named; scope.relative_line). Not a named
   son (the patient a parent's letter is about), nor a title-cased word of a relative who tells ("Mother Reports:"),
   nor a comma that opens a clause about the informant; a relative's occupation is no illness (fam.pseudo_occupation).
3. A lay letter's relative goes on as the subject of the next sentence opened by a pronoun that stands for that
   relative ("My brother has epilepsy. His seizures began at 14."; scope.relative_subject), up to the writer named
   again or a verb of telling; no relative before it, or a pronoun of the other sex, and the sentence is the
   patient's.
4. A disease that "runs in the family" is the family's, told before the cue too (fam.runs_in_family); a family
   history denied is the family's, no finding of the patient's ("No family history of seizures").

Facts: tests/facts/test_relatives_named_facts.py.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

AMONG = {"family"}
F: set[str] = {"family"}
NONE: set[str] = set()

ROWS = [
    # 1. a family statement broken across a line
    ("died / from, across a line", "Her grandfather died\nfrom a brain tumour in 1998.", "BRAIN_TUMOR",
     "brain tumour", F),
    ("was diagnosed / with, across a line", "Aunt was diagnosed\nwith multiple sclerosis at 40.",
     "MULTIPLE_SCLEROSIS", "multiple sclerosis", F),
    ("suffered / from, across a line", "His uncle suffered\nfrom epilepsy all his life.", "EPILEPSY", "epilepsy", F),
    ("passed / away from, across a line", "Father passed\naway from a glioblastoma.", "GLIOMA", "glioblastoma", F),
    ("near miss: a capitalised next line", "Her mother died\nSeizures since childhood.", "SEIZURE", "Seizures",
     NONE),
    # 2. a relative with a name or an age
    ("a named aunt with her age in brackets", "Her aunt Rosa (58) had a meningioma.", "BRAIN_TUMOR", "meningioma",
     F),
    ("a named grandfather with his age in commas", "My grandfather Ed, 80, had a brain tumour.", "BRAIN_TUMOR",
     "brain tumour", F),
    ("an aged brother's dash label", "Brother, aged 19 - epilepsy", "EPILEPSY", "epilepsy", F),
    ("a named sister was diagnosed", "His sister Ana was diagnosed with MS last year.", "MULTIPLE_SCLEROSIS", "MS",
     F),
    ("a named father in a letter", "My father Luis had a glioblastoma.", "GLIOMA", "glioblastoma", F),
    ("a named uncle's label, far along the line", "Uncle Joe (d. 2010): smoker, lung cancer in 2005, later brain "
     "metastases", "BRAIN_METASTASIS", "brain metastases", F),
    ("an occupation is no illness", "Sister is a nurse and helps with his epilepsy care.", "EPILEPSY", "epilepsy",
     NONE),
    ("near miss: a named son", "My son Jack has epilepsy.", "EPILEPSY", "epilepsy", NONE),
    ("near miss: a title-cased informant", "Mother Reports: seizures twice weekly", "SEIZURE", "seizures", NONE),
    ("near miss: a comma opening the informant's clause", "Her father, who drove her in, says her seizures are "
     "more frequent.", "SEIZURE", "seizures", NONE),
    # 3. the relative goes on in the next sentence
    ("his, after my brother", "My brother has epilepsy. His seizures began at 14.", "SEIZURE", "seizures", F),
    ("their, after our cousins", "Our cousins have epilepsy. Their seizures are well controlled.", "SEIZURE",
     "seizures", F),
    ("near miss: no relative before the pronoun", "She has epilepsy. Her seizures are controlled.", "SEIZURE",
     "seizures", NONE),
    ("near miss: the writer again", "My sister has MS. She says my seizures look like hers.", "SEIZURE", "seizures",
     NONE),
    ("near miss: a verb of telling", "My aunt has epilepsy. She thinks these are seizures too.", "SEIZURE",
     "seizures", NONE),
    ("near miss: a pronoun of the other sex", "My sister has MS. He has had seizures since June.", "SEIZURE",
     "seizures", NONE),
    # 4. runs in the family; a family history denied
    ("runs in her family, the subject before", "Brain tumours run in her family.", "BRAIN_TUMOR", "tumours", F),
    ("runs in the family, the subject before", "Epilepsy runs in the family on her father's side.", "EPILEPSY",
     "Epilepsy", F),
    ("also runs in the family", "Multiple sclerosis also runs in the family.", "MULTIPLE_SCLEROSIS",
     "Multiple sclerosis", F),
    ("no family history of", "No family history of seizures or epilepsy.", "SEIZURE", "seizures", F),
    ("near miss: her own seizures after 'but'", "Epilepsy runs in the family, but her seizures began only last "
     "year.", "SEIZURE", "seizures", NONE),
    ("near miss: her own glioma after the denied history", "No family history of brain tumours; she has a glioma.",
     "GLIOMA", "glioma", NONE),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_relatives_disease_stays_the_relatives(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=AMONG)
