"""Pre-annotations for the span-level gold: the pipeline's own mentions of every annotated packet, written in
the gold format (`prescreen-gold/1`, origin `pipeline`) for annotators to correct.

The assertion comes from the mention's ConText modifiers (`assertion_of`); an imaging-study mention takes the
verdict of the prior study it belongs to (`inconclusive` before `conclusive`; `not_stated` when the study has
neither, or when the mention is in no study, such as a request).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from ..contracts import ImagingStudy, Mention
from ..facts import map_facts
from ..ingest import load_document
from ..learn.gold import GoldSpan, assertion_of, is_imaging, label_sets
from ..nlp import analyse, build_nlp, nlp_result, normalize
from .annotations import DEFAULT_CORPUS_DIR, load_corpus


def study_verdict(mention: Mention, studies: Iterable[ImagingStudy]) -> str:
    """The verdict of the study whose evidence covers the mention, else `not_stated`."""
    for study in studies:
        if any(e.start <= mention.start and mention.end <= e.end for e in study.evidence):
            if "inconclusive" in study.verdicts:
                return "inconclusive"
            if "conclusive" in study.verdicts:
                return "conclusive"
            return "not_stated"
    return "not_stated"


def gold_from_mentions(packet: str, sha256: str, text: str, mentions: Iterable[Mention],
                       studies: list[ImagingStudy]) -> list[GoldSpan]:
    """The pipeline's mentions of annotated concepts as gold spans (one per (start, end, concept), the first
    rule in the pipeline's order)."""
    concepts = label_sets().concepts
    out: dict[tuple[int, int, str], GoldSpan] = {}
    for m in mentions:
        key = (m.start, m.end, m.concept)
        if m.concept not in concepts or key in out or m.end <= m.start:
            continue
        out[key] = GoldSpan(
            packet=packet, document_sha256=sha256, start=m.start, end=m.end, text=text[m.start:m.end],
            concept=m.concept, assertion=assertion_of(m.modifiers),  # type: ignore[arg-type]
            verdict=study_verdict(m, studies) if is_imaging(m.concept) else None,  # type: ignore[arg-type]
            origin="pipeline", rule_id=m.rule_id)
    return [out[k] for k in sorted(out)]


def bootstrap_file(nlp: Language, packet: str, path: Path) -> list[GoldSpan]:
    """The pre-annotated spans of one packet text file, with an NLP pipeline from `build_nlp()`."""
    doc = load_document(path)
    norm = normalize(doc.nlp_text)
    analysed = nlp_result(analyse(nlp, norm), norm, doc.text)
    facts = map_facts(analysed, text=doc.text, layout=doc.layout, transmission_lines=doc.info.transmission_lines)
    return gold_from_mentions(packet, doc.info.sha256, doc.text, analysed.mentions, facts.imaging)


def bootstrap(corpus: Path = DEFAULT_CORPUS_DIR, *, splits: Iterable[str] = ("dev", "heldout"),
              ids: Iterable[str] | None = None) -> Iterator[tuple[str, list[GoldSpan]]]:
    """(packet id, pre-annotated spans) for each packet of the corpus, in id order."""
    wanted = set(ids) if ids is not None else None
    nlp = build_nlp()
    for packet in load_corpus(corpus, splits=splits):
        if wanted is None or packet.id in wanted:
            yield packet.id, bootstrap_file(nlp, packet.id, packet.text_path)
