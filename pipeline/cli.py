"""`prescreen`: a thin Typer app over importable functions.

Exit codes: 0 every document screened; 1 some documents produced error records; 2 usage or configuration
error (unknown payer, invalid policy file, bad option).
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .about import __version__
from .contracts import ErrorRecord, ScreeningResult
from .errors import ErrorCode, PipelineError, display_name, printable
from .learn.cli_models import models_app

if TYPE_CHECKING:
    from .ingest import IngestLimits

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Pre-screen brain MR spectroscopy prior-authorization packets against payer policies.")
policies_app = typer.Typer(no_args_is_help=True, help="Validate and inspect policy files.")
app.add_typer(policies_app, name="policies")
fhir_app = typer.Typer(no_args_is_help=True, help="Read FHIR Bundles written by --format fhir.")
app.add_typer(fhir_app, name="fhir")

POLICY_DIR_ENV = "PRESCREEN_POLICY_DIR"
PolicyDir = Annotated[
    Path, typer.Option("--policies", envvar=POLICY_DIR_ENV, help="Directory of <payer>.yaml policy files.")
]
# reading limits, shared by the commands that read packets
Timeout = Annotated[float, typer.Option(min=1, help="Seconds allowed to read one document.")]
AnalysisTimeout = Annotated[float, typer.Option(min=1, help="Seconds allowed to analyse and decide one document.")]
MaxPages = Annotated[int, typer.Option(min=1, help="Pages allowed in one document.")]
MaxMb = Annotated[int, typer.Option(min=1, help="Size allowed for one file, in MB.")]
MemoryMb = Annotated[int, typer.Option(min=64, help="Memory allowed to read one document, in MB.")]
Ocr = Annotated[bool, typer.Option("--ocr/--no-ocr", help="Read pages without a text layer by OCR.")]
OcrDpi = Annotated[int, typer.Option(min=100, max=600, help="Rendering resolution for OCR of pages that are not "
                                                             "one embedded image (a fax is read at its own).")]
OcrThreads = Annotated[int | None, typer.Option(min=1, help="Pages read by OCR in parallel (default: every usable "
                                                            "core; a batch worker: its share of the cores).")]
LowConfidence = Annotated[float, typer.Option(min=0, max=100,
                                              help="OCR confidence below which a page never approves alone.")]


def _limits(timeout: float, max_pages: int, max_mb: int, memory_mb: int, ocr: bool, ocr_dpi: int,
            low_confidence: float, analysis_timeout: float, ocr_threads: int | None = None) -> IngestLimits:
    from .ingest import IngestLimits

    return IngestLimits(max_bytes=max_mb * 1024 * 1024, max_pages=max_pages, timeout_seconds=timeout,
                        max_memory_mb=memory_mb, ocr=ocr, ocr_dpi=ocr_dpi, low_confidence=low_confidence,
                        analysis_seconds=analysis_timeout, ocr_threads=ocr_threads)


class Format(StrEnum):
    json = "json"
    text = "text"
    html = "html"
    fhir = "fhir"


def _check_intake_zone() -> None:
    """Fail early (exit 2) when PRESCREEN_INTAKE_TZ names no time zone (it dates fax-header receipt times)."""
    from .clock import intake_zone

    try:
        intake_zone()
    except ValueError as exc:
        raise _fail(str(exc)) from None


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error (controls escaped) and return the Exit to raise (2: usage or configuration)."""
    typer.echo(f"prescreen: {printable(message)}", err=True)
    return typer.Exit(code)


