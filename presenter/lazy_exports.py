"""Package names loaded on first use (PEP 562), so a command pays only for what it reads."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def exports_on_first_use(
    package: str, homes: dict[str, str], namespace: dict[str, Any]
) -> Callable[[str], object]:
    """A module `__getattr__` for `package`: each name in `homes` is imported from its module
    (`homes[name]`, inside the package) when first asked for, then kept in `namespace`."""

    def __getattr__(name: str) -> object:
        if name not in homes:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        value = getattr(importlib.import_module(f"{package}.{homes[name]}"), name)
        namespace[name] = value
        return value

    return __getattr__
