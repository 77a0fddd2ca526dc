"""`python main.py ARGS` behaves exactly like the `presenter` command."""

from presenter.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