@app.command()
def screen(
    files: Annotated[list[Path], typer.Argument(help="Packets to screen (PDF or text).", readable=False)],
    payer: Annotated[list[str] | None, typer.Option("--payer", "-p", help="Payer id (repeatable; default all).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="json (JSON Lines), text, html, or fhir (one FHIR R4 "
                                                               "Bundle per packet: docs/fhir.md).")] = Format.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Directory for written reports.")] = None,
    policies: PolicyDir = Path("policies"),
    batch_size: Annotated[int, typer.Option(min=1, help="Documents read ahead of analysis.")] = 16,
    timeout: Timeout = 180.0,
    analysis_timeout: AnalysisTimeout = 120.0,
    max_pages: MaxPages = 500,
    max_mb: MaxMb = 50,
    memory_mb: MemoryMb = 2048,
    ocr: Ocr = True,
    ocr_dpi: OcrDpi = 300,
    ocr_threads: OcrThreads = None,
    low_confidence: LowConfidence = 80.0,
    isolate: Annotated[bool, typer.Option("--isolate/--no-isolate",
                                          help="Read each file in its own process (crash and hang safe).")] = True,
) -> None:
    """Screen packets and print a determination per payer, with the evidence for every criterion."""
    from .screen import Screener

    limits = _limits(timeout, max_pages, max_mb, memory_mb, ocr, ocr_dpi, low_confidence, analysis_timeout,
                     ocr_threads)
    try:
        screener = Screener(policy_dir=policies, payers=payer or None, batch_size=batch_size, limits=limits,
                            isolate=isolate)
    except PipelineError as exc:
        raise _fail(exc.args[0]) from None
    html_dir = out or Path("reports") if fmt is Format.html else None
    fhir_dir = out or Path("fhir") if fmt is Format.fhir else None
    if fhir_dir is not None:
        _check_intake_zone()
    for folder in {f for f in (out, html_dir, fhir_dir) if f is not None}:
        _check_screen_output(folder)
    records: list[ScreeningResult | ErrorRecord] = []
    try:
        _screen_and_write(screener, files, fmt, out, records, html_dir=html_dir, fhir_dir=fhir_dir)
    except OSError as exc:
        raise _fail(f"cannot write the output ({exc.strerror or type(exc).__name__})") from None
    if any(isinstance(r, ErrorRecord) for r in records):
        raise typer.Exit(1)


def _check_screen_output(folder: Path) -> None:
    """`screen` writes into a folder of its own: never into a batch run's (its results.jsonl is the batch's)."""
    from .batch.outdir import is_batch_folder, make_output_folder

    if is_batch_folder(folder):
        raise _fail(f"{printable(str(folder))} holds a batch run's results; choose another --out for screen")
    try:
        make_output_folder(folder)
    except PipelineError as exc:
        raise _fail(exc.message) from None


def _screen_and_write(screener: Any, files: list[Path], fmt: Format, out: Path | None,
                      records: list[ScreeningResult | ErrorRecord], *, html_dir: Path | None,
                      fhir_dir: Path | None) -> None:
    from .report.jsonl import record_json
    from .report.text import run_summary, summary_table

    with contextlib.ExitStack() as stack:
        jsonl = (stack.enter_context((out / "results.jsonl").open("w", encoding="utf-8"))
                 if out is not None and fmt is Format.json else None)
        for record, document in screener.screen_with_documents(files):
            target: Path | None = None
            if isinstance(record, ScreeningResult) and (html_dir is not None or fhir_dir is not None):
                record, target = _write_report(record, document, html_dir=html_dir, fhir_dir=fhir_dir)
            records.append(record)
            if isinstance(record, ErrorRecord):
                typer.echo(f"prescreen: {printable(record.path)}: {record.code} {record.message}", err=True)
            if fmt is Format.json:
                line = record_json(record)
                typer.echo(line)
                if jsonl is not None:
                    jsonl.write(line + "\n")
            elif fmt is Format.text:
                typer.echo(summary_table(record))
            elif isinstance(record, ScreeningResult):
                typer.echo(f"{printable(record.document.path)} -> {printable(str(target))}")
    if fmt is Format.text:
        summary = run_summary(records)
        typer.echo(summary)
        if out is not None:
            (out / "summary.txt").write_text("".join(summary_table(r) + "\n" for r in records) + summary,
                                             encoding="utf-8")


def _write_report(record: ScreeningResult, document: Any, *, html_dir: Path | None, fhir_dir: Path | None
                  ) -> tuple[ScreeningResult | ErrorRecord, Path | None]:
    """Write the HTML report or the FHIR Bundle; one that cannot be written turns the record into an error record
    (E304)."""
    try:
        if fhir_dir is not None:
            from .clock import decision_clock
            from .report.fhir import write_bundle

            return record, write_bundle(record, fhir_dir, clock=decision_clock(record))
        from .report.html import write_html

        assert html_dir is not None
        return record, write_html(record, document.text if document else "", html_dir)
    except Exception as exc:  # a report that cannot be built or written costs this record, never the run
        # the exception's own text may quote the record (a validation error echoes its input): name its type only
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        return ErrorRecord(pipeline_version=__version__, path=record.document.path, sha256=record.document.sha256,
                           code=ErrorCode.E304_REPORT_NOT_WRITTEN.value, stage="report",
                           message=f"{display_name(record.document.path)}: its report could not be written "
                                   f"({reason})"), None




@policies_app.command("validate")
def policies_validate(policies: PolicyDir = Path("policies")) -> None:
    """Load every policy file and report the first error (file and criterion id)."""
    from .criteria import load_policies

    try:
        loaded = load_policies(policies)
    except PipelineError as exc:
        raise _fail(exc.args[0]) from None
    for payer, lp in loaded.items():
        p = lp.policy.policy
        typer.echo(f"ok  {payer:14} {p.id} ({p.version})  {lp.path}")


@policies_app.command("show")
def policies_show(payer: Annotated[str, typer.Argument(help="Payer id.")], policies: PolicyDir = Path("policies")) -> None:
    """Print a policy's criteria tree with the policy sentence behind each node."""
    from .criteria import load_policies
    from .report.policy_tree import render_policy

    try:
        loaded = load_policies(policies)
    except PipelineError as exc:
        raise _fail(exc.args[0]) from None
    if payer not in loaded:
        raise _fail(f"unknown payer {payer!r}; known: {', '.join(sorted(loaded))}")
    typer.echo(render_policy(loaded[payer].policy))


@app.command()
def batch(
    source: Annotated[Path, typer.Argument(help="A folder of packets, or a CSV manifest (path,payer[,request_id,"
                                                "received_at]).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (results.jsonl, summary.csv, ...).")],
    workers: Annotated[int, typer.Option(min=0, help="Worker processes (0: one per core).")] = 0,
    payer: Annotated[list[str] | None, typer.Option("--payer", "-p", help="Payers for folder input (default all).")
                     ] = None,
    html: Annotated[bool, typer.Option("--html", help="Also write one HTML report per packet to OUT/reports.")
                    ] = False,
    fhir: Annotated[bool, typer.Option("--fhir", help="Also write one FHIR Bundle per packet to OUT/fhir "
                                                      "(docs/fhir.md).")] = False,
    store: Annotated[str | None, typer.Option(help="Results store URL (default sqlite:///OUT/results.db; 'none' "
                                                   "to skip). Any SQLAlchemy URL, e.g. postgresql+psycopg://...")
                     ] = None,
    engine: Annotated[str, typer.Option(help="local (worker processes) or spark.")] = "local",
    master: Annotated[str, typer.Option(help="Spark master, e.g. local[2] or spark://host:7077.")] = "local[2]",
    progress: Annotated[str, typer.Option(help="auto, bar, lines or none.")] = "auto",
    policies: PolicyDir = Path("policies"),
    timeout: Timeout = 180.0,
    analysis_timeout: AnalysisTimeout = 120.0,
    max_pages: MaxPages = 500,
    max_mb: MaxMb = 50,
    memory_mb: MemoryMb = 2048,
    ocr: Ocr = True,
    ocr_dpi: OcrDpi = 300,
    ocr_threads: OcrThreads = None,
    low_confidence: LowConfidence = 80.0,
) -> None:
    """Screen a folder or manifest of packets: one record per packet, resumable, with a run summary."""

    from .batch.local import BatchOptions, BatchSummary, main_exit_code, run_local
    from .batch.results import RESULTS, run_report

    limits = _limits(timeout, max_pages, max_mb, memory_mb, ocr, ocr_dpi, low_confidence, analysis_timeout,
                     ocr_threads)
    store_url = None if store == "none" else store or f"sqlite:///{(out / 'results.db').resolve()}"
    if engine not in {"local", "spark"}:
        raise _fail(f"unknown engine {engine!r}; use local or spark")
    _check_intake_zone()
    summary: BatchSummary
    try:
        if engine == "spark":
            from .batch.local import sync_store
            from .batch.spark import SparkUnavailableError, run_spark

            try:
                summary = run_spark(source, out, master=master, policy_dir=policies, payers=payer or None,
                                    limits=limits)
            except SparkUnavailableError as exc:
                raise _fail(str(exc)) from None
            if store_url is not None:
                sync_store(store_url, out / RESULTS)
        else:
            summary = run_local(source, BatchOptions(
            out=out, policy_dir=policies, workers=workers or os.cpu_count() or 1,
                payers=tuple(payer) if payer else None, limits=limits, html=html, store_url=store_url,
                progress=progress))
    except PipelineError as exc:
        raise _fail(exc.args[0]) from None
    except OSError as exc:  # the output folder: disk full, read-only, removed under the run
        raise _fail(f"cannot write to {out} ({exc.strerror or type(exc).__name__}); results.jsonl keeps every "
                    "record written so far: run the same command again when this is fixed") from None
    except Exception as exc:
        if type(exc).__module__.startswith("sqlalchemy"):  # the store failed during the run
            raise _fail(f"the results store failed ({type(exc).__name__}); results.jsonl is complete: run the "
                        "same command again to bring the store up to date") from None
        raise
    if summary.interrupted or summary.tally is None:
        typer.echo(f"prescreen: interrupted after {summary.screened} packets; run the same command again to "
                   "finish the rest", err=True)
    else:
        typer.echo(run_report(summary.tally, summary))
        if fhir:
            from .report.fhir import write_batch_bundles

            written, failed = write_batch_bundles(out / RESULTS, out / "fhir")
            typer.echo(f"{written} FHIR Bundles in {out / 'fhir'}"
                       + (f"; {failed} records could not be written as Bundles (E304)" if failed else ""))
            if failed:
                raise typer.Exit(max(1, main_exit_code(summary)))
        if summary.peak_rss_mb:
            typer.echo("peak memory per worker (MB): " + ", ".join(f"{v:.0f}" for v in summary.peak_rss_mb.values()))
    raise typer.Exit(main_exit_code(summary))


@fhir_app.command("summarize")
def fhir_summarize(file: Annotated[Path, typer.Argument(help="A Bundle written by --format fhir.")]) -> None:
    """Read a Bundle back to the text table: payer, decision, outcome, policy, reasons, needs, decision clock."""
    from .report.fhir import FhirFormatError, summarize_bundle

    try:
        text = file.read_bytes()
    except OSError as exc:
        raise _fail(f"{file.name}: cannot read ({exc.strerror})", code=1) from None
    try:
        typer.echo(summarize_bundle(text), nl=False)
    except FhirFormatError as exc:
        raise _fail(f"{file.name}: {exc}", code=1) from None


@fhir_app.command("check")
def fhir_check(files: Annotated[list[Path], typer.Argument(help="Bundles written by --format fhir.")]) -> None:
    """Validate Bundles with the FHIR R4 models and the PAS / CRD invariants (FHIRPath); exit 1 on any failure."""
    from .report.fhir import FhirFormatError, read_bundle
    from .report.fhir_checks import INVARIANTS, check_bundle

    failed = False
    for file in files:
        try:
            violations = check_bundle(read_bundle(file.read_bytes()))
        except (OSError, FhirFormatError) as exc:
            typer.echo(f"FAIL {file}: {exc}")
            failed = True
            continue
        for v in violations:
            typer.echo(f"FAIL {file}: {v.invariant.id} on {v.where}: {v.invariant.description}")
        failed = failed or bool(violations)
        if not violations:
            typer.echo(f"ok   {file} ({len(INVARIANTS)} invariants)")
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    corpus: Annotated[Path, typer.Option(help="Directory of annotated packets.")] = Path("annotations/packets"),
    split: Annotated[list[str] | None, typer.Option("--split", help="dev and/or heldout (default both).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Render each packet to PDF and screen the PDF.")] = False,
    fax: Annotated[bool, typer.Option("--fax", help="Render each packet as a 200 dpi fax image (OCR).")] = False,
    policies: PolicyDir = Path("policies"),
) -> None:
    """Screen the annotated corpus and report agreement with the annotations (decision, outcome, facts)."""
    from .corpus.evaluation import evaluate_corpus

    try:
        reports = evaluate_corpus(corpus, splits=split or ["dev", "heldout"], pdf=pdf, fax=fax, policy_dir=policies)
    except (PipelineError, ValueError) as exc:
        raise _fail(str(exc)) from None
    failed = False
    for name, report in reports.items():
        typer.echo(f"[{name}] " + "  ".join(f"{k}={v}" for k, v in report.summary().items()))
        for line in report.lines():
            typer.echo(f"  {line}")
        failed = failed or bool(report.lines())
    if failed:
        raise typer.Exit(1)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="A packet (PDF or text).")],
    fact: Annotated[list[str] | None, typer.Argument(help="Facts to show (default: every documented fact).")] = None,
    policies: PolicyDir = Path("policies"),
) -> None:
    """Show how a packet was read: prior imaging studies and each fact with the evidence behind its status."""
    from .screen import Screener

    try:
        record = Screener(policy_dir=policies).screen_one(file)
    except PipelineError as exc:
        raise _fail(exc.args[0]) from None
    if isinstance(record, ErrorRecord):
        raise _fail(f"{record.path}: {record.code} {record.message}", code=1)
    wanted = set(fact or [])
    typer.echo(f"request date: {record.reference_date or 'not found'}")
    for s in record.imaging:
        typer.echo(f"study {s.modality} {s.date or 'undated'} {s.body_part or ''} {', '.join(s.verdicts)}")
    for f in record.facts:
        if (wanted and f.name not in wanted) or (not wanted and f.status.value == "not_documented" and not f.ignored):
            continue
        value = f" = {f.value}" if f.value is not None else ""
        typer.echo(f"{f.name}: {f.status.value}{value}  ({f.note})")
        for e in f.evidence[:8]:
            typer.echo(f"    [{e.assertion}] p{e.page} {e.text!r} {' '.join(e.modifiers)} | {(e.sentence or '')[:100]}")
        for e in f.ignored[:4]:
            why = ' '.join(e.modifiers) or e.section
            if "retracted" in e.modifiers:  # the rule that found the correction (nlp/retraction.py)
                why = " ".join([*e.modifiers, *(r for r in e.modifier_rules if r.startswith("retract."))])
            if e.attributes.get("superseded_by"):
                why = f"superseded by {e.attributes['superseded_by']} {e.attributes.get('superseded_by_text')!r}"
            typer.echo(f"    [ignored: {why}] {e.text!r} | {(e.sentence or '')[:90]}")


