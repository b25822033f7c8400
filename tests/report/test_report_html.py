"""The HTML report: self-contained, escaped, deterministic, and every evidence span highlighted and cross-linked."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.contracts import Evidence, Fact, FactStatus, ScreeningResult, TriState
from pipeline.report.html import render_html, write_html
from pipeline.screen import Screener

REPO = Path(__file__).resolve().parents[2]
PAYERS = {"cohere", "excellus", "florida-blue", "healthhelp", "highmark-wv"}
SCRIPT = "<script>alert(1)</script>"
PACKET = "\f".join([
    "11/18/2026 15:41 FROM: Neuro-Oncology Clinic 555-0100 PAGE 1/3\n"
    "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/10/2026\n"
    "Procedure: MR spectroscopy of the brain, CPT 76390\n"
    "Diagnosis: recurrent glioblastoma, recurrence versus radiation necrosis\n"
    f"Comments: {SCRIPT} R&D \"quoted\"\n",
    "11/18/2026 15:42 FROM: Neuro-Oncology Clinic 555-0100 PAGE 2/3\n"
    "OFFICE NOTE 11/05/2026\nHISTORY OF PRESENT ILLNESS\n"
    "58 year old man with glioblastoma s/p gross total resection 01/2026, chemoradiation with temozolomide\n"
    "completed 05/2026. New worsening headaches and word-finding difficulty.\n"
    "FAMILY HISTORY\nMother had GBM.\n"
    "PHYSICAL EXAM\nAlert, mild expressive aphasia.\n"
    "LABS\nCBC and CMP within normal limits.\n"
    "ASSESSMENT AND PLAN\n"
    "Enhancing lesion at resection margin; recurrence versus radiation necrosis. Request MRS to guide management.\n",
    "11/18/2026 15:43 FROM: Neuro-Oncology Clinic 555-0100 PAGE 3/3\n"
    "MRI BRAIN WITH AND WITHOUT CONTRAST 11/01/2026\n"
    "IMPRESSION: New enhancement at the resection cavity, indeterminate; cannot distinguish tumor\n"
    "progression from treatment effect.\n",
])
PACKET_NAME = "pa<ck>et&1.txt"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
SOURCE_LABELS = {"text_layer": "text layer", "ocr": "OCR", "plain_text": "plain text"}


class Parsed(HTMLParser):
    """What the tests read back from a report: ids, links, text per highlight, nesting errors, summary rows."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.attrs_by_id: dict[str, dict[str, str]] = {}
        self.hrefs: list[str] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.errors: list[str] = []
        self.starts: Counter[str] = Counter()
        self.mark_text: dict[str, str] = defaultdict(str)
        self.mark_evs: list[set[str]] = []
        self.max_mark_depth = 0
        self.fax_text = ""
        self.summary_rows: list[list[str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.starts[tag] += 1
        if "id" in a:
            self.ids.append(a["id"])
            self.attrs_by_id[a["id"]] = {"tag": tag, **a}
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "mark":
            self.mark_evs.append(set(a.get("data-ev", "").split()))
        if self._inside("table", "summary") and tag == "tr" and not self._inside("thead"):
            self.summary_rows.append([])
        if self._inside("table", "summary") and tag == "td":
            self.summary_rows[-1].append("")
        if tag not in VOID:
            self.stack.append((tag, a))
            self.max_mark_depth = max(self.max_mark_depth, sum(t == "mark" for t, _ in self.stack))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts[tag] += 1
        if tag not in VOID:
            self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for tag, a in self.stack:
            if tag == "mark":
                for ev in a.get("data-ev", "").split():
                    self.mark_text[ev] += data
        if self._inside("span", "fax") or self._inside("mark", "fax"):
            self.fax_text += data
        if self._inside("td") and self._inside("table", "summary"):
            self.summary_rows[-1][-1] += data

    def _inside(self, tag: str, cls: str | None = None) -> bool:
        return any(t == tag and (cls is None or cls in a.get("class", "").split()) for t, a in self.stack)


def all_evidence(record: ScreeningResult) -> Iterator[Evidence]:
    for d in record.determinations:
        for c in d.criteria:
            yield from c.evidence
    for f in record.facts:
        yield from f.evidence
        yield from f.ignored
    for s in record.imaging:
        yield from s.evidence


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(policy_dir=REPO / "policies")


@pytest.fixture(scope="module")
def screened(screener: Screener, tmp_path_factory: pytest.TempPathFactory) -> tuple[ScreeningResult, str]:
    path = tmp_path_factory.mktemp("packets") / PACKET_NAME
    path.write_text(PACKET, encoding="utf-8")
    [(record, document)] = list(screener.screen_with_documents([path]))
    assert isinstance(record, ScreeningResult), record
    assert document is not None
    return record, document.text


def overlapping(record: ScreeningResult, text: str) -> ScreeningResult:
    """The real record plus crossing, nested, zero-length and out-of-text spans cited by a fact and a criterion."""
    rec = ScreeningResult.model_validate(record.model_dump())
    a = text.index("word-finding difficulty")
    n = len(text)
    spans = [(a, a + 12), (a + 5, a + 23), (a + 5, a + 12), (a + 3, a + 3), (a - 10, a + 30), (n + 10, n + 20)]
    evs = [Evidence(text=text[s:e], start=s, end=e, concept="SYNTH", rule_id="synth.rule") for s, e in spans]
    rec.facts.append(Fact(name="synthetic_overlap", status=FactStatus.PRESENT, evidence=evs))
    rec.determinations[0].criteria[0].evidence.extend(evs[:3])
    return rec


@pytest.fixture(scope="module", params=["real", "overlap"])
def case(request: pytest.FixtureRequest, screened: tuple[ScreeningResult, str]) -> tuple[ScreeningResult, str]:
    record, text = screened
    return (record if request.param == "real" else overlapping(record, text)), text


@pytest.fixture(scope="module")
def html(screened: tuple[ScreeningResult, str]) -> str:
    return render_html(*screened)


@pytest.mark.parametrize("forbidden", ["http://", "https://", "<link", "<script", "src=", "@import", "url("])
def test_self_contained(html: str, forbidden: str) -> None:
    assert forbidden not in html


@pytest.mark.parametrize(
    ("escaped", "raw"),
    [
        ("&lt;script&gt;alert(1)&lt;/script&gt;", SCRIPT),
        ("R&amp;D", "R&D"),
        ("pa&lt;ck&gt;et&amp;1.txt", "pa<ck>et"),
    ],
)
def test_user_text_is_escaped(html: str, escaped: str, raw: str) -> None:
    assert escaped in html
    assert raw not in html


def test_met_criteria_evidence_is_anchored_and_linked(screened: tuple[ScreeningResult, str], html: str) -> None:
    record, _ = screened
    parsed = Parsed(html)
    ids, hrefs = set(parsed.ids), set(parsed.hrefs)
    checked = 0
    for d in record.determinations:
        for c in d.criteria:
            if c.status is TriState.MET:
                for ev in c.evidence:
                    assert f"ev-{ev.start}-{ev.end}" in ids, (d.payer, c.id, ev.text)
                    assert f"#ev-{ev.start}-{ev.end}" in hrefs, (d.payer, c.id, ev.text)
                    checked += 1
    assert checked > 0


def test_internal_links_resolve_and_ids_are_unique(case: tuple[ScreeningResult, str]) -> None:
    parsed = Parsed(render_html(*case))
    assert [i for i, n in Counter(parsed.ids).items() if n > 1] == []
    assert parsed.hrefs
    assert [h for h in parsed.hrefs if not h.startswith("#") or h[1:] not in parsed.ids] == []


def test_every_criterion_is_listed_with_its_status(screened: tuple[ScreeningResult, str], html: str) -> None:
    record, _ = screened
    parsed = Parsed(html)
    labels = {TriState.MET: "\u2714 met", TriState.NOT_MET: "\u2718 not met", TriState.UNKNOWN: "? unknown"}
    for d in record.determinations:
        for c in d.criteria:
            attrs = parsed.attrs_by_id[f"crit-{d.payer}-{c.id}"]
            assert attrs["tag"] == "li" and c.status.value in attrs["class"].split()
        assert {labels[c.status] for c in d.criteria} <= {lab for lab in labels.values() if lab in html}


def test_leaf_criteria_are_linked_from_the_text(screened: tuple[ScreeningResult, str], html: str) -> None:
    record, _ = screened
    hrefs = set(Parsed(html).hrefs)
    for d in record.determinations:
        parents = {c.parent for c in d.criteria}
        for c in d.criteria:
            if c.evidence and c.id not in parents:
                assert f"#crit-{d.payer}-{c.id}" in hrefs


def test_mark_text_equals_each_span(case: tuple[ScreeningResult, str]) -> None:
    record, text = case
    parsed = Parsed(render_html(record, text))
    ids = set(parsed.ids)
    for ev in all_evidence(record):
        key = f"ev-{ev.start}-{ev.end}"
        assert key in ids
        assert parsed.mark_text.get(key, "") == text[ev.start:ev.end], key


def test_marks_are_well_formed_and_flat(case: tuple[ScreeningResult, str]) -> None:
    html = render_html(*case)
    parsed = Parsed(html)
    assert parsed.errors == []
    assert parsed.stack == []
    assert parsed.starts["mark"] == html.count("</mark>") > 0
    assert parsed.max_mark_depth == 1


def test_overlap_case_splits_segments(screened: tuple[ScreeningResult, str]) -> None:
    record, text = screened
    parsed = Parsed(render_html(overlapping(record, text), text))
    a = text.index("word-finding difficulty")
    outer, left, right, inner = (f"ev-{s}-{e}" for s, e in [(a - 10, a + 30), (a, a + 12), (a + 5, a + 23),
                                                            (a + 5, a + 12)])
    assert any({outer, left, right, inner} <= evs for evs in parsed.mark_evs)  # all four cover one segment
    assert any(left in evs and right not in evs for evs in parsed.mark_evs)  # crossing spans are split
    assert any(right in evs and left not in evs for evs in parsed.mark_evs)
    assert parsed.attrs_by_id[f"ev-{a + 3}-{a + 3}"]["tag"] == "a"  # zero-length span: an empty anchor
    assert parsed.attrs_by_id[inner]["tag"] in {"mark", "a"}


def test_deterministic(screened: tuple[ScreeningResult, str]) -> None:
    record, text = screened
    first = render_html(record, text)
    assert render_html(record, text) == first
    assert render_html(ScreeningResult.model_validate_json(record.model_dump_json()), text) == first


def test_summary_lists_every_payer_with_its_decision(screened: tuple[ScreeningResult, str], html: str) -> None:
    record, _ = screened
    rows = {r[0]: r for r in Parsed(html).summary_rows}
    assert set(rows) == PAYERS
    for d in record.determinations:
        payer, decision, outcome, policy = rows[d.payer]
        assert decision == d.decision.value.upper()
        assert outcome == d.outcome.value.replace("_", " ")
        assert policy == f"{d.policy.id} (version {d.policy.version})"
        assert f'<span class="decision {d.decision.value}">' in html


def test_pages_and_fax_lines(screened: tuple[ScreeningResult, str], html: str) -> None:
    record, _ = screened
    assert record.document.n_pages == 3
    for p in record.document.pages:
        assert f"Page {p.number} <span class=\"note\">({SOURCE_LABELS[p.source.value]})</span>" in html
    parsed = Parsed(html)
    assert len(record.document.transmission_lines) == 3
    for line in record.document.transmission_lines:
        assert line.text in parsed.fax_text


def test_facts_table(screened: tuple[ScreeningResult, str], html: str) -> None:
    record, _ = screened
    table = html[html.index('<section id="facts"'):html.index('<section id="document"')]
    ignored = [f for f in record.facts if f.ignored]
    assert ignored, "the family mention should be kept as ignored"
    for f in record.facts:
        listed = f"<td><code>{f.name}</code></td>" in table
        assert listed == (f.status is not FactStatus.NOT_DOCUMENTED or bool(f.ignored)), f.name
    for f in ignored:
        assert f'<tr class="ignored"><td><code>{f.name}</code></td><td>ignored</td>' in table
        for ev in f.ignored:
            assert f'href="#ev-{ev.start}-{ev.end}"' in table


@pytest.mark.parametrize(
    ("doc_path", "stem"),
    [("/x/p1.txt", "p1"), ("/x/archive.tar.gz", "archive.tar"), ("relative/Packet 7.pdf", "Packet_7")],
)
def test_write_html_naming(screened: tuple[ScreeningResult, str], tmp_path: Path, doc_path: str, stem: str) -> None:
    record, text = screened
    rec = record.model_copy(update={"document": record.document.model_copy(update={"path": doc_path})})
    out = tmp_path / "new" / "dir"
    target = write_html(rec, text, out)
    assert target.parent == out and target.name.startswith(stem + "-") and target.suffix == ".html"
    assert target.read_bytes() == render_html(rec, text).encode("utf-8")
    assert [p.name for p in out.iterdir()] == [target.name]


def test_strict_content_security_policy(html: str) -> None:
    """Nothing may load or run; the one inline stylesheet is allowed by its hash, and the hash is right."""
    import base64
    import hashlib
    import re

    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None and html.index(csp.group(0)) < html.index("<style>")
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["default-src"] == policy["script-src"] == policy["img-src"] == "'none'"
    assert policy["base-uri"] == policy["form-action"] == "'none'"
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert policy["style-src"] == f"'sha256-{digest}'"
    assert " style=" not in html and "<script" not in html


INVISIBLE = {
    "right-to-left override": "\u202e", "left-to-right embedding": "\u202a", "pop directional": "\u202c",
    "right-to-left isolate": "\u2067", "zero-width space": "\u200b", "zero-width joiner": "\u200d",
    "right-to-left mark": "\u200f", "byte-order mark": "\ufeff", "line separator": "\u2028",
    "escape": "\x1b", "bell": "\x07", "next line (C1)": "\x85", "arabic letter mark": "\u061c",
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_invisible_characters_are_shown(tmp_path: Path, char: str) -> None:
    """A reviewer must read what was screened: bidi overrides and invisible characters appear as [U+XXXX]."""
    text = PACKET.replace("Comments:", f"Comments: no{char} evidence of tumor;")
    path = tmp_path / f"pa{char}cket.txt"
    path.write_text(text, encoding="utf-8")
    record, document = next(Screener(policy_dir=REPO / "policies").screen_with_documents([path]))
    assert isinstance(record, ScreeningResult) and document is not None
    html = render_html(record, document.text)
    assert char not in html
    assert f"no[U+{ord(char):04X}] evidence" in html
