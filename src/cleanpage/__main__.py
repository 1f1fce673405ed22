"""``python -m cleanpage``: the same as the ``cleanpage`` command."""

from ._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
