"""A PDF's text layer keeps the columns of a line (pipeline/ingest/pdf.py, _spread): a gap of two character widths or
more between two words stays a run of spaces, so a safety screen answered in "Y  N" columns reads the same from the
PDF as from the text it was rendered from, with both extractors (pdfplumber, and pdfium for files pdfminer cannot
read). Near misses: prose, lists, justified text and single-space gaps come out with single spaces, as before.

Each PDF is rendered from a short fresh text by the project's renderer (corpus/evaluation.py render_pdf).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus
from pipeline.corpus.evaluation import render_pdf
from pipeline.facts import map_facts
from pipeline.ingest.pdf import OcrSettings, PdfText, _extract_pdfium_pages, extract_pdf

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REQUEST = "Date of request: 03/14/2027\nMR spectroscopy of the brain requested for a right parietal lesion.\n"
NO_OCR = OcrSettings(enabled=False)


def _pdfplumber(data: bytes) -> PdfText:
    return extract_pdf(data, name="screen.pdf", max_pages=10, ocr=NO_OCR)


def _pdfium(data: bytes) -> PdfText:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return _extract_pdfium_pages(pdf, name="screen.pdf", ocr=NO_OCR)
    finally:
        pdf.close()


EXTRACTORS: dict[str, Callable[[bytes], PdfText]] = {"pdfplumber": _pdfplumber, "pdfium": _pdfium}


@pytest.fixture(params=EXTRACTORS.keys())
def read_pdf(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[str], PdfText]:
    """A text -> its text layer after rendering it to PDF, read by one extractor."""
    extract = EXTRACTORS[request.param]

    def read(text: str) -> PdfText:
        source = tmp_path / "packet.txt"
        source.write_text(text, encoding="utf-8")
        return extract(render_pdf(source, tmp_path).read_bytes())

    return read


# (a) answers in columns: the fact and its status, read alike from the text and from its PDF
COLUMNS = {
    "yn-x-under-n": ("mri_contraindication",
                     "Metal screen             Y    N\n"
                     "Cardiac pacemaker             X\n"
                     "Cochlear implant              X\n", A),
    "yn-x-under-y": ("mri_contraindication",
                     "Metal screen             Y    N\n"
                     "Cardiac pacemaker        X\n"
                     "Cochlear implant              X\n", P),
    "yes-no-second-row-yes": ("mri_contraindication",
                              "Implants                Yes   No\n"
                              "Aneurysm clip                  X\n"
                              "Spinal cord stimulator   X\n", P),
    "yes-no-all-no": ("mri_contraindication",
                      "Implants                Yes   No\n"
                      "Aneurysm clip                  X\n"
                      "Spinal cord stimulator         X\n", A),
    "check-marks-no": ("mri_contraindication",
                       "Device check               Y     N\n"
                       "Implanted defibrillator          \u2713\n"
                       "Insulin pump                     \u2713\n", A),
    "check-marks-yes": ("mri_contraindication",
                        "Device check               Y     N\n"
                        "Implanted defibrillator    \u2713\n", P),
    "indented-rows-no": ("mri_contraindication",
                         "PRE-SCAN SAFETY                 Y    N\n"
                         "    Pacemaker / ICD                  x\n"
                         "    Neurostimulator                  x\n", A),
    "indented-rows-yes": ("mri_contraindication",
                          "PRE-SCAN SAFETY                 Y    N\n"
                          "    Pacemaker / ICD                  x\n"
                          "    Neurostimulator             x\n", P),
    "header-without-title": ("mri_contraindication",
                             "                          Y   N\n"
                             "Vagus nerve stimulator        X\n", A),
    "columns-far-right-no": ("pet_same_workup",
                             "Other studies for this workup                           Yes      No\n"
                             "FDG PET requested                                                X\n", A),
    "columns-far-right-yes": ("pet_same_workup",
                              "Other studies for this workup                           Yes      No\n"
                              "FDG PET requested                                       X\n", P),
    "columns-nothing-ticked": ("mri_contraindication",
                               "Metal screen             Y    N\n"
                               "Cardiac pacemaker\n"
                               "Cochlear implant\n", N),
}


@pytest.mark.parametrize(("fact_name", "screen", "status"), COLUMNS.values(), ids=COLUMNS.keys())
def test_a_column_answers_read_alike_from_text_and_pdf(analyze, read_pdf,  # type: ignore[no-untyped-def]
                                                       fact_name: str, screen: str, status: FactStatus) -> None:
    text = REQUEST + screen
    from_text = facts_of(analyze, text).facts[fact_name]
    assert from_text.status is status, f"text: {from_text.status.value} ({from_text.note})"
    pdf = read_pdf(text)
    from_pdf = map_facts(analyze(pdf.text), text=pdf.text, layout=pdf.layout).facts[fact_name]
    assert from_pdf.status is status, f"PDF: {from_pdf.status.value} ({from_pdf.note}); text {pdf.text!r}"
    for line in screen.splitlines():
        if line.strip():
            assert line.rstrip() in pdf.text.split("\n"), "the line keeps its columns"


# (b) near misses: the PDF's lines hold the text's words with the text's spacing between them; where the text had
# single spaces only, the line is exactly as before (indentation is not kept)
NEAR_MISSES = {
    "prose-paragraph": "The patient is a 58-year-old man with a right parietal lesion seen on MRI.\n"
                       "Perfusion is equivocal, and spectroscopy is requested before any biopsy.\n",
    "numbered-list": "Plan:\n1. MR spectroscopy of the lesion.\n2. Follow up in clinic in two weeks.\n"
                     "3. Continue dexamethasone 4 mg daily.\n",
    "indented-bullets": "Medications:\n  - levetiracetam 750 mg twice daily\n  - dexamethasone 2 mg daily\n",
    "single-gap-page-number": "Neurology consultation note                                       Page 2\n"
                              "Seen today with her husband.\n",
    "justified-monospace": "The  lesion  enhances  after  contrast  and  shows  restricted  diffusion,\n"
                           "which is why a spectroscopic study was proposed at tumor board.\n",
    "two-spaces-after-period": "No seizures since June.  Headaches are improving.  Sleeping well.\n",
    "label-value-pairs": "Name: Ana Ruiz   DOB: 02/11/1969   MRN 5550123\nReferring: Dr. Okafor\n",
    "y-and-n-in-prose": "Answer Y or N to each item below.\nThe patient said N to all of them.\n",
}


@pytest.mark.parametrize("text", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_b_near_misses_keep_their_words_and_single_spaces(read_pdf, text: str) -> None:  # type: ignore[no-untyped-def]
    pdf = read_pdf(text)
    lines = pdf.text.split("\n")
    expected = text.rstrip("\n").split("\n")
    assert len(lines) == len(expected)
    for got, want in zip(lines, expected, strict=True):
        assert got.lstrip() == want.strip()
        if "  " not in want.strip():
            assert len(got) - len(got.lstrip()) <= 1  # as before: no indentation, or pdfium's one space


def test_b_justified_proportional_text_keeps_single_spaces(tmp_path: Path) -> None:
    """Justified prose in a proportional font: its stretched word gaps stay single spaces."""
    from reportlab.pdfgen.canvas import Canvas

    lines = ["Restricted diffusion and a raised choline peak favour a high grade glioma,",
             "although radiation necrosis cannot be excluded on these images alone and",
             "a short interval study was discussed."]
    path = tmp_path / "justified.pdf"
    canvas = Canvas(str(path), pagesize=(612, 792), invariant=1)
    text = canvas.beginText(72, 700)
    text.setFont("Helvetica", 10)
    for line, word_space in zip(lines, (2.5, 4.0, 0.0), strict=True):  # stretched gaps: up to 1.5 letters wider
        text.setWordSpace(word_space)
        text.textLine(line)
    canvas.drawText(text)
    canvas.save()
    for extract in EXTRACTORS.values():
        assert extract(path.read_bytes()).text.split("\n") == lines


def test_boxes_stay_on_their_characters_in_a_laid_out_line(tmp_path: Path) -> None:
    """The spaces of a kept gap carry no box; every other character keeps its glyph's box."""
    source = tmp_path / "screen.txt"
    source.write_text("Metal screen             Y    N\nCardiac pacemaker             X\n", encoding="utf-8")
    pdf = _pdfplumber(render_pdf(source, tmp_path).read_bytes())
    x = pdf.text.rindex("X")
    n = pdf.text.index("N")
    [x_box] = pdf.layout.boxes_for(x, x + 1)
    [n_box] = pdf.layout.boxes_for(n, n + 1)
    assert x_box.x0 == pytest.approx(n_box.x0, abs=0.5)  # the X sits under the N
    gap = pdf.text.rindex("r", 0, x) + 1
    assert all(pdf.layout.box_of(k) is None for k in range(gap, x))
    assert len(pdf.layout) == len(pdf.text)


