"""Fax transmission lines: recognised by data-driven rules, dated, and blanked in nlp_text only."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from pipeline.ingest import load_document
from pipeline.ingest.transmission import load_rules, match_line, parse_date

RenderPdf = Callable[..., Path]

POSITIVES = [
    # (line, rule id, ISO date)
    (
        "11/18/2026 15:41 FROM: Lakeside Neurology 555-201-3344 TO: UM Intake PAGE 2/3",
        "tx.page_of",
        "2026-11-18",
    ),
    ("NOV-18-2026 03:41P FROM:NEURO ASSOC 5552013344 TO:18005550100 P.001/003", "tx.page_of", "2026-11-18"),
    ("P.002/003", "tx.page_counter_alone", None),
    ("Page 3 of 4", "tx.page_counter_alone", None),
    ("- Pg 2/3 -", "tx.page_counter_alone", None),
    ("Fax Server  11/18/2026 3:41:07 PM  PAGE 1 OF 4", "tx.page_of", "2026-11-18"),
    ("Received: 11/18/2026 15:42  Fax ID 5552013344  Pg 3/4", "tx.page_of", "2026-11-18"),
    ("11/18/26 3:41PM  Lakeside Neurology  5552013344  pg 2 of 5", "tx.page_of", "2026-11-18"),
    ("18-Nov-2026 14:03 From: +1 555 201 3344 To: 1-800-555-0100", "tx.from_to", "2026-11-18"),
    ("From: Lakeside Neurology (555) 201-3344  To: UM Intake", "tx.from_to", None),
    ("2026-11-18 09:12 FAX (555) 201-3344 Lakeside Neurology", "tx.stamp", "2026-11-18"),
    ("RCVD 11/18/2026 15:42 Lakeside Neurology", "tx.stamp", "2026-11-18"),
    ("Nov-18-2026 03:41 PM  Fax: 555-201-3344", "tx.stamp", "2026-11-18"),
    ("02/29/2028 23:59  Lakeside Neurology  p.2", "tx.stamp", "2028-02-29"),
]

NEGATIVES = [
    "Seen on 11/18/2026 for follow-up.",
    "MRI 10/02/2026: indeterminate lesion",
    "Page 2 of the office note is attached",
    "Please fax the results to 555-201-3344.",
    "Follow-up visit 11/18/2026 15:40 with Dr. Lee, MRI reviewed.",
    "From: patient's mother, who reports new seizures.",
    "BP 128/82, HR 74, seen 11/18/2026 10:15.",
    "Referred to: Neuro-oncology clinic, phone 555-201-3344",
    "See page 2/3 of the MRI report for the spectroscopy table",
    "Call 555-201-3344 on 11/18/2026 to schedule the MRS.",
    "Received: outside MRI images on CD, 11/18/2026.",
    "Glioblastoma, WHO grade 4, biopsy 2026-11-18 at 09:30.",
    "Fax number on file: 555-201-3344",
    "p53 and IDH1 R132H immunostains were performed on 11/18/2026 10:15.",
    "Levetiracetam 500 mg started 11/18/2026 at 08:00, page 2 lists doses.",
    "Ki-67 index 25%; MIB-1 2/3 fields; lesion 2.1 x 1.8 cm.",
]


@pytest.mark.parametrize(("line", "rule_id", "date"), POSITIVES, ids=[p[0][:32] for p in POSITIVES])
def test_transmission_line_positives(line: str, rule_id: str, date: str | None) -> None:
    assert match_line(line) == rule_id
    assert parse_date(line) == date


@pytest.mark.parametrize("line", NEGATIVES, ids=[n[:32] for n in NEGATIVES])
def test_clinical_lines_are_not_transmission_lines(line: str) -> None:
    assert match_line(line) is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("11/18/2026", "2026-11-18"),
        ("2026-11-18", "2026-11-18"),
        ("NOV-18-2026", "2026-11-18"),
        ("18-Nov-2026", "2026-11-18"),
        ("11/18/26", "2026-11-18"),
        ("sent 13/45/2026 then 01/02/2027", "2027-01-02"),  # invalid first date skipped
        ("02/30/2026", None),
        ("no date here", None),
    ],
)
def test_parse_date(line: str, date: str | None) -> None:
    assert parse_date(line) == date


def test_rules_are_packaged_data_with_stable_unique_ids() -> None:
    source = resources.files("pipeline.ingest.resources").joinpath("transmission_rules.json")
    raw = json.loads(source.read_text(encoding="utf-8"))
    assert isinstance(raw, list) and raw
    assert {"id", "pattern", "description"} <= set(raw[0])
    ids = [item["id"] for item in raw]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"tx\.[a-z_]+", i) for i in ids)
    assert [rule.id for rule in load_rules()] == ids
    assert {p[1] for p in POSITIVES} == set(ids)  # every rule is exercised by the table above


FAX_HEADER = "11/18/2026 15:41 FROM: Lakeside Neurology 555-201-3344 TO: UM Intake PAGE {page}/{pages}"
BODY = [
    "Referral for MR spectroscopy. Seen on 11/18/2026 for follow-up.",
    "MRI 10/02/2026: indeterminate lesion\nPage 2 of the office note is attached",
    "Plan: MRS of the left temporal lobe.\nP.003/003",
]


def test_transmission_lines_on_every_page_of_a_rendered_fax(render_pdf: RenderPdf) -> None:
    doc = load_document(render_pdf("\f".join(BODY), fax_header=FAX_HEADER))
    lines = doc.info.transmission_lines
    assert [(t.page, t.rule_id) for t in lines] == [
        (1, "tx.page_of"),
        (2, "tx.page_of"),
        (3, "tx.page_of"),
        (3, "tx.page_counter_alone"),
    ]
    for number, line in enumerate(lines[:3], start=1):
        assert line.text == FAX_HEADER.format(page=number, pages=3)
        assert line.date == "2026-11-18"
        page = doc.info.pages[line.page - 1]
        assert page.start <= line.start < line.end <= page.end
    for line in lines:
        assert doc.text[line.start : line.end] == line.text


def test_nlp_text_blanks_exactly_the_transmission_lines(render_pdf: RenderPdf) -> None:
    doc = load_document(render_pdf("\f".join(BODY), fax_header=FAX_HEADER))
    assert len(doc.nlp_text) == len(doc.text)
    blanked: set[int] = set()
    for line in doc.info.transmission_lines:
        blanked.update(range(line.start, line.end))
    for i, (original, nlp) in enumerate(zip(doc.text, doc.nlp_text, strict=True)):
        assert nlp == (" " if i in blanked else original), i
    assert "FROM:" not in doc.nlp_text and "Seen on 11/18/2026" in doc.nlp_text


def test_transmission_lines_in_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "fax.txt"
    path.write_text(
        "  P.001/002  \nSeen on 11/18/2026.\fReceived: 11/18/2026 15:42  Fax ID 5552013344  Pg 2/2\n"
    )
    doc = load_document(path)
    assert [(t.page, t.start, t.text) for t in doc.info.transmission_lines] == [
        (1, 2, "P.001/002"),
        (2, 34, "Received: 11/18/2026 15:42  Fax ID 5552013344  Pg 2/2"),
    ]
    assert doc.nlp_text.startswith(" " * 13 + "\nSeen on")
