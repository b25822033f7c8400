"""A report's impression quoted verbatim and attributed to its reader, in a clinician's note, is the read (through
the real NLP stage to the facts; cue study.quoted_reader_read in facts/imaging.py _report_told).

'MRI brain 10/12/2026 - impression per Dr. N. Okoro, neuroradiology (report in chart): "... The findings are
nonspecific."': the quotation is the radiologist's own words, not hearsay, so its verdict counts (here
inconclusive: conventional_imaging_inconclusive and mri_nondiagnostic present), even when the note says the full
report stays in the chart. Near misses stay second-hand (not documented): a paraphrase ("reportedly showed", "per
mother", "per the ED doctor") with a statement that the report is missing, a quotation of a lay person, a quotation
of a transfer sheet, and a reader's words given by phone ("phoned prelim", study.spoken_read).

Rows: id, text, expected conventional_imaging_inconclusive, expected mri_nondiagnostic.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, FactStatus, FactStatus]] = [
    ("impression per Dr, neuroradiology, report in chart", 'MRI brain 10/12/2026 - impression per Dr. N. Okoro, '
     'neuroradiology (report in chart): "Bilateral symmetric periventricular white matter T2 hyperintensity. The '
     'findings are nonspecific."', P, P),
    ("impression per Dr, parenthesised specialty", 'MRI brain 10/12/2026, impression per Dr. Hana Lindqvist '
     '(neuroradiology): "Confluent deep white matter T2 hyperintensity, nonspecific; leukodystrophy versus toxic '
     'leukoencephalopathy."', P, P),
    ("report per Dr, curly quotes", "MRI head 09/30/2026 - report per Dr. A. Mensah, radiology: \u201cEnhancing "
     "focus in the left frontal white matter, indeterminate.\u201d", P, P),
    ("the radiologist's impression quoted", "MRI brain 10/02/2026. The radiologist's impression reads: \"Symmetric "
     'pallidal T2 signal, of uncertain aetiology."', P, P),
    ("neuroradiology impression, full report stays in chart", 'MRI BRAIN 10/12/2026 (full report in the chart) - '
     'neuroradiology impression: "Diffuse white matter signal abnormality, nonspecific. Differential includes '
     'inherited and acquired leukoencephalopathies."', P, P),
    ("read by Dr, quoted, lower case", 'mri brain 10/12/2026 read by dr. p. osei (neuroradiologist): "nonspecific '
     'periventricular white matter change; cannot distinguish demyelination from a leukodystrophy."', P, P),
    ("CT impression per Dr, radiology", 'CT head 10/05/2026 - impression per Dr. R. Castillo, radiology: '
     '"Hypodense right temporal lesion, cannot be further characterised."', P, N),
    ("quoted impression, conclusive", 'MRI brain 10/12/2026 - impression per Dr. N. Okoro, neuroradiology (report '
     'in chart): "Findings diagnostic of a left frontal glioma."', A, A),
    ("quoted impression wrapped over two lines", 'MRI brain 10/12/2026 - impression per Dr. J. Byrne,\n'
     'neuroradiology: "Bilateral symmetric T2 hyperintensity of the dentate nuclei,\nindeterminate."', P, P),
    ("conclusion per Dr, report in EHR", 'MRI brain 11/01/2026 - conclusion per Dr. S. Iyer, neuroradiology (report '
     'in the EHR): "Leukoencephalopathy, cause undetermined."', P, P),
    ("radiologist quoted, report not attached", 'MRI brain 10/12/2026, report in chart, not attached. Neuroradiology '
     'impression (Dr. N. Okoro): "Confluent periventricular signal abnormality, nonspecific."', P, P),
    ("impression per Dr, British spelling", 'MRI brain 10/12/2026 - impression per Dr. Clare Whitfield, '
     'neuroradiology: "Periventricular white matter signal change, non-specific; aetiology undetermined."', P, P),
    # near misses: second-hand stays second-hand
    ("near: reportedly showed, report missing", "The outside MRI brain 10/12/2026 reportedly showed nonspecific "
     "white matter changes; the report is not in the packet.", N, N),
    ("near: per mother, quoted, report missing", 'Per mother, the MRI brain 10/12/2026 showed "some white spots, '
     'nonspecific". The report has not been received.', N, N),
    ("near: per the ED doctor, quoted", 'Per the ED doctor, the CT head 10/12/2026 "showed a nonspecific '
     'hypodensity"; report not available.', N, N),
    ("near: per the transfer sheet, quoted", 'Per the transfer sheet, MRI brain 10/12/2026: "nonspecific white '
     'matter changes".', N, N),
    ("near: a lay quote of the result", 'Her husband says the MRI brain 10/12/2026 "showed something nonspecific, '
     'nothing to worry about".', N, N),
    ("near: phoned prelim quoted", 'MRI brain 10/12/2026 - preliminary read phoned by Dr. N. Okoro, neuroradiology: '
     '"nonspecific white matter T2 hyperintensity". Final report to follow.', N, N),
    ("near: a records table quotes the report's status", 'The outside MRI brain 10/12/2026 possibly showed a '
     'nonspecific focus; final report not received.\nRecord                              | Received | Note\n'
     'MRI brain 10/12 - radiology report | NO       | "not finalized" per HIM', N, N),
    ("near: radiology report row quoted as not released", 'Per the outside ED physician, the MRI brain 10/12/2026 '
     'showed an indeterminate enhancing focus; the written report has not arrived.\nRadiology report (10/12): '
     '"not released" - requested again.', N, N),
]


@pytest.mark.parametrize(("case", "text", "inconclusive", "nondiagnostic"), CASES, ids=[c[0] for c in CASES])
def test_a_quoted_impression_is_the_read(analyze, case, text, inconclusive, nondiagnostic):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text + "\n" + REQUEST_TAIL)
    for name, expected in (("conventional_imaging_inconclusive", inconclusive), ("mri_nondiagnostic", nondiagnostic)):
        f = facts.facts[name]
        assert f.status is expected, (name, f.note, [(e.text, e.attributes) for e in f.evidence])
