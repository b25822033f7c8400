"""Render a policy's criteria trees as indented text (for `prescreen policies show`)."""

from __future__ import annotations

import textwrap

from ..criteria.loader import policy_roots
from ..criteria.schema import (
    AllNode,
    AnyNode,
    CodesNode,
    FactNode,
    Node,
    NotNode,
    Policy,
    RecentImagingNode,
    ReviewerNode,
)


def _describe(node: Node) -> str:
    if isinstance(node, FactNode):
        where = f" where {node.where}" if node.where else ""
        extra = f"; not documented -> {node.if_not_documented}" if node.if_not_documented != "not_met" else ""
        return f"fact {node.fact} is {'/'.join(s.value for s in node.status)}{where}{extra}"
    if isinstance(node, CodesNode):
        return f"{node.field} code in {', '.join(node.codes)}"
    if isinstance(node, RecentImagingNode):
        return f"{'/'.join(node.modalities)} within {node.within_days} days before the request"
    if isinstance(node, ReviewerNode):
        return f"reviewer: {node.ask}"
    return node.op.upper()


def _lines(node: Node, depth: int) -> list[str]:
    pad = "  " * depth
    head = f"{pad}[{node.id}] {node.label + ' -- ' if node.label else ''}{_describe(node)}"
    out = [head]
    if node.quote:
        out += textwrap.wrap(f'"{node.quote}"', width=110, initial_indent=pad + "    ", subsequent_indent=pad + "     ")
    if isinstance(node, AllNode | AnyNode):
        for child in node.of:
            out += _lines(child, depth + 1)
    elif isinstance(node, NotNode):
        out += _lines(node.of, depth + 1)
    return out


def render_policy(policy: Policy) -> str:
    meta = policy.policy
    lines = [f"{policy.payer}: {meta.title} {meta.number or ''} ({meta.version}) -- source {meta.source_file}",
             f"CPT codes in scope: {', '.join(meta.cpt_codes)}"]
    outcomes = {id(e.criterion): e.outcome.value for e in policy.exclusions}
    for role, root in policy_roots(policy):
        suffix = f" -> {outcomes[id(root)]}" if id(root) in outcomes else ""
        lines.append(f"\n{role.upper()}{suffix}")
        lines += _lines(root, 1)
    lines.append(f"\nOTHERWISE -> {policy.otherwise.outcome.value}")
    lines += textwrap.wrap(f'"{policy.otherwise.quote}"', width=110, initial_indent="    ", subsequent_indent="     ")
    for note in policy.reviewer_notes:
        lines.append(f"\nREVIEWER NOTE: {note.note}")
        lines += textwrap.wrap(f'"{note.quote}"', width=110, initial_indent="    ", subsequent_indent="     ")
    return "\n".join(lines)
