"""Report stage: JSON Lines records, a terminal summary, and self-contained HTML reports."""

from .jsonl import record_json
from .text import summary_table

__all__ = ["record_json", "summary_table"]
