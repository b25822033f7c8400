"""One self-contained HTML report per document, for a clinical reviewer checking the machine pre-screen.

Inline CSS only (no scripts, fonts or URLs). Sections: header, payer summary, criteria trace per payer,
facts, and the document text page by page with every evidence span highlighted and cross-linked:
criterion evidence links point to `#ev-START-END`; highlights link back to `#crit-PAYER-ID`.

Highlighting splits each page's text at every span boundary; each segment becomes one flat
`<mark data-ev="ev-A-B ev-C-D">` carrying the union of the spans covering it, so overlapping and nested
spans never produce crossing tags. A span's anchor id sits on its first segment (extra spans starting on
the same segment get an empty `<a id>` anchor just before it). Same input -> byte-identical output.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..contracts import (
    CriterionResult,
    Determination,
    Evidence,
    FactStatus,
    PageInfo,
    ScreeningResult,
    TextSource,
    TriState,
)
from ..errors import show_invisible

ROLE_TITLES = {"scope": "Scope", "contraindication": "Contraindications", "exclusion": "Exclusions",
               "documentation": "Documentation requirements", "indication": "Indications"}
STATUS = {TriState.MET: ("\u2714", "met"), TriState.NOT_MET: ("\u2718", "not met"),
          TriState.UNKNOWN: ("?", "unknown")}
SOURCES = {TextSource.TEXT_LAYER: "text layer", TextSource.OCR: "OCR", TextSource.PLAIN_TEXT: "plain text",
           TextSource.BLANK: "blank page"}

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1d1d1d;margin:0 auto;max-width:70rem;padding:1rem 1.5rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:2px solid #ccd;margin-top:2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef0f5}dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
dl.meta dt{font-weight:600}dl.meta dd{margin:0;word-break:break-all}.note{color:#555;font-size:.9rem}
nav a{margin-right:1rem}code{font-size:.9em}
.decision{font-weight:700;padding:.1rem .45rem;border-radius:3px}
.decision.approve{background:#d6f0d9;color:#145a1e}.decision.pend{background:#fde6bf;color:#7a4a00}
.st{font-weight:600;white-space:nowrap}.st.met{color:#176b26}.st.not_met{color:#a4161a}.st.unknown{color:#8a5a00}
ul.trace,ul.trace ul{list-style:none;padding-left:1.2rem;border-left:1px dotted #bbc;margin:.2rem 0}
ul.trace li{margin:.3rem 0}.op{color:#666;font-size:.85em}.expl{margin-left:1.2rem}
blockquote{margin:.2rem 0 .2rem 1.2rem;padding:.1rem .6rem;border-left:3px solid #9ab;color:#333;font-style:italic;background:#f6f8fb}
.evl{margin-left:1.2rem;font-size:.9rem}.evl a,.facts a{white-space:nowrap}
h4.page{margin:1.2rem 0 .2rem;font-size:1rem}
pre.page{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;border:1px solid #ccd;padding:.6rem;background:#fcfcfd}
mark{background:#fff1a8;color:inherit;padding:0}mark.crit{background:#ffd27f}mark.multi{box-shadow:inset 0 -2px #b36b00}
mark.ignored{background:#e4e4e4;text-decoration:line-through dotted}.fax{color:#999}mark.fax{color:#777}
sup.cites{font:10px/1 system-ui,sans-serif;color:#555}sup.cites a{color:#555}
#show-cites:not(:checked)~pre.page sup.cites{display:none}
:target{outline:2px solid #1a5fb4}
@media print{nav,#show-cites,label[for=show-cites]{display:none}a{color:inherit;text-decoration:none}section.payer{break-before:page}pre.page{border:none}}
"""


CSP = ("default-src 'none'; style-src 'sha256-{css}'; img-src 'none'; script-src 'none'; base-uri 'none'; "
       "form-action 'none'")
"""The report's Content-Security-Policy: nothing may load or run; only its own inline stylesheet (by hash)."""


