"""`python -m disclosure summary|cells …`: the `budget summary` and `budget cells` commands."""

import sys

from budget.cli import app

if __name__ == "__main__":
    app(sys.argv[1:], prog_name="python -m disclosure")
