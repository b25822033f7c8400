"""The ICD-10-CM code list (every chapter, block, category and code), to tell a real code from an OCR misreading.

The list is the one the PyPI package simple-icd-10-cm ships (CDC/NCHS tabular list, public domain). Its text file
is read directly (about 100,000 lines, a few hundredths of a second); importing the package would parse its whole
XML tabular list (seconds), which is only done when the text file is not where the package puts it.
"""

from __future__ import annotations

import glob
import importlib.util
import os
from functools import cache


@cache
def _codes() -> frozenset[str] | None:
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for path in sorted(glob.glob(os.path.join(folder, "data", "code-list-*.txt")), reverse=True):
            with open(path, encoding="utf-8") as f:
                return frozenset(line.split(" ")[0].strip().upper() for line in f if line.strip())
    return None


def is_icd10cm(code: str) -> bool:
    """True when `code` ("C71.9", "c719") is an ICD-10-CM chapter, block, category or code."""
    key = code.strip().upper().replace(".", "")
    codes = _codes()
    if codes is not None:
        return key in codes
    import simple_icd_10_cm  # the package without its usual file layout: ask it (slow to import)

    return bool(simple_icd_10_cm.is_valid_item(key))
