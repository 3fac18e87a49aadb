"""The `budget` command line: each command a leaf over flows, tasks and the libraries beneath."""
