"""A report's impression quoted verbatim over several lines below its attribution, in a clinician's note, is the
read (through the real NLP stage to the facts; cue study.quoted_read_below in facts/imaging.py _quoted_read_below,
with study.quoted_read_other_source and study.spoken_read; the one-line form is study.quoted_reader_read,
tests/facts/test_quoted_impressions.py).

The layout: the note names a study (and its date) at the start of a paragraph, says the writer reviewed the images
and agrees with the radiologist's read or report, names the reader (in parentheses, after "per" or "by") and ends
the attribution with "impression:", "read:", "report:" or "conclusion:"; the quotation opens on the next line (often
indented, straight or curly quotes) and runs over several lines to its closing quote. Its verdict is the study's
read, in the packet: an inconclusive quote makes conventional_imaging_inconclusive (and mri_nondiagnostic for an
MRI) present, a conclusive one absent, a normal one prior_imaging_nonlesional present.

Near misses stay second-hand or unread (not documented): the same layout quoting a family member, a transfer sheet
or a discharge summary's paraphrase, the patient's account of a report that is not available, an attribution that
names no reader, a phoned preliminary read, a paragraph that says the report is not available with no quotation;
and a quotation of an OLDER study named in the same paragraph reads that study, not the newer one (the `studies`
column: ISO date -> whether that study is read inconclusive).

Rows: id, text, expected conventional_imaging_inconclusive, mri_nondiagnostic, prior_imaging_nonlesional, studies.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, FactStatus, FactStatus, FactStatus, dict[str, bool] | None]] = [
    ("agree with the read, reader in parentheses, indented",
     "MRI brain 08/14/2026 - images reviewed from the CD the parents brought in; I agree with the read\n"
     "(Dr. T. Marchetti, Riverside radiology), impression:\n"
     '    "Ill-defined T2/FLAIR hyperintensity in the left mesial temporal lobe with subtle\n'
     "    expansion. No enhancement. Differential includes limbic encephalitis, a low-grade\n"
     '    glioma and postictal change. Clinical correlation recommended."', P, P, N, None),
    ("agree with the report per Dr, curly quotes",
     "Brain MRI (10/03/2026): I have looked at the images myself and agree with the report per\n"
     "Dr. Ingrid Halvorsen, neuroradiology, impression:\n"
     "   \u201cTwo subcortical foci of T2 hyperintensity in the right frontal lobe, nonspecific.\n"
     "   No mass effect.\u201d", P, P, N, None),
    ("read: ending, quote not indented",
     "MRI head 09/30/2026 - reviewed with our team; agree with the read (Dr. M. Abara, neuroradiology), read:\n"
     '"Enhancing lesion of the left thalamus, indeterminate;\n'
     'lymphoma versus glioma versus demyelination."', P, P, N, None),
    ("six-line quote, British spelling, study on its own line",
     "MRI brain 02/10/2026. Images reviewed at the MDT; I agree with the radiologist's report\n"
     "(Dr. Siobhan Fairweather, neuroradiology, St Columba's), impression:\n"
     '      "There is an area of T2 signal change in the\n'
     "      left centrum semiovale measuring 14 mm.\n"
     "      It does not enhance and there is no restricted diffusion.\n"
     "      The appearances are non-specific;\n"
     "      the differential includes demyelination and a low-grade tumour.\n"
     '      Interval follow-up is advised."', P, P, N, None),
    ("abbreviations, Dr without a point",
     "MRI brain w/wo 10/05/2026 - imgs reviewed, agree w/ read per Dr Okafor (neurorad), impression:\n"
     '  "Nonspecific FLAIR hyperintensity R insula;\n'
     '  ddx infiltrative glioma vs cerebritis."', P, P, N, None),
    ("CT head, report: ending",
     "CT head 10/11/2026 - images reviewed; I agree with the report (Dr. R. Villanueva, radiology), report:\n"
     '  "Ill-defined hypodensity in the right parietal white matter,\n'
     '  indeterminate. Further characterisation recommended."', P, N, N, None),
    ("lower case, per dr, date on the first line",
     "mri brain 10/01/2026 - i agree with the read per dr. a. quaye, neuroradiology, impression:\n"
     '   "nonspecific punctate white matter foci, likely small vessel\n'
     '   change, but demyelination cannot be excluded."', P, P, N, None),
    ("three-line quote, plan after it",
     "MRI brain 09/09/2026 - I reviewed the images and agree with the report (Dr. H. Oyelaran,\n"
     "neuroradiology), impression:\n"
     '  "Solitary 9 mm enhancing nodule at the grey-white junction of the left parietal lobe.\n'
     "  Metastasis versus granuloma; cannot be characterised further\n"
     '  on conventional sequences."\n'
     "Plan: spectroscopy to characterise.", P, P, N, None),
    ("form field, study on the first line, dash before impression",
     "Prior imaging: MRI brain 06/18/2026\n"
     "Reviewed / agree with report (Dr. L. Ferreira, radiology) - impression:\n"
     '   "Expansile T2 hyperintense lesion of the right cingulate gyrus, indeterminate.\n'
     '   Low-grade glioma or focal cortical dysplasia."', P, P, N, None),
    ("conclusion: ending, reader after by",
     "MRI brain 07/07/2026 - disc reviewed; I concur with the report by Dr. B. Sandoval\n"
     "(neuroradiology), conclusion:\n"
     '    "Enhancing left frontal mass.\n'
     "    Glioma versus solitary metastasis,\n"
     '    equivocal."', P, P, N, None),
    ("conclusive quote", "MRI brain 10/20/2026 - films reviewed, I agree with the read\n"
     "(Dr. Y. Nakashima, neuroradiology), impression:\n"
     '   "Enhancing right frontal mass crossing the corpus callosum.\n'
     '   Findings diagnostic of a glioblastoma."', A, A, N, None),
    ("normal quote is non-lesional",
     "MRI brain 07/22/2026: images reviewed; I agree with the radiology report\n"
     "(Dr. P. Lindgren, Northgate Imaging), report:\n"
     '  "Normal MRI of the brain.\n'
     '  No intracranial abnormality."', A, A, P, None),
    ("reader wrapped over the line, curly quotes, read: ending",
     "MRI brain 10/18/2026 - outside disc reviewed by me; I agree with the read (per Dr. Q.\n"
     "Lam-Whitaker, neuroradiology), read:\n"
     "  \u201cSmall focus of restricted diffusion in the left caudate head, of uncertain\n"
     "  significance. Ischaemia versus an early inflammatory process.\u201d", P, P, N, None),
    # near misses: second-hand or unread stays so
    ("near: a family member quoted in the layout",
     "MRI brain 10/02/2026 - report not available to me; per his wife, impression:\n"
     '   "a small spot that is probably nothing,\n'
     '   nonspecific, they want another scan."', N, N, N, None),
    ("near: a transfer sheet quoted in the layout",
     "MRI brain 09/27/2026 - copied from the transfer sheet, impression:\n"
     '   "Indeterminate left frontal lesion.\n'
     '   Recommend contrast study."', N, N, N, None),
    ("near: a discharge summary's paraphrase quoted",
     "MRI brain 10/06/2026 - per the discharge summary from Bayview (Dr. C. Okonkwo, hospitalist), report:\n"
     '   "MRI showed nonspecific changes,\n'
     '   possibly inflammatory."', N, N, N, None),
    ("near: report not available, per the patient it showed",
     "MRI brain 08/30/2026 at an outside centre - report not available; per the patient it showed:\n"
     '   "a shadow, maybe\n'
     '   an infection or a tumour, they were not sure"', N, N, N, None),
    ("near: attribution names no reader, report missing",
     "MRI brain 10/09/2026 - written report not received; impression as relayed:\n"
     '   "Nonspecific white matter lesions,\n'
     '   demyelination versus small vessel disease."', N, N, N, None),
    ("near: phoned preliminary in the layout",
     "MRI brain 10/12/2026 - preliminary read phoned by Dr. N. Adeyemi (neuroradiology), impression:\n"
     '   "nonspecific white matter T2 hyperintensity,\n'
     '   final report to follow."', N, N, N, None),
    ("near: quote of an older CT in the same paragraph",
     "MRI brain 11/03/2026 - images reviewed; the written report is not available to me.\n"
     "For comparison, CT head 05/14/2025 (Dr. E. Marsh, radiology), impression:\n"
     '   "Subtle hypodensity of the left temporal lobe,\n'
     '   indeterminate."', P, N, N, {"2026-11-03": False, "2025-05-14": True}),
    ("near: quote of an older MRI in the same paragraph",
     "MRI brain 11/05/2026 - disc reviewed; report not yet received.\n"
     "The previous MRI brain 01/12/2025 (Dr. F. Ibekwe, neuroradiology), impression:\n"
     '   "Nonspecific right frontal T2 focus,\n'
     '   follow-up advised."', P, P, N, {"2026-11-05": False, "2025-01-12": True}),
    ("near: attribution names no reader, nothing missing",
     "MRI brain 10/09/2026 - outside study, impression:\n"
     '   "Nonspecific white matter lesions,\n'
     '   demyelination versus small vessel disease."', N, N, N, None),
    ("near: a referral letter's quote by the neurologist",
     "MRI brain 10/16/2026 - as quoted in the referral letter (Dr. V. Rao, neurologist), impression:\n"
     '   "Indeterminate enhancing lesion,\n'
     '   tumour versus inflammation."', N, N, N, None),
    ("near: the patient's own words below the study",
     "MRI brain 09/19/2026 - I have not seen the report; in the patient's own words, impression:\n"
     '   "something small and unclear,\n'
     '   they could not say what it was"', N, N, N, None),
    ("near: report not available, no quotation",
     "MRI brain 10/14/2026 - the family brought the disc; I have not seen the report (read at\n"
     "Westfield radiology). They were told it showed a nonspecific spot.", N, N, N, None),
]


@pytest.mark.parametrize(("case", "text", "inconclusive", "nondiagnostic", "nonlesional", "studies"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_quoted_impression_below_its_attribution_is_the_read(  # type: ignore[no-untyped-def]
        analyze, case, text, inconclusive, nondiagnostic, nonlesional, studies):
    facts = facts_of(analyze, text + "\n" + REQUEST_TAIL)
    for name, expected in (("conventional_imaging_inconclusive", inconclusive), ("mri_nondiagnostic", nondiagnostic),
                           ("prior_imaging_nonlesional", nonlesional)):
        f = facts.facts[name]
        assert f.status is expected, (name, f.note, [(e.text, e.attributes) for e in f.evidence])
    for when, read_inconclusive in (studies or {}).items():
        study = next(s for s in facts.imaging if s.date == when)
        assert ("inconclusive" in study.verdicts) is read_inconclusive, (when, study.verdicts)