def _e(value: object) -> str:
    """Escaped for HTML, with control, bidi and invisible characters made visible ("[U+202E]"): the reviewer
    reads exactly the characters that were screened, in their order."""
    return escape(show_invisible(str(value), keep="\n\t\f"), quote=True)


def ev_anchor(start: int, end: int) -> str:
    return f"ev-{start}-{end}"


def crit_anchor(payer: str, criterion_id: str) -> str:
    return f"crit-{payer}-{criterion_id}"


@dataclass
class _Span:
    start: int
    end: int
    kinds: set[str] = field(default_factory=set)  # "crit", "fact", "ignored"
    facts: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    cites: dict[str, str] = field(default_factory=dict)  # anchor -> criterion id

    @property
    def id(self) -> str:
        return ev_anchor(self.start, self.end)


def _describe(ev: Evidence) -> str:
    parts = [ev.concept or "?", f"rule {ev.rule_id or '?'}", f"assertion {ev.assertion or '-'}"]
    if ev.modifiers:
        parts.append("modifiers " + ", ".join(ev.modifiers))
    if ev.attributes.get("superseded_by"):
        parts.append(f"superseded by {ev.attributes['superseded_by']} "
                     f"({ev.attributes.get('superseded_by_text', '')!r} at {ev.attributes.get('superseded_by_span')})")
    return " \u00b7 ".join(parts)


def _collect(record: ScreeningResult) -> list[_Span]:
    spans: dict[tuple[int, int], _Span] = {}

    def add(ev: Evidence, kind: str, fact: str | None = None) -> _Span:
        sp = spans.setdefault((ev.start, ev.end), _Span(ev.start, ev.end))
        sp.kinds.add(kind)
        sp.notes.add(("ignored: " if kind == "ignored" else "") + _describe(ev))
        if fact:
            sp.facts.add(fact)
        return sp

    for d in record.determinations:
        below: dict[str, set[tuple[int, int]]] = {}
        for c in d.criteria:
            if c.parent:
                below.setdefault(c.parent, set()).update((ev.start, ev.end) for ev in c.evidence)
        for c in d.criteria:  # cite only the most specific criteria (parents repeat their children's evidence)
            for ev in c.evidence:
                sp = add(ev, "crit")
                if (ev.start, ev.end) not in below.get(c.id, set()):
                    sp.cites[crit_anchor(d.payer, c.id)] = c.id
    for f in record.facts:
        for ev in f.evidence:
            add(ev, "fact", f.name)
        for ev in f.ignored:
            add(ev, "ignored", f.name)
    for im in record.imaging:
        for ev in im.evidence:
            add(ev, "fact", f"imaging {im.modality}")
    return sorted(spans.values(), key=lambda s: (s.start, -s.end))


def _slice(text: str, sp: _Span) -> str:
    return text[max(sp.start, 0):max(sp.end, 0)]


def _tooltip(sp: _Span, text: str) -> str:
    lines = [f"\u201c{_slice(text, sp)}\u201d [{sp.start}-{sp.end}]"]
    if sp.facts:
        lines.append("facts: " + ", ".join(sorted(sp.facts)))
    lines += sorted(sp.notes)
    if sp.cites:
        lines.append("cited by: " + ", ".join(sorted(sp.cites.values())))
    return "\n".join(lines)


def _page_of(ev: Evidence, pages: list[PageInfo]) -> int | None:
    if ev.page is not None:
        return ev.page
    return next((p.number for p in pages if p.start <= ev.start < max(p.end, p.start + 1)), None)


def _ev_link(ev: Evidence, pages: list[PageInfo]) -> str:
    page = _page_of(ev, pages)
    label = ev.text if len(ev.text) <= 60 else ev.text[:57] + "\u2026"
    where = f"p.{page} " if page is not None else ""
    return f'<a href="#{_e(ev_anchor(ev.start, ev.end))}">{where}\u201c{_e(label)}\u201d</a>'


