"""`prescreen annotations ...`: the span-level gold (bootstrap, manifest, agreement, interchange).

Thin wrappers over pipeline/learn/gold.py, pipeline/learn/interchange.py and the corpus tooling in
pipeline/corpus/gold_*.py.
"""

from __future__ import annotations

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
