"""`presenter.agenda` exports its names lazily; each must be the thing named, not a module."""

from __future__ import annotations

import importlib
import pkgutil
import types

import presenter.agenda


def test_every_exported_name_is_a_class_function_or_constant_even_after_all_imports():
    for module in pkgutil.iter_modules(presenter.agenda.__path__):
        importlib.import_module(f"presenter.agenda.{module.name}")
    for name in presenter.agenda.__all__:
        value = getattr(presenter.agenda, name)
        assert not isinstance(value, types.ModuleType), name
    assert callable(presenter.agenda.schedule)