def _segments(text: str, lo: int, hi: int, spans: list[_Span], fax: list[tuple[int, int]],
              anchored: set[str]) -> str:
    inside = [s for s in spans if (s.start < hi and s.end > lo) or (s.start == s.end and lo <= s.start < hi)]
    faxes = [(a, b) for a, b in fax if a < hi and b > lo]
    cuts = sorted({lo, hi} | {min(max(x, lo), hi) for s in inside for x in (s.start, s.end)}
                  | {min(max(x, lo), hi) for f in faxes for x in f})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for s in inside:
            if s.start == s.end == a and s.id not in anchored:
                anchored.add(s.id)
                out.append(f'<a class="ev-anchor" id="{_e(s.id)}"></a>')
        chunk = escape(show_invisible(text[a:b], keep="\n\t\f"), quote=False)
        cover = [s for s in inside if s.start <= a and s.end >= b and s.start < s.end]
        is_fax = any(fa <= a and fb >= b for fa, fb in faxes)
        if not cover:
            out.append(f'<span class="fax">{chunk}</span>' if is_fax else chunk)
            continue
        new = [s for s in cover if s.id not in anchored]
        anchored.update(s.id for s in new)
        out += [f'<a class="ev-anchor" id="{_e(s.id)}"></a>' for s in new[1:]]
        kinds = set().union(*(s.kinds for s in cover))
        classes = ["crit" if "crit" in kinds else "fact" if "fact" in kinds else "ignored"]
        classes += (["multi"] if len(cover) > 1 else []) + (["fax"] if is_fax else [])
        id_attr = f' id="{_e(new[0].id)}"' if new else ""
        title = "\n\n".join(_tooltip(s, text) for s in cover)
        out.append(f'<mark{id_attr} class="{" ".join(classes)}" data-ev="{" ".join(s.id for s in cover)}" '
                   f'title="{_e(title)}">{chunk}</mark>')
        cites = dict(sorted({k: v for s in cover if s.end == b for k, v in s.cites.items()}.items()))
        if cites:
            links = " ".join(f'<a href="#{_e(k)}">{_e(v)}</a>' for k, v in cites.items())
            out.append(f'<sup class="cites">{links}</sup>')
    return "".join(out)


def _document(record: ScreeningResult, text: str, spans: list[_Span]) -> str:
    doc = record.document
    pages = doc.pages or [PageInfo(number=1, start=0, end=len(text), source=TextSource.PLAIN_TEXT)]
    fax = [(t.start, t.end) for t in doc.transmission_lines]
    anchored: set[str] = set()
    out = ['<section id="document"><h2>Document text</h2><p class="note">Highlights: '
           '<mark class="crit">cited by a criterion</mark> <mark class="fact">fact evidence</mark> '
           '<mark class="ignored">ignored mention (family / hypothetical / superseded by a later read)</mark> '
           '<span class="fax">fax transmission line</span>. Hover a highlight for its concepts and rules; '
           'the small links after it go to the criteria that cite it.</p>'
           '<input type="checkbox" id="show-cites" checked> <label for="show-cites">show criterion links in the '
           'text</label>']
    for p in pages:
        source = SOURCES.get(p.source, str(p.source))
        if p.ocr_confidence is not None:
            source += f", mean OCR confidence {p.ocr_confidence:.0f}"
        lo, hi = min(max(p.start, 0), len(text)), min(max(p.end, 0), len(text))
        out.append(f'<h4 class="page" id="page-{p.number}">Page {p.number} <span class="note">({_e(source)})</span></h4>'
                   f'<pre class="page">{_segments(text, lo, max(lo, hi), spans, fax, anchored)}</pre>')
    rest = [s for s in spans if s.id not in anchored]
    if rest:
        out.append('<h4 class="page">Evidence outside the page text</h4><ul>')
        out += [f'<li><mark id="{_e(s.id)}" data-ev="{_e(s.id)}">{_e(_slice(text, s))}</mark> '
                f'[{s.start}-{s.end}]</li>' for s in rest]
        out.append("</ul>")
    return "".join(out) + "</section>"


