"""Reconciliation: the accounting identities that tie a disclosure's tables together, checked in
SQL over the warehouse.

- `reconcile.catalog`: the rules of each template, as data (`reconcile/rules/<template>/`);
- `reconcile.inputs`: the documents under check, from a data directory or from memory;
- `reconcile.evaluation`: runs the rules and keeps the violations where a rule could be evaluated;
- `reconcile.runs`: a run over the whole warehouse, recorded as Parquet by run id;
- `reconcile.report`: the HTML report of a run;
- `reconcile.changes`: the errors a run has that the run before it did not.

No Prefect here: `tasks/reconcile.py` and `flows/reconcile.py` wrap it.
"""
