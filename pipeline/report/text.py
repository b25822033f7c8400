"""A readable terminal summary: a payer x decision x outcome table per document, then the reasons."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from ..contracts import ErrorRecord, ScreeningResult
from ..errors import printable


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(c.ljust(w) for c, w in zip(rows[0], widths, strict=False)), line]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) for r in rows[1:]]
    return out


def summary_table(record: ScreeningResult | ErrorRecord, *, width: int = 100) -> str:
    if isinstance(record, ErrorRecord):
        return f"{printable(record.path)}\n  ERROR {record.code} ({record.stage}): {printable(record.message)}\n"
    doc = record.document
    lines = [f"{printable(doc.path)}  sha256:{doc.sha256[:12]}  pages:{doc.n_pages}  request date:{record.reference_date or '?'}"]
    rows = [("payer", "decision", "outcome", "policy")]
    rows += [(d.payer, d.decision.value.upper(), d.outcome.value, f"{d.policy.id} ({d.policy.version})")
             for d in record.determinations]
    lines += ["  " + r for r in _table(rows)]
    for d in record.determinations:
        lines.append(f"  {d.payer}:")
        for reason in d.reasons:
            lines += textwrap.wrap(reason, width=width, initial_indent="    - ", subsequent_indent="      ")
        for item in d.missing_documentation:
            lines += textwrap.wrap(item, width=width, initial_indent="    needs: ", subsequent_indent="           ")
    return "\n".join(lines) + "\n"


def run_summary(records: Iterable[ScreeningResult | ErrorRecord]) -> str:
    """Counts of approve / pend / error per payer over a run."""
    counts: dict[str, dict[str, int]] = {}
    errors = 0
    for r in records:
        if isinstance(r, ErrorRecord):
            errors += 1
            continue
        for d in r.determinations:
            counts.setdefault(d.payer, {"approve": 0, "pend": 0})[d.decision.value] += 1
    rows = [("payer", "approve", "pend")] + [(p, str(c["approve"]), str(c["pend"])) for p, c in sorted(counts.items())]
    lines = _table(rows) if counts else []
    lines.append(f"documents with errors: {errors}")
    return "\n".join(lines) + "\n"