def _summary(record: ScreeningResult) -> str:
    rows = "".join(
        f'<tr><td><a href="#payer-{_e(d.payer)}">{_e(d.payer)}</a></td>'
        f'<td><span class="decision {_e(d.decision.value)}">{_e(d.decision.value.upper())}</span></td>'
        f'<td>{_e(d.outcome.value.replace("_", " "))}</td>'
        f'<td title="{_e(d.policy.title)}">{_e(d.policy.id)} (version {_e(d.policy.version)})</td></tr>'
        for d in record.determinations)
    out = ['<section id="summary"><h2>Summary</h2><table class="summary"><thead><tr><th>Payer</th>'
           f'<th>Decision</th><th>Outcome</th><th>Policy</th></tr></thead><tbody>{rows}</tbody></table>']
    for d in record.determinations:
        out.append(f"<h3>{_e(d.payer)}: {_e(d.decision.value.upper())}</h3>" + _items("Reasons", d.reasons)
                   + _items("Missing documentation", d.missing_documentation))
    return "".join(out) + "</section>"


def _items(title: str, items: Iterable[str]) -> str:
    lis = "".join(f"<li>{_e(i)}</li>" for i in items)
    return f'<p class="label">{_e(title)}:</p><ul>{lis}</ul>' if lis else ""


def _criteria(d: Determination, pages: list[PageInfo]) -> str:
    ids = {c.id for c in d.criteria}
    children: dict[str | None, list[CriterionResult]] = {}
    for c in d.criteria:
        children.setdefault(c.parent if c.parent in ids else None, []).append(c)

    def node(c: CriterionResult) -> str:
        symbol, label = STATUS.get(c.status, ("?", str(c.status)))
        parts = [f'<li id="{_e(crit_anchor(d.payer, c.id))}" class="crit {_e(c.status.value)}">'
                 f'<span class="st {_e(c.status.value)}">{symbol} {label}</span> <code>{_e(c.id)}</code> '
                 f'<span class="op">[{_e(c.op)}]</span><div class="expl">{_e(c.explanation)}</div>']
        if c.quote:
            parts.append(f"<blockquote>{_e(c.quote)}</blockquote>")
        if c.evidence:
            parts.append('<div class="evl">Evidence: ' + ", ".join(_ev_link(ev, pages) for ev in c.evidence)
                         + "</div>")
        kids = children.get(c.id, [])
        if kids:
            parts.append("<ul>" + "".join(node(k) for k in kids) + "</ul>")
        return "".join(parts) + "</li>"

    roots = children.get(None, [])
    roles = [r for r in ROLE_TITLES if any(c.role == r for c in roots)]
    roles += sorted({c.role for c in roots} - set(roles))
    out = [f'<section class="payer" id="payer-{_e(d.payer)}"><h2>Criteria trace: {_e(d.payer)} '
           f'<span class="decision {_e(d.decision.value)}">{_e(d.decision.value.upper())}</span></h2>'
           f'<p class="note">{_e(d.policy.title)} \u2014 {_e(d.policy.id)}, version {_e(d.policy.version)}'
           f'{", effective " + _e(d.policy.effective_date) if d.policy.effective_date else ""}; '
           f'outcome: {_e(d.outcome.value.replace("_", " "))}</p>']
    for role in roles:
        out.append(f"<h3>{_e(ROLE_TITLES.get(role, role.capitalize()))}</h3><ul class=\"trace\">"
                   + "".join(node(c) for c in roots if c.role == role) + "</ul>")
    return "".join(out) + "</section>"


