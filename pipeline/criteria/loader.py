"""Load and validate policy files. A bad file fails at load time, naming the file and the criterion id."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..errors import ErrorCode, PolicyError
from ..facts import load_catalogue
from .schema import AllNode, AnyNode, CodesNode, FactNode, Node, NotNode, Policy

DEFAULT_POLICY_DIR = Path("policies")

@dataclass(frozen=True)
class LoadedPolicy:
    policy: Policy
    path: Path
    sha256: str


def iter_nodes(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, AllNode | AnyNode):
        for child in node.of:
            yield from iter_nodes(child)
    elif isinstance(node, NotNode):
        yield from iter_nodes(node.of)


def policy_roots(policy: Policy) -> list[tuple[str, Node]]:
    """(role, root node) for every criteria tree in the policy, in evaluation order."""
    roots: list[tuple[str, Node]] = []
    if policy.contraindications is not None:
        roots.append(("contraindication", policy.contraindications))
    roots.extend(("exclusion", e.criterion) for e in policy.exclusions)
    if policy.documentation is not None:
        roots.append(("documentation", policy.documentation))
    roots.append(("indication", policy.indications))
    return roots


def _check_semantics(policy: Policy, path: Path) -> None:
    facts = load_catalogue()
    seen: set[str] = set()
    for _, root in policy_roots(policy):
        for node in iter_nodes(root):
            if node.id in seen:
                raise PolicyError(ErrorCode.E202_POLICY_INVALID, f"{path.name}: criterion id {node.id!r} is used twice")
            seen.add(node.id)
            if isinstance(node, FactNode):
                if node.fact not in facts:
                    raise PolicyError(
                        ErrorCode.E202_POLICY_INVALID,
                        f"{path.name}: criterion {node.id!r} names unknown fact {node.fact!r}; "
                        f"known facts: {', '.join(sorted(facts))}",
                    )
                for key in node.where or {}:
                    allowed = facts[node.fact].attribute_keys
                    if key not in allowed:
                        raise PolicyError(
                            ErrorCode.E202_POLICY_INVALID,
                            f"{path.name}: criterion {node.id!r}: fact {node.fact!r} has no attribute {key!r}; "
                            f"allowed: {sorted(allowed) or 'none'}",
                        )
            if isinstance(node, CodesNode):
                for code in node.codes:
                    parts = code.split("-")
                    if len(parts) > 2 or not all(p.strip() for p in parts):
                        raise PolicyError(ErrorCode.E202_POLICY_INVALID,
                                          f"{path.name}: criterion {node.id!r}: bad code or range {code!r}")


def _first_error(exc: ValidationError, data: object) -> str:
    """The first schema error, located by the nearest enclosing criterion id."""
    err = exc.errors()[0]
    node, criterion = data, None
    for part in err["loc"]:
        if isinstance(node, dict):
            criterion = node.get("id", criterion) if isinstance(node.get("id"), str) else criterion
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        criterion = node["id"]
    where = f"criterion {criterion!r}" if criterion else "top level"
    field = str(err["loc"][-1]) if err["loc"] else ""
    return f"{where}: {err['msg']} ({field})"


def load_policy(path: str | Path) -> LoadedPolicy:
    path = Path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as exc:
        raise PolicyError(ErrorCode.E201_POLICY_NOT_FOUND, f"{path}: cannot read policy file ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(raw_bytes)
    except yaml.YAMLError as exc:
        raise PolicyError(ErrorCode.E202_POLICY_INVALID, f"{path.name}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise PolicyError(ErrorCode.E202_POLICY_INVALID, f"{path.name}: expected a mapping at the top level")
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(ErrorCode.E202_POLICY_INVALID, f"{path.name}: {_first_error(exc, data)}") from exc
    if path.stem != policy.payer:
        raise PolicyError(ErrorCode.E202_POLICY_INVALID,
                          f"{path.name}: file name must be the payer id ({policy.payer}.yaml)")
    _check_semantics(policy, path)
    return LoadedPolicy(policy=policy, path=path, sha256=hashlib.sha256(raw_bytes).hexdigest())


def load_policies(directory: str | Path = DEFAULT_POLICY_DIR) -> dict[str, LoadedPolicy]:
    """Every `<payer>.yaml` in the directory, by payer id."""
    directory = Path(directory)
    if not directory.is_dir():
        raise PolicyError(ErrorCode.E201_POLICY_NOT_FOUND, f"{directory}: policy directory not found")
    loaded = [load_policy(p) for p in sorted(directory.glob("*.yaml"))]
    if not loaded:
        raise PolicyError(ErrorCode.E201_POLICY_NOT_FOUND, f"{directory}: no policy files (*.yaml)")
    return {lp.policy.payer: lp for lp in loaded}
