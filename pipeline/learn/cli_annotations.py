"""`prescreen annotations ...`: the span-level gold (bootstrap, manifest, agreement, interchange).

Thin wrappers over pipeline/learn/gold.py, pipeline/learn/interchange.py and the corpus tooling in
pipeline/corpus/gold_*.py.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import printable

annotations_app = typer.Typer(no_args_is_help=True,
                              help="Span-level gold annotations: bootstrap, agreement, Label Studio / brat / DocBin.")

Corpus = Annotated[Path, typer.Option("--corpus", help="Directory of annotated packets (.txt + .yaml).")]
Split = Annotated[list[str] | None, typer.Option("--split", help="dev and/or heldout (default both).")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"prescreen: {printable(message)}", err=True)
    return typer.Exit(code)


@annotations_app.command("bootstrap")
def bootstrap_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the <packet>.jsonl pre-annotations.")] = Path(
        "annotations/spans-bootstrap"),
    corpus: Corpus = Path("annotations/packets"),
    split: Split = None,
    packet: Annotated[list[str] | None, typer.Argument(help="Packet ids (default: every packet).")] = None,
) -> None:
    """Pre-annotate packets with the pipeline's own mentions, in the gold format (origin `pipeline`)."""
    from ..corpus.gold_bootstrap import bootstrap
    from .gold import write_gold

    n_packets = n_spans = 0
    try:
        for pid, spans in bootstrap(corpus, splits=split or ["dev", "heldout"], ids=packet):
            write_gold(spans, out, packets=[pid])
            n_packets += 1
            n_spans += len(spans)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"wrote {n_spans} spans for {n_packets} packets to {out}")


@annotations_app.command("manifest")
def manifest_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="The gold folder.")] = Path("annotations/spans"),
    bootstrap: Annotated[Path, typer.Option("--bootstrap", help="The raw bootstrap it was corrected from.")] = Path(
        "annotations/spans-bootstrap"),
    reviewed: Annotated[list[str] | None, typer.Option("--reviewed", help="Mark these packets reviewed.")] = None,
    packets: Annotated[Path | None, typer.Option("--packets", help="Packet texts (default: next to the gold).")
                       ] = None,
) -> None:
    """Validate the gold against the packet texts and rewrite MANIFEST.yaml and CORRECTIONS.md."""
    from ..corpus.gold_manifest import update_manifest

    try:
        result = update_manifest(gold, bootstrap, packets=packets, reviewed=set(reviewed or []))
    except ValueError as exc:
        raise _fail(str(exc)) from None
    touched = sum(c.touched for c in result.values())
    typer.echo(f"{len(result)} packets, {sum(c.spans for c in result.values())} spans, {touched} spans corrected")


@annotations_app.command("agreement")
def agreement_cmd(
    a_dir: Annotated[Path, typer.Argument(help="First pass (a folder of <packet>.jsonl).")],
    b_dir: Annotated[Path, typer.Argument(help="Second pass.")],
    packets: Annotated[Path, typer.Option("--packets", help="Packet texts the spans point into.")] = Path(
        "annotations/packets"),
    confusion: Annotated[bool, typer.Option("--confusion", help="Also print the label pairs.")] = False,
) -> None:
    """Cohen's kappa between two annotation passes (assertion; verdict) over the spans both contain."""
    from ..corpus.gold_agreement import agreement
    from .gold import load_gold

    try:
        report = agreement(load_gold(a_dir, packets=packets), load_gold(b_dir, packets=packets))
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if not report.packets:
        raise _fail("the two passes share no packet")
    typer.echo("  ".join(f"{k}={v}" for k, v in report.summary().items()))
    if confusion:
        for which in ("assertion", "verdict"):
            for (x, y), n in report.confusion(which).items():
                typer.echo(f"  {which} {x} / {y}: {n}")


class ExportFormat(StrEnum):
    label_studio = "label-studio"
    brat = "brat"
    docbin = "docbin"


class ImportFormat(StrEnum):
    label_studio = "label-studio"
    brat = "brat"


Gold = Annotated[Path, typer.Option("--gold", help="The gold folder.")]
Packets = Annotated[Path, typer.Option("--packets", help="Packet texts (<id>.txt) the spans point into.")]


