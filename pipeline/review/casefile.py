"""What the case view shows: one payer's criteria tree with the machine's and the reviewers' judgements, every
piece of evidence with an id, its boxes on the page images and its place in the packet text.

Evidence ids: `ev-START-END` for the screen's evidence (the same span cited by several criteria is one piece),
`rv-N` for evidence a reviewer added. A criterion cites its own evidence; a highlight lists the most specific
criteria citing it (a parent repeats its children's evidence and is not listed for it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..ingest.layout import TextLayout
from .prepare import PacketFiles, PrepareError

STATUS_TEXT = {"met": "met", "not_met": "not met", "unknown": "unknown"}
SOURCE_TEXT = {"text_layer": "text layer", "ocr": "OCR", "plain_text": "plain text", "blank": "blank page"}


@dataclass
class Piece:
    """One piece of evidence."""

    id: str
    start: int
    end: int
    text: str
    page: int | None
    boxes: list[dict[str, float]]
    origin: str  # screen | reviewer
    concept: str | None = None
    assertion: str | None = None
    criteria: list[str] = field(default_factory=list)  # criteria citing it (most specific)
    by: str | None = None
    note: str | None = None


@dataclass
class CriterionView:
    id: str
    parent: str | None
    depth: int
    role: str
    op: str
    status: str  # the machine's
    quote: str | None
    explanation: str
    evidence: list[str]  # ids, own and descendants'
    review: dict[str, Any] | None = None  # newest reviewer judgement

    @property
    def effective(self) -> str:
        return self.review["reviewer_status"] if self.review else self.status

    @property
    def status_text(self) -> str:
        return STATUS_TEXT.get(self.status, self.status)

    @property
    def effective_text(self) -> str:
        return STATUS_TEXT.get(self.effective, self.effective)


@dataclass
class Segment:
    start: int
    text: str
    ev: list[str]


@dataclass
class PageView:
    number: int
    source: str
    ocr_confidence: float | None
    width: float | None
    height: float | None
    segments: list[Segment]
    boxes: list[dict[str, Any]]
    low_confidence: bool = False

    @property
    def source_text(self) -> str:
        return SOURCE_TEXT.get(self.source, self.source)

    @property
    def has_image(self) -> bool:
        return self.width is not None and self.height is not None and self.source != "plain_text"


@dataclass
class CaseView:
    criteria: list[CriterionView]
    pieces: dict[str, Piece]
    pages: list[PageView]
    text_problem: str | None
    text_mismatch: bool


def criteria_tree(determination: dict[str, Any]) -> list[CriterionView]:
    """The criteria in tree order (parents before children, siblings in policy order), with depths."""
    crits = determination.get("criteria") or []
    children: dict[str | None, list[dict[str, Any]]] = {}
    ids = {c["id"] for c in crits}
    for c in crits:
        parent = c.get("parent") if c.get("parent") in ids else None
        children.setdefault(parent, []).append(c)
    out: list[CriterionView] = []

    def walk(parent: str | None, depth: int) -> list[str]:
        gathered: list[str] = []
        for c in children.get(parent, []):
            own = [ev_id(e) for e in c.get("evidence") or []]
            view = CriterionView(id=c["id"], parent=parent, depth=depth, role=c.get("role", ""), op=c.get("op", ""),
                                 status=c.get("status", "unknown"), quote=c.get("quote"),
                                 explanation=c.get("explanation", ""), evidence=[])
            out.append(view)
            below = walk(c["id"], depth + 1)
            view.evidence = list(dict.fromkeys(own + below))
            gathered.extend(view.evidence)
        return gathered

    walk(None, 0)
    return out


def ev_id(evidence: dict[str, Any]) -> str:
    return f"ev-{int(evidence['start'])}-{int(evidence['end'])}"


def _pieces(determination: dict[str, Any]) -> dict[str, Piece]:
    pieces: dict[str, Piece] = {}
    crits = determination.get("criteria") or []
    below: dict[str, set[str]] = {}
    for c in crits:
        if c.get("parent"):
            below.setdefault(c["parent"], set()).update(ev_id(e) for e in c.get("evidence") or [])
    for c in crits:
        for e in c.get("evidence") or []:
            pid = ev_id(e)
            piece = pieces.get(pid)
            if piece is None:
                piece = pieces[pid] = Piece(
                    id=pid, start=int(e["start"]), end=int(e["end"]), text=e.get("text", ""), page=e.get("page"),
                    boxes=[dict(b) for b in e.get("boxes") or []], origin="screen", concept=e.get("concept"),
                    assertion=e.get("assertion"))
            if pid not in below.get(c["id"], set()) and c["id"] not in piece.criteria:
                piece.criteria.append(c["id"])
    return pieces


def build_case_view(record: dict[str, Any], determination: dict[str, Any], *, files: PacketFiles | None,
                    reviews: dict[str, dict[str, Any]], added: list[dict[str, Any]],
                    low_confidence: float = 80.0) -> CaseView:
    """The view model of one payer's review of a screened case."""
    criteria = criteria_tree(determination)
    for view in criteria:
        view.review = reviews.get(view.id)
    pieces = _pieces(determination)
    text_problem: str | None = None
    prepared: dict[str, Any] | None = None
    if files is None:
        text_problem = "The case names no packet file."
    else:
        try:
            prepared = files.text()
        except PrepareError as exc:
            text_problem = str(exc)
    layout = TextLayout.from_json(prepared["layout"]) if prepared and prepared.get("layout") else None
    by_criterion: dict[str, list[str]] = {}
    for a in added:
        pid = f"rv-{a['id']}"
        boxes = [b.model_dump() for b in layout.boxes_for(a["start"], a["end"])] if layout else []
        pieces[pid] = Piece(id=pid, start=a["start"], end=a["end"], text=a["text"],
                            page=layout.page_of(a["start"]) if layout else None, boxes=boxes, origin="reviewer",
                            assertion=a["assertion"], criteria=[a["criterion_id"]], by=a.get("by"),
                            note=a.get("note"))
        by_criterion.setdefault(a["criterion_id"], []).append(pid)
    ids = {c.id: c for c in criteria}
    for cid, pids in by_criterion.items():  # the criterion and its ancestors show reviewer evidence too
        node = ids.get(cid)
        while node is not None:
            node.evidence.extend(p for p in pids if p not in node.evidence)
            node = ids.get(node.parent) if node.parent else None

    doc_pages = (record.get("document") or {}).get("pages") or []
    text = str(prepared["text"]) if prepared else None
    mismatch = False
    if text is not None:
        n_chars = (record.get("document") or {}).get("n_chars")
        mismatch = (n_chars is not None and n_chars != len(text)) or any(
            p.origin == "screen" and text[p.start:p.end] != p.text for p in pieces.values())
    pages: list[PageView] = []
    for p in doc_pages:
        number = int(p["number"])
        boxes = [{"ev": piece.id, "x": b["x0"], "y": b["top"], "w": max(b["x1"] - b["x0"], 0.5),
                  "h": max(b["bottom"] - b["top"], 0.5), "origin": piece.origin}
                 for piece in pieces.values() for b in piece.boxes if int(b.get("page", 0)) == number]
        segments = _segments(text, int(p["start"]), int(p["end"]), pieces.values()) if text is not None else []
        conf = p.get("ocr_confidence")
        pages.append(PageView(number=number, source=p.get("source", ""), ocr_confidence=conf,
                              width=p.get("width"), height=p.get("height"), segments=segments, boxes=boxes,
                              low_confidence=conf is not None and conf < low_confidence))
    return CaseView(criteria=criteria, pieces=pieces, pages=pages, text_problem=text_problem,
                    text_mismatch=mismatch)


def _segments(text: str, start: int, end: int, pieces: Any) -> list[Segment]:
    """The page's text cut at every evidence boundary; each segment lists the evidence covering it."""
    end = min(end, len(text))
    spans = [(max(p.start, start), min(p.end, end), p.id) for p in pieces if p.end > start and p.start < end]
    cuts = sorted({start, end, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        covering = [pid for s, e, pid in spans if s <= a and e >= b]
        out.append(Segment(start=a, text=text[a:b], ev=covering))
    return out
