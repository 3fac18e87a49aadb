"""What every process of a run stands on, beneath the command line: the one configuration
(`runtime.settings`), the Prefect API a one-off command reports to (`runtime.prefect_api`), the
tether that takes a command's processes down with it (`runtime.tether`), the garbage collector
paused while a flow imports (`runtime.collector`) and the quick exit after the work is done
(`runtime.quick_exit`). Flows, tasks and the `budget` command import it; it imports none of them.
"""
