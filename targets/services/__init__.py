"""Writes, one module per job: ``documents`` (store and process uploads),
``merging`` (records into rows), ``places`` (regions and indicators by name),
``claims`` (self-claims), ``judging`` (verdicts), ``flags`` and ``actuals``
(manual entry and edits).

Every entry point takes keyword-only arguments. Reads live in ``targets.selectors``;
the judgment itself is pure (``targets.evaluation``, ``targets.linking``,
``targets.claims``). Callers import from the module of the job they need.
"""
