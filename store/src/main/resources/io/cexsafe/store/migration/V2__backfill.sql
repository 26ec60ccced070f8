-- cexsafe store schema 2: facts a backfill reconstructed from a source's dated history (DeFiLlama's
-- reserves and hacks), kept apart from assessed runs so that they never pass for one. One row per
-- exchange, UTC day and fact identity: backfilling again adds nothing twice. The evidence itself is
-- stored once in store_evidence like any other.
CREATE TABLE store_backfill (
  exchange_id  VARCHAR(200) NOT NULL,
  day_ms       BIGINT       NOT NULL,
  identity     VARCHAR(400) NOT NULL,
  observed_ms  BIGINT       NOT NULL,
  digest       CHAR(64)     NOT NULL REFERENCES store_evidence (digest),
  retrieved_at VARCHAR(40)  NOT NULL,
  backfill_id  VARCHAR(100) NOT NULL,
  recorded_ms  BIGINT       NOT NULL,
  PRIMARY KEY (exchange_id, day_ms, identity)
);
CREATE INDEX store_backfill_observed ON store_backfill (exchange_id, observed_ms);
