"""The `budget` command and the project's one configuration (`budget.settings.Settings`)."""
