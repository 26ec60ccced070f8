-- cexsafe store schema 4: the evidence an exchange used in a run (each piece's digest and retrieval
-- time, in order) is kept packed in its summary row instead of a row per piece in
-- store_run_evidence, and its scorecard is compressed with a preset dictionary (the code's; zlib's
-- header names it). Each commit then writes one table and one index less. Rows written before keep
-- store_run_evidence (still read) and their dictionary-less scorecards; new commits leave that
-- table alone. Code that knows only schema 3 refuses the store, as it cannot read either.
ALTER TABLE store_summary ADD COLUMN evidence_used BYTEA;
