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
MAX_POLICY_BYTES = 1024 * 1024
MAX_NESTING = 64
"""Policy files are small, shallow documents: larger or deeper ones are refused before they are parsed further
(a few KB of YAML aliases expand to gigabytes; thousands of nested levels exhaust the stack)."""


class _PolicyLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases (`*name`: the expansion bombs) and with bounded nesting."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in policy files",
                                              self.peek_event().start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise yaml.composer.ComposerError(None, None, f"nested deeper than {MAX_NESTING} levels",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


def _yaml_error(path: Path, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or exc.__class__.__name__
    return f"{path.name}: not valid YAML{where}: {problem}"

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
    """The first schema error, located by the innermost criterion id on its path (pydantic puts the union's tag,
    e.g. "all" or "fact", in the path: such parts are not keys of the data and are skipped)."""
    err = exc.errors()[0]
    node, criterion = data, None
    for part in err["loc"]:
        if isinstance(node, dict):
            criterion = node.get("id", criterion) if isinstance(node.get("id"), str) else criterion
            if part not in node:
                continue  # a discriminator tag
            node = node[part]
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
        with path.open("rb") as f:
            raw_bytes = f.read(MAX_POLICY_BYTES + 1)
    except OSError as exc:
        raise PolicyError(ErrorCode.E201_POLICY_NOT_FOUND, f"{path}: cannot read policy file ({exc.strerror})") from None
    if len(raw_bytes) > MAX_POLICY_BYTES:
        raise PolicyError(ErrorCode.E202_POLICY_INVALID, f"{path.name}: larger than {MAX_POLICY_BYTES // 1024} KB")
    try:
        data = yaml.load(raw_bytes, Loader=_PolicyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise PolicyError(ErrorCode.E202_POLICY_INVALID, _yaml_error(path, exc)) from None
    except RecursionError:
        raise PolicyError(ErrorCode.E202_POLICY_INVALID, f"{path.name}: nested too deeply") from None
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
