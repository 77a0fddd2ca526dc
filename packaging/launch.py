"""The frozen app's entry point: the same `presenter` command a pip install gives."""

from presenter.cli import main

raise SystemExit(main())
