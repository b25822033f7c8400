"""What a test looks for, and a signer's specialty, are no findings.

Class 1 (context.yaml `poss.test_purpose_noun`, `poss.test_named_screen`, and `poss.evaluate_for`'s "monitored
for"): a disease named as what a test looks for, the purpose noun right after it ("seizure detection", "cEEG for seizure monitoring",
"metastasis surveillance", "brain metastasis screening MRI") or "monitoring for" / "monitored for" before it, is a
question: suspected at most. Not when the purpose phrase goes on to report its result ("seizure monitoring showed
three seizures"), and a disease named elsewhere in the sentence keeps its reading ("surveillance MRI for the resected
glioma", "known epilepsy, on video-EEG monitoring"). "monitoring" and "surveillance" of a tumour the patient has
("glioma surveillance") are not read by this rule (only seizures, metastases and recurrence).

Class 2 (targets.yaml `look.signer_specialty`, `look.named_for_disease`): a clinician's specialty in a signature or
reader line is no diagnosis of the patient: after a signer's credential ("J. Doe, MD (Epilepsy / Clinical
Neurophysiology)", "A. Lee, MD, Epilepsy Attending"), after "Dr <name> -" ("Dr Smith - Epilepsy") and after a
signer's role ("Fellow, Epilepsy and Clinical Neurophysiology"). A diagnosis in the note's body, "epilepsy patient"
in prose and a problem-list row ("Epilepsy: well controlled") keep their reading.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS (None: no such mention).
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U: set[str] = {"uncertain"}
P: set[str] = set()

CASES: list[tuple[str, str, str, str, set[str] | None]] = [
    # ---- class 1: the disease before a purpose noun
    ("indication detection", "Indication: post-arrest coma; seizure detection.", "SEIZURE", "seizure", U),
    ("cEEG for monitoring", "cEEG for seizure monitoring.", "SEIZURE", "seizure", U),
    ("capitalised detection", "Continuous EEG ordered for Seizure Detection (post-cardiac arrest).", "SEIZURE",
     "Seizure", U),
    ("line wrap", "Being monitored for\nseizures on cEEG.", "SEIZURE", "seizures", U),
    ("hyphenated", "Reason for study: seizure-detection EEG in the ICU", "SEIZURE", "seizure", U),
    ("surveillance field", "Reason for study: seizure surveillance, neuro-ICU", "SEIZURE", "seizure", U),
    ("plural seizures monitoring", "Admitted to the ICU for seizures monitoring (24 h).", "SEIZURE", "seizures", U),
    ("parenthesised", "Long-term EEG (seizure monitoring) requested.", "SEIZURE", "seizure", U),
    ("metastasis surveillance", "Metastasis surveillance.", "BRAIN_METASTASIS", "Metastasis", U),
    ("brain metastasis screening", "Brain metastasis screening MRI, lung primary.", "BRAIN_METASTASIS",
     "Brain metastasis", U),
    ("mets screening", "Plan: brain mets screening every 3 months.", "BRAIN_METASTASIS", "brain mets", U),
    ("metastases surveillance British", "Cerebral metastases surveillance programme, six-monthly.",
     "BRAIN_METASTASIS", "Cerebral metastases", U),
    ("recurrence surveillance", "Recurrence surveillance MRI.", "RECURRENCE", "Recurrence", U),
    ("abscess screening", "Indication: abscess screening before transplant.", "BRAIN_INFECTION", "abscess", U),
    # ---- class 1: "monitor(ed) for" before the disease
    ("monitoring for", "EEG - monitoring for nonconvulsive seizures.", "SEIZURE", "seizures", U),
    ("monitored for", "Being monitored for seizures on cEEG.", "SEIZURE", "seizures", U),
    ("near: monitor for, a plan (hyp.if)", "cEEG: monitor for seizures overnight", "SEIZURE", "seizures",
     {"hypothetical"}),
    ("monitored for capital", "Patient was Monitored for Seizures in the EMU.", "SEIZURE", "Seizures", U),
    # ---- class 1 near misses
    ("near: indication present", "Indication: breakthrough seizures.", "SEIZURE", "breakthrough seizures", P),
    ("near: monitoring result", "Seizure monitoring showed three electrographic seizures.", "SEIZURE", "seizures", P),
    ("near: monitoring subject with result", "Seizure monitoring showed three electrographic seizures.", "SEIZURE",
     "Seizure", P),
    ("near: known epilepsy on monitoring", "Known epilepsy, on video-EEG monitoring.", "EPILEPSY", "epilepsy", P),
    ("near: surveillance MRI for glioma", "Surveillance MRI for the resected glioma.", "GLIOMA", "glioma", P),
    ("near: detected", "Seizures detected on cEEG overnight.", "SEIZURE", "Seizures", P),
    ("near: lymphoma on surveillance", "CNS lymphoma, on surveillance since 2019.", "CNS_LYMPHOMA", "CNS lymphoma", P),
    ("near: detection captured", "Seizure detection captured two seizures overnight.", "SEIZURE", "seizures", P),
    # ---- class 2: a signer's specialty
    ("reader MD parenthesis", "Reader: J. Doe, MD (Epilepsy / Clinical Neurophysiology)", "EPILEPSY", "Epilepsy",
     None),
    ("signed MD attending", "Electronically signed: A. Lee, MD, Epilepsy Attending", "EPILEPSY", "Epilepsy", None),
    ("line wraps", "Electronically signed by\nA. Lee, MD,\nEpilepsy Attending", "EPILEPSY", "Epilepsy", None),
    ("DO brain tumor", "Interpreted by: Maria Gonzalez, DO (Neuro-Oncology / Brain Tumor)", "BRAIN_TUMOR",
     "Brain Tumor", None),
    ("MBBS FRCP", "Signed: R. Okafor, MBBS, FRCP (Stroke & Epilepsy)", "EPILEPSY", "Epilepsy", None),
    ("MD PhD lymphoma", "K. Novak, MD, PhD (Lymphoma)", "CNS_LYMPHOMA", "Lymphoma", None),
    ("fellow comma", "Fellow, Epilepsy and Clinical Neurophysiology", "EPILEPSY", "Epilepsy", None),
    ("dr dash", "Dr Smith - Epilepsy", "EPILEPSY", "Epilepsy", None),
    ("dr dash glioma", "Dr. Smith - Neuro-Oncology (Glioma)", "GLIOMA", "Glioma", None),
    ("NP dash", "Jane Roe, NP - Epilepsy", "EPILEPSY", "Epilepsy", None),
    ("fellow colon name", "Fellow: Priya Nair, MD, Epilepsy", "EPILEPSY", "Epilepsy", None),
    ("attending lower case paren", "Attending: K. Osei, MD (epilepsy)", "EPILEPSY", "epilepsy", None),
    ("epilepsy fellow", "Reader: Dr. T. Brennan, Epilepsy Fellow", "EPILEPSY", "Epilepsy", None),
    # ---- class 2 near misses
    ("near: body after signature", "Electronically signed: A. Lee, MD\nAssessment: epilepsy, well controlled.",
     "EPILEPSY", "epilepsy", P),
    ("near: epilepsy patient", "She is an epilepsy patient.", "EPILEPSY", "epilepsy", P),
    ("near: problem row", "Epilepsy: well controlled.", "EPILEPSY", "Epilepsy", P),
    ("near: next sentence", "Seen by J. Doe, MD. Epilepsy since childhood.", "EPILEPSY", "Epilepsy", P),
    ("near: problem list", "Problem list: Epilepsy (G40.909), Migraine", "EPILEPSY", "Epilepsy", P),
    ("near: impression after reader", "Reader: J. Doe, MD. Impression: findings consistent with glioma.", "GLIOMA",
     "glioma", P),
    ("near: patient dash", "Patient: Ana Ruiz - epilepsy, focal onset", "EPILEPSY", "epilepsy", P),
    ("near: dr diagnosed", "Dr Smith diagnosed epilepsy in 2015.", "EPILEPSY", "epilepsy", P),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_test_purposes_and_signatures(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                      expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)
