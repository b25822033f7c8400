"""The screening recipe: ingest -> nlp -> facts -> criteria, for one packet or a stream of them.

    screener = Screener(policy_dir="policies")
    for record in screener.screen(["packet.pdf"]):   # ScreeningResult or ErrorRecord, in input order
        ...

The NLP pipeline is built once per Screener and documents go through `nlp.pipe` in batches.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .about import __version__
from .contracts import ErrorRecord, NlpResult, ScreeningResult
from .criteria import LoadedPolicy, determine, load_policies
from .errors import ErrorCode, PipelineError, PolicyError
from .facts import map_facts
from .ingest import IngestedDocument, IngestLimits, load_document
from .nlp import NormalizedText, build_nlp, nlp_result, normalize

log = logging.getLogger(__name__)
STAGES = ("ingest", "nlp", "facts", "evaluate")


@dataclass
class StageTimes:
    """Seconds spent per stage, summed over documents (for benchmarks)."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def add(self, stage: str, dt: float) -> None:
        self.seconds[stage] += dt


def _error(path: str, exc: PipelineError, sha256: str | None = None) -> ErrorRecord:
    return ErrorRecord(pipeline_version=__version__, path=path, sha256=sha256, code=exc.code.value,
                       stage=exc.stage, message=exc.message)


class Screener:
    """Screens packets against a set of payer policies."""

    def __init__(self, *, policy_dir: str | Path = "policies", payers: Sequence[str] | None = None,
                 limits: IngestLimits | None = None, batch_size: int = 16) -> None:
        policies = load_policies(policy_dir)
        if payers:
            unknown = [p for p in payers if p not in policies]
            if unknown:
                raise PolicyError(ErrorCode.E203_UNKNOWN_PAYER,
                                  f"unknown payer {', '.join(unknown)}; known: {', '.join(sorted(policies))}")
            policies = {p: policies[p] for p in payers}
        self.policies: dict[str, LoadedPolicy] = dict(sorted(policies.items()))
        self.limits = limits
        self.batch_size = batch_size
        self.nlp = build_nlp()
        self.times = StageTimes()

    def screen(self, paths: Iterable[str | Path]) -> Iterator[ScreeningResult | ErrorRecord]:
        """One record per input path, in order; bad input becomes an ErrorRecord, never an exception."""
        for record, _ in self.screen_with_documents(paths):
            yield record

    def screen_with_documents(self, paths: Iterable[str | Path]
                              ) -> Iterator[tuple[ScreeningResult | ErrorRecord, IngestedDocument | None]]:
        """Like `screen`, also yielding the ingested document (None for errors) for reports that show the text."""
        batch: list[tuple[str, IngestedDocument | ErrorRecord]] = []
        for path in paths:
            batch.append((str(path), self._ingest(str(path))))
            if len(batch) >= self.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def screen_one(self, path: str | Path) -> ScreeningResult | ErrorRecord:
        return next(iter(self.screen([path])))

    def screen_document(self, doc: IngestedDocument) -> ScreeningResult:
        """Screen an already-ingested document (used by tests and batch engines)."""
        record, _ = next(iter(self._finish([(doc.info.path, doc)])))
        assert isinstance(record, ScreeningResult)  # a document that ingested cannot become an error here
        return record

    # ------------------------------------------------------------------ stages
    def _ingest(self, path: str) -> IngestedDocument | ErrorRecord:
        t0 = time.perf_counter()
        try:
            return load_document(path, limits=self.limits)
        except PipelineError as exc:
            log.info("ingest failed: %s %s", exc.code.value, Path(path).name)
            return _error(path, exc)
        finally:
            self.times.add("ingest", time.perf_counter() - t0)

    def _finish(self, batch: list[tuple[str, IngestedDocument | ErrorRecord]]
                ) -> Iterator[tuple[ScreeningResult | ErrorRecord, IngestedDocument | None]]:
        docs = [(p, d) for p, d in batch if isinstance(d, IngestedDocument)]
        norms: list[NormalizedText] = [normalize(d.nlp_text) for _, d in docs]
        t0 = time.perf_counter()
        processed = iter(list(self.nlp.pipe([n.text for n in norms], batch_size=self.batch_size)))
        self.times.add("nlp", time.perf_counter() - t0)
        norm_iter = iter(norms)
        for path, item in batch:
            if isinstance(item, ErrorRecord):
                yield item, None
                continue
            spacy_doc, norm = next(processed), next(norm_iter)
            try:
                yield self._decide(item, nlp_result(spacy_doc, norm, item.text)), item
            except Exception as exc:  # a bug must cost one record, not the run; no document text is logged
                log.exception("internal error on %s", Path(path).name)
                yield _error(path, PipelineError(ErrorCode.E901_INTERNAL,
                                                 f"internal error ({exc.__class__.__name__}); please report",
                                                 stage="facts"), item.info.sha256), item

    def _decide(self, doc: IngestedDocument, nlp_out: NlpResult) -> ScreeningResult:
        t0 = time.perf_counter()
        facts = map_facts(nlp_out, text=doc.text, layout=doc.layout,
                          transmission_lines=doc.info.transmission_lines)
        t1 = time.perf_counter()
        self.times.add("facts", t1 - t0)
        determinations = [
            determine(lp, facts, document_sha256=doc.info.sha256, pipeline_version=__version__)
            for lp in self.policies.values()
        ]
        self.times.add("evaluate", time.perf_counter() - t1)
        return ScreeningResult(
            pipeline_version=__version__,
            document=doc.info,
            reference_date=facts.reference_date,
            facts=list(facts.facts.values()),
            imaging=facts.imaging,
            determinations=determinations,
        )
