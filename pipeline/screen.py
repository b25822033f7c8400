"""The screening recipe: ingest -> nlp -> facts -> criteria, for one packet or a stream of them.

    screener = Screener(policy_dir="policies")
    for record in screener.screen(["packet.pdf"]):   # ScreeningResult or ErrorRecord, in input order
        ...

The NLP pipeline is built once per Screener. Each file is read in its own short-lived process (`isolate=True`,
see pipeline.ingest.isolation), so a file that crashes, hangs or exhausts memory in a PDF or OCR library costs
one ErrorRecord, never the run; its analysis and decisions then run under a time budget
(`limits.analysis_seconds`), and any failure there also costs that document only.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .about import __version__, rules_digest
from .budget import BudgetExceeded, time_budget
from .contracts import ErrorRecord, NlpResult, ScreeningResult, TextSource
from .criteria import LoadedPolicy, determine, load_policies
from .errors import ErrorCode, PipelineError, PolicyError, display_name
from .facts import map_facts
from .ingest import IngestedDocument, IngestLimits, load_document
from .ingest.isolation import load_document_isolated
from .learn.registry import ExtractorConfig, read_config
from .logs import silence_readers
from .nlp import analyse, build_nlp, nlp_result, normalize

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
                 limits: IngestLimits | None = None, batch_size: int = 16, isolate: bool = True,
                 extractors: ExtractorConfig | None = None) -> None:
        """`isolate`: read each file in a separate process under `limits` (timeout, memory); False reads
        in this process (faster by a few ms per file, but a crashing or hanging library takes the run).
        `extractors`: rules, model or rules+model and the model versions (default: models/extractors.yaml and
        PRESCREEN_EXTRACTORS, pipeline/learn/registry.py)."""
        silence_readers()
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
        self.isolate = isolate
        self.extractors = extractors if extractors is not None else read_config()
        self.models = self.extractors.provenance()  # loads the models at start-up (a bad model fails here)
        self.nlp = build_nlp(self.extractors)
        self.times = StageTimes()

    def screen(self, paths: Iterable[str | Path]) -> Iterator[ScreeningResult | ErrorRecord]:
        """One record per input path, in order; bad input becomes an ErrorRecord, never an exception."""
        for record, _ in self.screen_with_documents(paths):
            yield record

    def screen_with_documents(self, paths: Iterable[str | Path]
                              ) -> Iterator[tuple[ScreeningResult | ErrorRecord, IngestedDocument | None]]:
        """Like `screen`, also yielding the ingested document (None for errors) for reports that show the text."""
        return self.screen_items((p, None) for p in paths)

    def screen_items(self, items: Iterable[tuple[str | Path, Sequence[str] | None]]
                     ) -> Iterator[tuple[ScreeningResult | ErrorRecord, IngestedDocument | None]]:
        """Packets each with the payers to screen it for (None: every loaded policy), batched through the NLP."""
        batch: list[tuple[str, IngestedDocument | ErrorRecord, tuple[str, ...] | None]] = []
        for path, payers in items:
            wanted = tuple(payers) if payers else None
            unknown = [p for p in wanted or () if p not in self.policies]
            entry: IngestedDocument | ErrorRecord
            if unknown:
                entry = _error(str(path), PipelineError(
                    ErrorCode.E203_UNKNOWN_PAYER,
                    f"unknown payer {', '.join(unknown)}; known: {', '.join(self.policies)}", stage="criteria"))
            else:
                entry = self._ingest(str(path))
            batch.append((str(path), entry, wanted))
            if len(batch) >= self.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def screen_one(self, path: str | Path, *, payers: Sequence[str] | None = None) -> ScreeningResult | ErrorRecord:
        record, _ = next(iter(self.screen_items([(path, payers)])))
        return record

    def screen_document(self, doc: IngestedDocument) -> ScreeningResult:
        """Screen an already-ingested document (used by tests and batch engines)."""
        record, _ = next(iter(self._finish([(doc.info.path, doc, None)])))
        assert isinstance(record, ScreeningResult)  # a document that ingested cannot become an error here
        return record

    # ------------------------------------------------------------------ stages
    def _ingest(self, path: str) -> IngestedDocument | ErrorRecord:
        t0 = time.perf_counter()
        try:
            if self.isolate:
                return load_document_isolated(path, limits=self.limits)
            return load_document(path, limits=self.limits)
        except PipelineError as exc:
            log.info("ingest failed: %s %s", exc.code.value, display_name(path))
            return _error(path, exc)
        except Exception as exc:  # a reader bug must cost one record, not the run; no document text is logged
            log.error("internal error reading %s (%s)", display_name(path), type(exc).__name__)
            return _error(path, PipelineError(
                ErrorCode.E901_INTERNAL,
                f"internal error while reading {display_name(path)} ({type(exc).__name__}); please report"))
        finally:
            self.times.add("ingest", time.perf_counter() - t0)

    def _finish(self, batch: list[tuple[str, IngestedDocument | ErrorRecord, tuple[str, ...] | None]]
                ) -> Iterator[tuple[ScreeningResult | ErrorRecord, IngestedDocument | None]]:
        for path, item, payers in batch:
            if isinstance(item, ErrorRecord):
                yield item, None
                continue
            try:
                with time_budget(self._analysis_seconds):
                    record = self._analyse_and_decide(item, payers)
            except PipelineError as exc:
                yield _error(path, exc, item.info.sha256), item
                continue
            except BudgetExceeded:
                name = display_name(path)
                log.warning("analysis of %s stopped after %.0f s", name, self._analysis_seconds)
                yield _error(path, PipelineError(
                    ErrorCode.E111_TIMEOUT, f"analysing {name} took longer than {self._analysis_seconds:g} s "
                    "(an unusually long or repetitive text); a reviewer reads it", stage="nlp"), item.info.sha256), item
                continue
            except Exception as exc:  # a bug must cost one record, not the run; no document text is logged
                log.error("internal error on %s (%s)", display_name(path), type(exc).__name__)
                yield _error(path, PipelineError(ErrorCode.E901_INTERNAL,
                                                 f"internal error while analysing {display_name(path)} "
                                                 f"({type(exc).__name__}); please report", stage="nlp"),
                             item.info.sha256), item
                continue
            yield record, item

    @property
    def _analysis_seconds(self) -> float:
        return (self.limits or IngestLimits()).analysis_seconds

    def _analyse_and_decide(self, doc: IngestedDocument, payers: tuple[str, ...] | None) -> ScreeningResult:
        """normalize -> spaCy/medspaCy -> mentions -> facts -> determinations, for one document."""
        t0 = time.perf_counter()
        norm = normalize(doc.nlp_text, ocr_spans=[(p.start, p.end) for p in doc.info.pages
                                                   if p.source is TextSource.OCR])
        if len(norm.text) > self.nlp.max_length:
            name = display_name(doc.info.path)
            raise PipelineError(
                ErrorCode.E109_TOO_LARGE,
                f"{name} has {len(norm.text):,} characters of text, more than the {self.nlp.max_length:,} "
                "that one document may have for analysis", stage="nlp")
        analysed = nlp_result(analyse(self.nlp, norm), norm, doc.text)
        self.times.add("nlp", time.perf_counter() - t0)
        return self._decide(doc, analysed, payers)

    def _decide(self, doc: IngestedDocument, nlp_out: NlpResult, payers: tuple[str, ...] | None = None
                ) -> ScreeningResult:
        t0 = time.perf_counter()
        threshold = (self.limits or IngestLimits()).low_confidence
        low = [p.number for p in doc.info.pages
               if p.source is TextSource.OCR and (p.ocr_confidence is None or p.ocr_confidence < threshold)]
        facts = map_facts(nlp_out, text=doc.text, layout=doc.layout,
                          transmission_lines=doc.info.transmission_lines, low_confidence_pages=low,
                          ocr_pages=[p.number for p in doc.info.pages if p.source is TextSource.OCR])
        t1 = time.perf_counter()
        self.times.add("facts", t1 - t0)
        determinations = [
            determine(lp, facts, document_sha256=doc.info.sha256, pipeline_version=__version__)
            for payer, lp in self.policies.items() if payers is None or payer in payers
        ]
        self.times.add("evaluate", time.perf_counter() - t1)
        return ScreeningResult(
            pipeline_version=__version__,
            rules_digest=rules_digest(),
            extractors=self.extractors.mode,
            models=self.models,
            document=doc.info,
            reference_date=facts.reference_date,
            facts=list(facts.facts.values()),
            imaging=facts.imaging,
            determinations=determinations,
        )
