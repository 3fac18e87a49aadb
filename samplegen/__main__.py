"""`python -m samplegen [FOLDER]`: the `budget samples` command."""

import sys

from budget.cli import app

if __name__ == "__main__":
    app(["samples", *sys.argv[1:]], prog_name="python -m samplegen")