@app.command()
def version() -> None:
    """Print the pipeline version."""
    typer.echo(__version__)


# -- the reviewer workbench ----------------------------------------------------------------------------------

STORE_ENV = "PRESCREEN_STORE_URL"
StoreUrl = Annotated[str, typer.Option("--store", envvar=STORE_ENV,
                                       help="Results store URL (SQLite file or postgresql+psycopg://...).")]
users_app = typer.Typer(no_args_is_help=True, help="Workbench accounts (reviewer, physician, admin).")
audit_app = typer.Typer(no_args_is_help=True, help="The workbench's hash-chained audit trail.")
learn_app = typer.Typer(no_args_is_help=True, help="Reviewer corrections as training data.")
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
app.add_typer(learn_app, name="learn")
app.add_typer(__import__("pipeline.learn.cli_annotations", fromlist=["x"]).annotations_app, name="annotations")
app.add_typer(models_app)  # `prescreen train`, `prescreen evaluate-model` (pipeline/learn/cli_models.py)


def _review_engine(store: str):
    from .review.audit import ensure_head
    from .review.db import make_engine
    from .store import ResultStore

    ResultStore(store).migrate()
    engine = make_engine(store)
    ensure_head(engine)
    return engine


@app.command()
def review(
    store: StoreUrl = "sqlite:///results.db",
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    cache: Annotated[Path | None, typer.Option(help="Folder for rendered pages and packet text (PHI: keep it "
                                                    "private). Default: review-cache beside a SQLite store.")
                     ] = None,
    threads: Annotated[int, typer.Option(min=1, max=64)] = 8,
    tls_proxy: Annotated[str | None, typer.Option(help="Address of the TLS reverse proxy in front: its "
                                                       "X-Forwarded-Proto is trusted, cookies are Secure and "
                                                       "HSTS is sent.")] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(help="Host name the proxy serves (repeatable).")
                            ] = None,
) -> None:
    """Start the reviewer workbench (a web app) over the results store."""
    from sqlalchemy.engine import make_url

    from .review.app import create_app, serve

    if cache is None:
        url = make_url(store)
        base = Path(url.database).expanduser().resolve().parent if url.get_backend_name() == "sqlite" and \
            url.database and url.database != ":memory:" else Path.cwd()
        cache = base / "review-cache"
    cache.mkdir(parents=True, exist_ok=True)
    cache.chmod(0o700)
    hosts = tuple(allowed_host or ())
    origins = tuple(f"https://{h}" for h in hosts)
    application = create_app(store, cache_dir=cache, allowed_hosts=hosts, tls_proxy=tls_proxy is not None,
                             trusted_origins=origins)
    if host not in ("127.0.0.1", "localhost", "::1") and tls_proxy is None:
        typer.echo("prescreen: warning: listening beyond loopback without --tls-proxy; serve it behind a TLS "
                   "reverse proxy", err=True)
    typer.echo(f"prescreen review: http://{host}:{port}/  (store {make_url(store).render_as_string(hide_password=True)}"
               f"; Ctrl-C stops)")
    serve(application, host=host, port=port, threads=threads, tls_proxy=tls_proxy)


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="Login name: lower-case letters, digits, '.', '_', '-'.")],
    role: Annotated[str, typer.Option(help="reviewer, physician or admin.")],
    name: Annotated[str | None, typer.Option(help="Display name (default: the user name).")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")
                              ] = False,
    store: StoreUrl = "sqlite:///results.db",
) -> None:
    """Create a workbench account (the password is prompted for, at least 12 characters)."""
    from .review.accounts import AccountError, add_user

    try:
        user = add_user(_review_engine(store), username=username, password=_password(password_stdin), role=role,
                        display_name=name)
    except AccountError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"added {user.username} ({user.role})")


