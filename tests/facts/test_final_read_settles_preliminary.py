"""A preliminary read's tumour-versus-non-tumour differential that the attending's addendum or final read of the same
study settles, in the report and in a clinic note that repeats the preliminary read, through the real NLP stage to the
facts (tumor_vs_nontumor_differential, conventional_imaging_inconclusive, brain_metastasis, brain_infection, ...).

Class: the preliminary read gives a differential ("Abscess versus necrotic metastasis"); a later ADDENDUM or FINAL
read by the attending settles it ("the appearance is characteristic of a pyogenic abscess. Necrotic metastasis is
excluded"), and a clinic note repeats the preliminary read ("the overnight read says abscess versus necrotic tumour;
final pending"). The differential used to stay present, for two reasons:

1. The headings sign the read with the reader, a name, a date and a time in the parentheses ("PRELIMINARY REPORT
   (resident, 11/03/2026 22:10):", "ADDENDUM (attending neuroradiologist, 11/05/2026 07:40):", "FINAL REPORT (Dr.
   Osei, neuroradiology, 11/04/2026 09:02):", "Wet read (Dr. Lee, PGY-3, 11/03/2026 at 23:10):"): they were no
   headings, so the addendum was no addendum. They are now (pipeline/nlp/resources/sections.yaml sec.preliminary_read,
   sec.final_read, sec.addendum_dated: a reader word, a date or a time inside the parentheses), and the older rules
   settle the preliminary read (supersede.conclusive_addendum, supersede.addendum_excludes).
2. A clinic note dated after the study ("ID CLINIC 07/10/2026 / Per the wet read, lymphoma vs toxoplasmosis", "the
   overnight read says ..." under "CLINIC 11/04/2026") was matched to the amended report by its own date, which is not
   the study's. Now a note that cites a preliminary read by name (supersede.preliminary_read_named, which no longer needs
   the word "preliminary": "overnight read", "wet read") with no date of the study cites the latest report dated on or
   before the note's date (pipeline/facts/supersession.py _latest_report); that report's final read settles the copy.

Near misses keep the differential: an addendum that only adds a measurement; an addendum that keeps the other item
("necrotic metastasis cannot be excluded"); an addendum that excludes a third diagnosis, not in the differential ("No
acute infarct. No haemorrhage."); a note that repeats the preliminary read when no final read exists; a final read of
a different, earlier study (another report, or a note whose latest study is still preliminary).

Limits: a clinic note whose heading the sectioner does not know ("NEUROSURGERY CLINIC 11/04/2026" after a report
with no page-level section) runs on inside the report's addendum section, so a final read of an earlier study right
before it may still reach the note's differential (the heading, not this rule); a note that repeats the preliminary
read without naming it as one ("the MRI showed abscess versus metastasis") is not a copy; a note with no date at all is
matched only when the packet has a single amended report (the older rule).

Rows: id -> (text, {fact: expected status}); a request date is appended. Rows whose id starts with "near" must keep
their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
D, INC = "tumor_vs_nontumor_differential", "conventional_imaging_inconclusive"
MET, INF, GLIOMA, LYM = "brain_metastasis", "brain_infection", "glial_neoplasm", "cns_lymphoma"

NOTE = ("Clinic note:\nSeen 11/04/2026. MRI brain: new 9 mm rim-enhancing focus R frontal; the preliminary read last "
        "night says abscess versus necrotic metastasis and recommends spectroscopy or short-interval follow-up.\n")
REPORT = ("MRI BRAIN WITH AND WITHOUT CONTRAST 11/03/2026\nPRELIMINARY REPORT (resident, 11/03/2026 23:05):\n"
          "Findings: 9 mm rim-enhancing focus in the right frontal lobe with central restricted diffusion.\n"
          "Impression: Abscess versus necrotic metastasis.\n")
ABSCESS = ("ADDENDUM (attending neuroradiologist, 11/05/2026 08:15): On review of the diffusion series the appearance "
           "is characteristic of a pyogenic abscess. Necrotic metastasis is excluded. No other lesion.\n")
METASTASIS = ("ADDENDUM (attending neuroradiologist, 11/05/2026 08:15): On review, the appearance is typical of a "
              "solitary necrotic metastasis. Abscess is excluded.\n")
TOXO = ("MRI BRAIN 07/08/2026\nPreliminary report (resident, 07/08/2026 21:40): solitary enhancing basal ganglia "
        "lesion, lymphoma versus toxoplasmosis.\n")
CALLOSAL = ("MRI BRAIN 09/12/2026\nWet read (Dr. Lee, PGY-3, 09/12/2026 at 02:30): large enhancing lesion crossing the "
            "corpus callosum, high-grade glioma versus tumefactive demyelination.\n")

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. the attending's addendum or final read settles the preliminary differential of the report
    "addendum-abscess-metastasis-excluded": (REPORT + ABSCESS, {D: N, MET: A, INF: P, INC: A}),
    "addendum-metastasis-abscess-excluded": (REPORT + METASTASIS, {D: N, INF: A, INC: A}),
    "final-report-signed-by-name": (
        REPORT + "FINAL REPORT (Dr. Osei, neuroradiology, 11/04/2026 09:02): Characteristic of a pyogenic abscess. "
                 "Metastasis is excluded.\n", {D: N, MET: A, INF: P}),
    "final-read-glioma-demyelination-excluded": (
        CALLOSAL + "FINAL READ (attending, 09/12/2026 10:45): Diagnostic of a high-grade glioma. Tumefactive "
                   "demyelination is excluded.\n", {D: N, GLIOMA: P}),
    "addendum-toxoplasmosis-lymphoma-excluded": (
        TOXO + "Addendum (attending, 07/09/2026 08:00): Appearance is characteristic of toxoplasmosis. Lymphoma is "
               "excluded.\n", {D: N, INF: P, INC: A}),
    "addendum-at-time-no-colon": (
        TOXO + "ADDENDUM (Dr. Haas, attending, 07/09/2026 at 08:00)\nTypical of toxoplasmosis; lymphoma excluded.\n",
        {D: N, INF: P}),
    # 2. a clinic note that repeats the preliminary read is settled with it
    "note-before-report-abscess": (NOTE + "\f" + REPORT + ABSCESS, {D: N, MET: A, INF: P}),
    "note-before-report-metastasis": (NOTE + "\f" + REPORT + METASTASIS, {D: N, INF: A}),
    "note-overnight-read-final-pending": (
        "CLINIC 11/04/2026\nThe overnight read says abscess versus necrotic tumour; final pending.\n\f"
        + REPORT + ABSCESS, {D: N, MET: A}),
    "note-after-report-quotes-overnight-read": (
        REPORT + ABSCESS + "\fProgress note:\nSeen 11/06/2026. The overnight read had said abscess versus necrotic tumour; we "
                           "started ceftriaxone and metronidazole.\n", {D: N, MET: A, INC: A}),
    "note-per-the-wet-read": (
        "ID CLINIC 07/10/2026\nPer the wet read, lymphoma vs toxoplasmosis; empiric pyrimethamine started.\n\f" + TOXO
        + "Addendum (attending, 07/09/2026 08:00): Appearance is characteristic of toxoplasmosis. Lymphoma is "
          "excluded.\n", {D: N, INF: P}),
    "note-resident-read-glioma": (
        "NEURO-ONCOLOGY 09/14/2026\nThe resident read called it high-grade glioma or tumefactive demyelination.\n\f"
        + CALLOSAL + "FINAL READ (attending, 09/12/2026 10:45): Diagnostic of a high-grade glioma. Tumefactive "
                     "demyelination is excluded.\n", {D: N, GLIOMA: P}),
    "consult-note-dated-wet-read": (
        "Neurology consult:\nOn 11/04/2026 the wet read said glioblastoma vs abscess; final pending.\n\f"
        "MRI BRAIN 11/03/2026\nWet read (fellow, 11/03/2026 22:00): glioblastoma versus abscess.\n"
        "Final read (attending, 11/04/2026 08:30): Glioblastoma. No abscess.\n", {D: N, GLIOMA: P}),
    # 3. near misses: the differential stays
    "near-addendum-adds-a-measurement": (
        NOTE + "\f" + REPORT + "ADDENDUM (attending, 11/05/2026 08:15): The focus measures 9 x 8 mm on the axial "
                               "post-contrast series.\n", {D: P, INC: P}),
    "near-addendum-cannot-be-excluded": (
        NOTE + "\f" + REPORT + "ADDENDUM (attending, 11/05/2026 08:15): Favour pyogenic abscess; necrotic metastasis "
                               "cannot be excluded.\n", {D: P, MET: S, INC: P}),
    "near-addendum-excludes-a-third-diagnosis": (
        NOTE + "\f" + REPORT + "ADDENDUM (attending, 11/05/2026 08:15): No acute infarct. No haemorrhage.\n",
        {D: P, MET: S}),
    "near-final-read-excludes-infarct-only": (
        CALLOSAL + "FINAL READ (attending, 09/12/2026 10:45): Subacute infarct is excluded.\n", {D: P}),
    "near-note-repeats-prelim-no-final": (NOTE + "\f" + REPORT, {D: P, MET: S, INC: P}),
    "near-note-overnight-read-only": (
        "CLINIC 11/04/2026\nThe overnight read says abscess versus necrotic tumour; final pending.\n", {D: P}),
    "near-final-read-of-an-earlier-study": (
        NOTE + "\f" + REPORT + "\fCT HEAD 10/20/2026\nFINAL REPORT (attending, 10/20/2026): Characteristic of a "
                               "pyogenic abscess. Metastasis is excluded.\n", {D: P, MET: S}),
    "near-note-cites-the-later-unsettled-study": (
        TOXO + "Addendum (attending, 07/09/2026 08:00): Appearance is characteristic of toxoplasmosis. Lymphoma is "
               "excluded.\n\fProgress note:\nNew thalamic lesion on 10/01/2026; per the wet read, lymphoma vs "
        "toxoplasmosis again.\n\f"
        + "MRI BRAIN 10/01/2026\nPreliminary report (resident, 10/01/2026 22:00): new enhancing thalamic lesion.\n",
        {D: P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_final_read_settles_preliminary(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                        expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
