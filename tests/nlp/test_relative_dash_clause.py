"""A relative's disease told in an aside set off by dashes is the relative's, and the patient's own findings after a
relative's comma-set "who" clause stay the patient's (context.yaml fam.relative_qualified).

1. A relative followed by a dash (a hyphen, "--", an en or em dash), with or without "who", then a verb of having,
   falling ill or dying: "Her cousin - who was operated on for a meningioma - ...", "Dad -- dx'd with MS at 35 --
   ...", "Paternal aunt \u2014 died of brain cancer \u2014 ...". The dash is one of the relative's qualifier openers,
   like the comma and the bracket, so the disease inside the aside is family; the closing dash followed by a verb of
   telling, noticing or bringing the patient ends the relative's scope as a closing comma does.
2. A relative named as the subject with a comma-set "who" clause, then the patient's own complaint: after a
   semicolon, a new sentence, or a verb of telling with the patient as its subject, the complaint is the patient's.

Near misses that keep their reading: the patient (or "she") before the dash ("Patient - with known glioma - ..."),
a plain relative statement, a denied family history, a relative's label with the patient's own state after a
semicolon, a relative before a dash that names no illness ("Mother - at bedside - ..."), and a relative after a
preposition ("Lives with her brother - who has MS - ...": the needs_before of fam.relative_qualified).

Limits: a relative clause's close followed by a verb of telling whose object is not the patient ("Grandmother, who
had a brain tumour, thinks the seizures are new") or by "her"/"his" as a possessive ("notes that her headaches are
worse") keeps what follows the relative's (tests/nlp/test_relative_clause_closes.py); a dash aside that names the
disease without a verb ("Uncle - MS - ...") is fam.relative_has's, which reaches ten tokens on.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

AMONG = {"family", "negated", "uncertain", "hypothetical"}
F: set[str] = {"family"}
P: set[str] = set()
NEG: set[str] = {"negated"}

ROWS = [
    # 1. a relative's disease in a dash-set aside
    ("hyphen, who was treated for", "Her younger brother - who was treated for a glioblastoma in 2021 - now lives "
     "in Leeds.", "GLIOMA", "glioblastoma", F),
    ("double hyphen, dx'd, no who", "Dad -- dx'd with multiple sclerosis at 35 -- still works full time.",
     "MULTIPLE_SCLEROSIS", "multiple sclerosis", F),
    ("em dash, died of", "Paternal aunt \u2014 died of brain cancer in her 50s \u2014 per the family.",
     "BRAIN_TUMOR", "brain cancer", F),
    ("en dash, who has", "His cousin \u2013 who has epilepsy \u2013 helps with childcare.", "EPILEPSY", "epilepsy",
     F),
    ("hyphen, was diagnosed with", "FHx: maternal grandfather - was diagnosed with a meningioma at 70 - alive.",
     "BRAIN_TUMOR", "meningioma", F),
    ("letter, my cousin with a dash", "Our cousin - who had an astrocytoma as a child - is doing well now.",
     "GLIOMA", "astrocytoma", F),
    ("dictated, who suffered from", "The patient's sister -- who suffered from MS for years -- passed away in "
     "2019.", "MULTIPLE_SCLEROSIS", "MS", F),
    ("shorthand, w/", "Sister -- w/ epilepsy since teens -- n/a today.", "EPILEPSY", "epilepsy", F),
    ("EHR, uncle who had", "Uncle (paternal) - who had a pituitary adenoma removed - lives overseas.",
     "BRAIN_TUMOR", "pituitary adenoma", F),
    # ... and the patient's own finding after the closing dash
    ("dash closes, brought her in", "Her father - who has multiple sclerosis - brought her in; she reports daily "
     "headaches.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", F),
    ("dash closes, brought her in: her headaches", "Her father - who has multiple sclerosis - brought her in; she "
     "reports new headaches.", "NEW_SYMPTOM", "new headaches", P),
    ("dash closes, says he", "His aunt \u2014 who had a glioma \u2014 says he has had two seizures this week.",
     "SEIZURE", "seizures", P),
    ("dash closes, new sentence", "His uncle -- who had epilepsy -- lives abroad. He has had three seizures.",
     "SEIZURE", "seizures", P),
    # 2. a comma-set "who" clause, then the patient's own complaint
    ("comma, accompanies her; she reports", "Her grandfather, who died of a glioblastoma, accompanies her; she "
     "reports worsening headaches.", "GLIOMA", "glioblastoma", F),
    ("comma, accompanies her; her headaches", "Her grandfather, who died of a glioblastoma, accompanies her; she "
     "reports worsening headaches.", "NEW_SYMPTOM", "worsening headaches", P),
    ("comma, drove him in; he describes", "His sister, who has epilepsy, drove him in; he describes new seizures.",
     "SEIZURE", "seizures", P),
    ("comma, reports that she", "The patient's father, who had a meningioma, reports that she has had seizures "
     "since March.", "SEIZURE", "seizures", P),
    ("comma, states the boy", "His aunt, who had a brain tumour, states the boy has had worsening headaches for 3 "
     "weeks.", "NEW_SYMPTOM", "worsening headaches", P),
    ("comma, called; patient had", "Pt's grandmother, who has epilepsy, called; patient had a seizure overnight.",
     "SEIZURE", "seizure", P),
    ("comma, called: her epilepsy", "Pt's grandmother, who has epilepsy, called; patient had a seizure overnight.",
     "EPILEPSY", "epilepsy", F),
    ("comma, present. Patient complains", "Her cousin, who had MS, is present. Patient complains of new headaches.",
     "NEW_SYMPTOM", "new headaches", P),
    ("comma, shorthand pt with", "Mother, who has MS, brought pt in today; pt with 2 new seizures.", "SEIZURE",
     "seizures", P),
    # near misses that keep their reading
    ("near: plain relative statement", "Father had a glioblastoma.", "GLIOMA", "glioblastoma", F),
    ("near: the patient before the dash", "Patient - who has a known oligodendroglioma - presents with seizures.",
     "GLIOMA", "oligodendroglioma", P),
    ("near: the patient before the dash, seizures", "Patient - who has a known oligodendroglioma - presents with "
     "seizures.", "SEIZURE", "seizures", P),
    ("near: she before the dash", "She - treated for a glioma in 2020 - now has new seizures.", "SEIZURE",
     "seizures", P),
    ("near: denied family history", "No family history of brain tumours.", "BRAIN_TUMOR", "tumours", F),
    ("near: relative's label, patient seizure-free", "Brother with epilepsy; pt seizure-free.", "EPILEPSY",
     "epilepsy", F),
    ("near: relative's label, patient seizure-free: seizures", "Brother with epilepsy; pt seizure-free.",
     "SEIZURE", "seizure", NEG),
    ("near: relative at the bedside, no illness", "Her mother - who is at the bedside - says she had a seizure at "
     "school.", "SEIZURE", "seizure", P),
    ("near: relative after a preposition", "Lives with her brother - who has MS - and has had two seizures.",
     "SEIZURE", "seizures", P),
    ("near: relative with a dash, a verb of noticing", "His sister - who has noticed more seizures lately - filmed "
     "one.", "SEIZURE", "seizures", P),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_relative_dash_clause(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=AMONG)
