"""The folders tell the architecture, and these rules keep them honest:

- the domain (``targets``) imports nothing from the outputs (``reports``, ``saima``);
- ``reports`` imports nothing from ``saima`` (saima registers its export kind);
- services never import tasks (tasks import their service);
- the pure cores (periods, display, evaluation, linking, claims) import no Django.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _modules(package: str) -> list[Path]:
    return sorted(
        p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts
    )


def _offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}: {name}"
        for path in paths
        for name in sorted(_imports(path))
        if name.split(".")[0] in forbidden or name.startswith(forbidden)
    ]


def test_the_domain_imports_nothing_from_the_outputs():
    assert _offenders(_modules("targets"), ("reports", "saima")) == []


def test_reports_imports_nothing_from_saima():
    assert _offenders(_modules("reports"), ("saima",)) == []


@pytest.mark.parametrize(
    "services",
    [
        *sorted((ROOT / "targets" / "services").glob("*.py")),
        ROOT / "reports" / "services.py",
        ROOT / "saima" / "services.py",
    ],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_services_never_import_tasks(services):
    tasks = [n for n in _imports(services) if n.split(".")[-1] == "tasks"]
    assert tasks == []


def test_the_pure_cores_load_no_django():
    code = (
        "import sys\n"
        "import targets.periods, targets.display, targets.evaluation\n"
        "import targets.linking, targets.claims\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'django')\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
