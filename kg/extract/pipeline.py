"""Run every extractor over one loaded report."""

from __future__ import annotations

from kg.extract.agencies import find_agencies, sentence_mentions
from kg.extract.context import doc_context
from kg.extract.model import Extraction
from kg.extract.organizations import find_organizations
from kg.extract.places import find_places, outside_organizations
from kg.extract.plans import find_plans
from kg.extract.policies import find_policies
from kg.extract.targets import find_targets
from kg.extract.tokens import sentence_tokens
from kg.loaders.model import Report

__all__ = ["extract_report"]


def extract_report(report: Report) -> Extraction:
    """Return everything the extractors find in ``report``."""
    ctx = doc_context(report.meta)
    tokens = sentence_tokens(report)
    places = find_places(report, ctx, tokens)
    organizations = find_organizations(report, ctx, tokens, places)
    places = outside_organizations(places, report, ctx, organizations)  # 湖北省 of 国网湖北省电力公司
    mentions = sentence_mentions(report, tokens)
    agencies = find_agencies(report, ctx, mentions)
    return Extraction(
        agencies=agencies,
        organizations=organizations,
        places=places,
        policies=find_policies(report, ctx, agencies, tokens),
        plans=find_plans(report, ctx, agencies, tokens),
        targets=find_targets(report, ctx, agencies, places, mentions),
    )
