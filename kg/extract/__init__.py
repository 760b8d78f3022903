"""Extractors: agencies, organisations, places, policies, plans and targets of a report.

:func:`extract_report` runs them in dependency order: places and agencies first, because
policies, plans and targets attach to them.
"""

from kg.extract.model import (
    Agency,
    DocContext,
    Extraction,
    Organization,
    Place,
    Plan,
    Policy,
    Target,
)

__all__ = [
    "Agency",
    "DocContext",
    "Extraction",
    "Organization",
    "Place",
    "Plan",
    "Policy",
    "Target",
    "extract_report",
]


def __getattr__(name: str):
    # extractors load their dictionaries on import; keep `import kg.extract.model` light
    if name == "extract_report":
        from kg.extract.pipeline import extract_report

        return extract_report
    raise AttributeError(name)