def _value(value: object) -> str:
    if value is None:
        return ""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _facts(record: ScreeningResult, pages: list[PageInfo]) -> str:
    rows = []
    for f in record.facts:
        if f.status is not FactStatus.NOT_DOCUMENTED:
            links = ", ".join(_ev_link(ev, pages) for ev in f.evidence)
            rows.append(f"<tr><td><code>{_e(f.name)}</code></td><td>{_e(f.status.value.replace('_', ' '))}</td>"
                        f"<td>{_e(_value(f.value))}</td><td>{_e(f.note or '')}</td><td>{links}</td></tr>")
    for f in record.facts:
        if f.ignored:
            why = sorted({m for ev in f.ignored for m in ev.modifiers}) or ["not counted"]
            links = ", ".join(_ev_link(ev, pages) for ev in f.ignored)
            rows.append(f'<tr class="ignored"><td><code>{_e(f.name)}</code></td><td>ignored</td><td></td>'
                        f"<td>mentioned only as: {_e(', '.join(why))}</td><td>{links}</td></tr>")
    studies = "".join(
        f"<tr><td>{_e(s.modality)}</td><td>{_e(s.body_part or '')}</td><td>{_e(s.date or 'undated')}</td>"
        f"<td>{_e(', '.join(s.verdicts))}</td><td>{', '.join(_ev_link(ev, pages) for ev in s.evidence)}</td></tr>"
        for s in record.imaging)
    out = ['<section id="facts" class="facts"><h2>Facts</h2><p class="note">Facts found in the packet '
           '(facts not documented are omitted), then mentions that did not count for the patient.</p>'
           "<table><thead><tr><th>Fact</th><th>Status</th><th>Value</th><th>Note</th><th>Evidence</th></tr>"
           f"</thead><tbody>{''.join(rows)}</tbody></table>"]
    if studies:
        out.append("<h3>Imaging studies</h3><table><thead><tr><th>Modality</th><th>Body part</th><th>Date</th>"
                   f"<th>Verdicts</th><th>Evidence</th></tr></thead><tbody>{studies}</tbody></table>")
    return "".join(out) + "</section>"


def render_html(record: ScreeningResult, text: str) -> str:
    """The whole report as one self-contained HTML string (deterministic)."""
    doc = record.document
    pages = doc.pages
    name = Path(doc.path).name or doc.path
    header = (f"<header><h1>MR spectroscopy pre-screen: {_e(name)}</h1>"
              '<p class="note">Machine pre-screen for clinical review. Nothing is denied: PEND means a clinician '
              'reviews the request.</p><dl class="meta">'
              f"<dt>Document</dt><dd>{_e(doc.path)}</dd><dt>SHA-256</dt><dd><code>{_e(doc.sha256)}</code></dd>"
              f"<dt>Pages</dt><dd>{doc.n_pages} ({_e(doc.media_type)}, {doc.n_chars} characters)</dd>"
              f"<dt>Request date</dt><dd>{_e(record.reference_date or 'not found')}</dd>"
              f"<dt>Pipeline version</dt><dd>{_e(record.pipeline_version)}</dd></dl></header>")
    nav = ('<nav><a href="#summary">Summary</a>'
           + "".join(f'<a href="#payer-{_e(d.payer)}">{_e(d.payer)}</a>' for d in record.determinations)
           + '<a href="#facts">Facts</a><a href="#document">Document text</a></nav>')
    body = (header + nav + _summary(record) + "".join(_criteria(d, pages) for d in record.determinations)
            + _facts(record, pages) + _document(record, text, _collect(record)))
    csp = CSP.format(css=base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode())
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>MRS pre-screen: {_e(name)}</title><style>{CSS}</style></head>\n<body>\n{body}\n"
            f'<footer class="note">mrs-prescreen {_e(record.pipeline_version)}</footer>\n</body></html>\n')


MAX_STEM_CHARS = 80


def report_name(path: str, sha256: str) -> str:
    """`<stem>-<hash>.html`: the file's stem reduced to letters, digits, '.', '_' and '-' and cut to
    MAX_STEM_CHARS (a file name of any length or alphabet gives a valid, printable name), and a hash of the full
    path and the content, so two packets never share a report (same name in two folders, two versions)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(path).stem).strip("._")[:MAX_STEM_CHARS] or "packet"
    digest = hashlib.sha256(f"{path}\0{sha256}".encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f"{stem}-{digest}.html"


def write_html(record: ScreeningResult, text: str, out_dir: Path) -> Path:
    """Write the report into out_dir (created if needed) as `report_name(...)` and return its path; OSError
    when it cannot be written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / report_name(record.document.path, record.document.sha256)
    target.write_bytes(render_html(record, text).encode("utf-8"))
    return target


__all__ = ["crit_anchor", "ev_anchor", "render_html", "report_name", "write_html"]