@users_app.command("list")
def users_list(store: StoreUrl = "sqlite:///results.db") -> None:
    """List the workbench accounts."""
    from .review.accounts import list_users

    for u in list_users(_review_engine(store)):
        typer.echo(f"{u.username:20} {u.role:10} {'active' if u.active else 'disabled':9} {u.display_name}")


@users_app.command("disable")
def users_disable(username: Annotated[str, typer.Argument()], store: StoreUrl = "sqlite:///results.db") -> None:
    """Disable an account (its sessions end at once)."""
    from .review.accounts import AccountError, set_active

    try:
        set_active(_review_engine(store), username=username, active=False)
    except AccountError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"disabled {username}")


@users_app.command("enable")
def users_enable(username: Annotated[str, typer.Argument()], store: StoreUrl = "sqlite:///results.db") -> None:
    """Enable a disabled account."""
    from .review.accounts import AccountError, set_active

    try:
        set_active(_review_engine(store), username=username, active=True)
    except AccountError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"enabled {username}")


@users_app.command("password")
def users_password(
    username: Annotated[str, typer.Argument()],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")
                              ] = False,
    store: StoreUrl = "sqlite:///results.db",
) -> None:
    """Set a new password (the account's sessions end)."""
    from .review.accounts import AccountError, set_password

    try:
        set_password(_review_engine(store), username=username, password=_password(password_stdin))
    except AccountError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"password of {username} changed")


