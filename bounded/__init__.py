"""Bounded parsing of untrusted PDFs: every parse in a child process with a memory limit
(RLIMIT_AS), a wall-clock limit enforced by killing it, and the page cap (the screen).

    with Pool(workers=2, limits=Limits()) as pool:
        done = pool.run("extract", path)      # Bounded: value, or reason + detail, peak RSS

Prefect-free, like `disclosure/`: the worker processes import the extraction library only.
"""