@annotations_app.command("export")
def export_cmd(
    to: Annotated[ExportFormat, typer.Option("--to", help="label-studio, brat or docbin.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write.")],
    packet: Annotated[list[str] | None, typer.Argument(help="Packet ids, or `all` (the default).")] = None,
    gold: Gold = Path("annotations/spans"),
    predictions: Annotated[Path, typer.Option(
        "--predictions", help="The pipeline's mentions (Label Studio predictions); packets missing there are "
                              "run through the pipeline.")] = Path("annotations/spans-bootstrap"),
    packets: Packets = Path("annotations/packets"),
    reviewed_only: Annotated[bool, typer.Option(
        "--reviewed-only/--all-gold", help="Gold of packets MANIFEST.yaml marks reviewed only (default for "
                                           "label-studio, whose other packets carry predictions only).")] = False,
) -> None:
    """Export gold spans (and the pipeline's mentions) to Label Studio, brat or a spaCy DocBin."""
    import json

    from ..corpus.gold_manifest import read_manifest
    from .gold import gold_files, load_gold
    from .interchange import (
        CONFIG_FILE,
        TASKS_FILE,
        label_studio_config,
        label_studio_tasks,
        packet_texts,
        write_brat,
        write_docbin,
    )

    try:
        ids = sorted(p.stem for p in packets.glob("*.txt")) if not packet or packet == ["all"] else sorted(packet)
        texts = packet_texts(packets, ids)
        spans = load_gold(gold, packets=packets, ids=ids) if gold.is_dir() else []
        if reviewed_only or to is ExportFormat.label_studio:
            marks = read_manifest(gold)
            if marks:
                spans = [s for s in spans if (marks.get(s.packet) or {}).get("reviewed")]
        if to is ExportFormat.brat:
            n = write_brat(texts, spans, out)
            typer.echo(f"wrote {n} spans for {len(texts)} packets to {out} (brat)")
        elif to is ExportFormat.docbin:
            n, inexact = write_docbin(texts, spans, out)
            typer.echo(f"wrote {n} spans for {len(texts)} packets to {out} (DocBin; {inexact} spans not on "
                       "token boundaries keep their exact offsets in attrs['char_spans'])")
        else:
            have = {p.stem for p in gold_files(predictions)} if predictions.is_dir() else set()
            preds = load_gold(predictions, packets=packets, ids=[i for i in ids if i in have]) if have else []
            missing = [i for i in ids if i not in have]
            if missing:
                from ..corpus.gold_bootstrap import bootstrap_file
                from ..nlp import build_nlp

                nlp = build_nlp()
                for pid in missing:
                    preds.extend(bootstrap_file(nlp, pid, packets / f"{pid}.txt"))
            from ..about import __version__
            from .gold import sha256_of

            shas = {pid: sha256_of(packets / f"{pid}.txt") for pid in texts}
            tasks = label_studio_tasks(texts, spans, preds, shas=shas, model_version=f"prescreen-rules@{__version__}")
            out.mkdir(parents=True, exist_ok=True)
            (out / TASKS_FILE).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
            (out / CONFIG_FILE).write_text(label_studio_config(), encoding="utf-8")
            typer.echo(f"wrote {len(tasks)} tasks ({sum('annotations' in t for t in tasks)} with gold) and "
                       f"{CONFIG_FILE} to {out}")
    except ValueError as exc:
        raise _fail(str(exc)) from None


@annotations_app.command("import")
def import_cmd(
    source: Annotated[Path, typer.Argument(help="A Label Studio JSON export, or a brat folder.")],
    from_: Annotated[ImportFormat, typer.Option("--from", help="label-studio or brat.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Gold folder to write <packet>.jsonl into.")] = Path(
        "annotations/spans"),
    packets: Packets = Path("annotations/packets"),
) -> None:
    """Import corrected annotations into the gold (one file per imported packet, replaced)."""
    from .gold import load_gold, write_gold
    from .interchange import check_against_packets, read_brat, read_label_studio

    try:
        if from_ is ImportFormat.brat:
            if not source.is_dir():
                raise _fail(f"{source}: a brat import reads a folder of .ann/.txt files")
            spans, ids = read_brat(source, packets)
        else:
            if not source.is_file():
                raise _fail(f"{source}: a Label Studio import reads its JSON export file")
            spans, ids, texts = read_label_studio(source)
            check_against_packets(texts, packets)
            missing = [pid for pid in ids if not (packets / f"{pid}.txt").is_file()]
            if missing:
                raise _fail(f"no packet text for {', '.join(missing[:5])} in {packets}")
        written = write_gold(spans, out, packets=ids)
        load_gold(out, packets=packets, ids=ids)  # what was written must read back
    except ValueError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"imported {len(spans)} spans for {len(written)} packets into {out}; "
               "run `prescreen annotations manifest` to recount the corrections")