@audit_app.command("verify")
def audit_verify(
    store: StoreUrl = "sqlite:///results.db",
    expect_head: Annotated[str | None, typer.Option(help="SEQ:HASH printed by an earlier verify, kept "
                                                         "outside the database.")] = None,
) -> None:
    """Check the audit trail's hash chain; exit 1 when it was tampered with."""
    from .review.audit import verify

    result = verify(_review_engine(store), expect_head=expect_head)
    for problem in result.problems:
        typer.echo(f"prescreen: audit: {problem}", err=True)
    typer.echo(f"{'ok' if result.ok else 'BROKEN'}: {result.events} events; head {result.head_seq}:{result.head_hash}")
    if not result.ok:
        raise typer.Exit(1)


@audit_app.command("export")
def audit_export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (.csv or .jsonl).")],
    store: StoreUrl = "sqlite:///results.db",
    case: Annotated[str | None, typer.Option(help="Only this case key.")] = None,
) -> None:
    """Export the audit trail as CSV or JSON Lines (by the file's extension)."""
    from .review import audit

    engine = _review_engine(store)
    writer = audit.csv_lines if out.suffix.lower() == ".csv" else audit.json_lines
    with engine.connect() as conn, out.open("w", encoding="utf-8", newline="") as f:
        for chunk in writer(audit.event_dicts(conn, case_key=case)):
            f.write(chunk)
    typer.echo(f"wrote {out}")


