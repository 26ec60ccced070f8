-- cexsafe store schema 3: an exchange's scorecard is kept in its summary row, as its JSON compressed
-- (zlib). A 12 KB scorecard then takes a fifth of a page in the row it belongs to instead of a row of
-- its own spanning overflow pages: each commit writes one table and its index less, and fewer pages.
-- Scorecards written before stay in store_scorecard (still read); new commits leave that table alone.
ALTER TABLE store_summary ADD COLUMN scorecard BYTEA;
