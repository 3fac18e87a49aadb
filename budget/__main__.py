"""`python -m budget …`: the `budget` console script."""

from budget.cli import main

if __name__ == "__main__":
    main()