PROPORTIONAL = {
    "all-under-n": ([("Cardiac pacemaker", "N"), ("Implanted neurostimulator", "N"), ("Cochlear implant", "N")], A),
    "one-under-y": ([("Cardiac pacemaker", "N"), ("Aneurysm clip", "Y"), ("Cochlear implant", "N")], P),
}


@pytest.mark.parametrize(("rows", "status"), PROPORTIONAL.values(), ids=PROPORTIONAL.keys())
@pytest.mark.parametrize("extractor", EXTRACTORS.keys())
def test_a_columns_in_a_proportional_font(analyze, tmp_path: Path, extractor: str,  # type: ignore[no-untyped-def]
                                          rows: list[tuple[str, str]], status: FactStatus) -> None:
    """A form drawn in Helvetica with its answers at tab stops: each word after a wide gap is placed by its
    distance from the left edge, so the X lines up with its column letter although the labels differ in width."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "form.pdf"
    canvas = Canvas(str(path), pagesize=(612, 792), invariant=1)
    canvas.setFont("Helvetica", 10)
    y = 700.0
    for line in REQUEST.splitlines():
        canvas.drawString(72, y, line)
        y -= 14
    canvas.drawString(72, y, "MRI SAFETY SCREEN")
    stops = {"Y": 300.0, "N": 330.0}
    for letter, x in stops.items():
        canvas.drawString(x, y, letter)
    for label, answer in rows:
        y -= 14
        canvas.drawString(80, y, label)
        canvas.drawString(stops[answer], y, "X")
    canvas.save()
    pdf = EXTRACTORS[extractor](path.read_bytes())
    fact = map_facts(analyze(pdf.text), text=pdf.text, layout=pdf.layout).facts["mri_contraindication"]
    assert fact.status is status, f"{fact.status.value} ({fact.note}); text {pdf.text!r}"


# a blank line between paragraphs is space on the page, which the text layer drops: it comes back from the lines'
# vertical positions (pdf.PARAGRAPH_GAP); lines set one after another stay one after another
PARAGRAPHS = {
    "two paragraphs": "The first paragraph\nends here.\n\nThe second begins after a blank line.",
    "three paragraphs, wrapped": "HPI: seizures since July,\nnow weekly.\n\nExam: nonfocal.\n\nPlan: MRS.",
    "a header above its lines": "FAMILY HISTORY:\nFather: glioblastoma.\nMother: epilepsy.\n\nHPI: headaches.",
    "no blank line at all": "Line one of a note.\nLine two of the note.\nLine three of the note.",
    "two blank lines read as one": "Assessment: stable.\nNo change.\n\n\nPlan: follow up.",
}


@pytest.mark.parametrize("text", PARAGRAPHS.values(), ids=PARAGRAPHS.keys())
def test_paragraph_breaks_come_back(read_pdf: Callable[[str], PdfText], text: str) -> None:
    got = [line.rstrip() for line in read_pdf(text).text.split("\n")]
    assert got == re.sub(r"\n{3,}", "\n\n", text).split("\n")
