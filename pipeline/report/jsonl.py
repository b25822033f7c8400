"""JSON Lines: one object per input document (a screening result or an error record)."""

from __future__ import annotations

from ..contracts import ErrorRecord, ScreeningResult


def record_json(record: ScreeningResult | ErrorRecord) -> str:
    """Deterministic one-line JSON for a record (same input, byte-identical output)."""
    return record.model_dump_json(exclude_none=False)