class SpanFormat(StrEnum):
    jsonl = "jsonl"
    brat = "brat"
    label_studio = "label-studio"


@learn_app.command("export")
def learn_export(
    out: Annotated[Path, typer.Option("--out", "-o", help="A .jsonl file (jsonl), or a folder (brat, "
                                                          "label-studio).")],
    fmt: Annotated[SpanFormat, typer.Option("--format", "-f")] = SpanFormat.jsonl,
    store: StoreUrl = "sqlite:///results.db",
    policies: PolicyDir = Path("policies"),
    cache: Annotated[Path | None, typer.Option(help="Packet-text cache of the workbench (brat, label-studio).")
                     ] = None,
) -> None:
    """Export reviewer overrides and added evidence as span annotations (prescreen-spans/1, brat, Label Studio)."""
    import json

    from .learn.spans import label_studio_tasks, reviewer_spans, to_jsonl, write_brat
    from .review.prepare import PacketFiles, PrepareError

    engine = _review_engine(store)
    spans = list(reviewer_spans(engine, policy_dir=policies))
    if fmt is SpanFormat.jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            f.writelines(to_jsonl(spans))
        typer.echo(f"wrote {len(spans)} spans to {out}")
        return
    texts: dict[str, str] = {}
    cache_dir = cache or out / ".text-cache"
    for s in spans:
        sha = s["document_sha256"]
        if sha in texts or s.get("start") is None or not s.get("document_path"):
            continue
        try:
            texts[sha] = str(PacketFiles(path=s["document_path"], sha256=sha, cache_dir=cache_dir).text()["text"])
        except PrepareError as exc:
            typer.echo(f"prescreen: {sha[:12]}: {exc}", err=True)
    out.mkdir(parents=True, exist_ok=True)
    if fmt is SpanFormat.brat:
        n = write_brat(spans, texts, out)
    else:
        tasks, config = label_studio_tasks(spans, texts)
        (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
        (out / "labeling-config.xml").write_text(config, encoding="utf-8")
        n = sum(len(t["annotations"][0]["result"]) for t in tasks)
    typer.echo(f"wrote {n} annotations for {len(texts)} documents to {out}")


def main() -> None:
    from .logs import configure_logging

    try:
        configure_logging()
    except ValueError as exc:
        typer.echo(f"prescreen: {exc}", err=True)
        raise SystemExit(2) from None
    app()


if __name__ == "__main__":
    main()
