-- cexsafe store schema 1. Portable between SQLite and PostgreSQL: instants are epoch milliseconds
-- (for ordering and ranges) plus their exact ISO text where a value must round-trip.

CREATE TABLE store_run (
  run_id      VARCHAR(100) NOT NULL PRIMARY KEY,
  as_of_ms    BIGINT       NOT NULL,
  started_ms  BIGINT       NOT NULL,
  finished_ms BIGINT,
  plan        TEXT         NOT NULL
);

-- One row per distinct piece of evidence across all runs: the key is the SHA-256 of the evidence's
-- JSON with its retrieval time left out, so unchanged evidence is stored once.
CREATE TABLE store_evidence (
  digest      CHAR(64)     NOT NULL PRIMARY KEY,
  evidence_id VARCHAR(400) NOT NULL,
  exchange_id VARCHAR(200) NOT NULL,
  body        TEXT         NOT NULL
);

-- One row per exchange committed in a run: the scorecard's summary, which history reads without
-- touching the scorecard itself. Its primary key is what keeps an exchange from being stored twice.
CREATE TABLE store_summary (
  run_id       VARCHAR(100) NOT NULL REFERENCES store_run (run_id),
  exchange_id  VARCHAR(200) NOT NULL,
  as_of_ms     BIGINT       NOT NULL,
  as_of        VARCHAR(40)  NOT NULL,
  committed_ms BIGINT       NOT NULL,
  estimate     DOUBLE PRECISION,
  low          DOUBLE PRECISION NOT NULL,
  high         DOUBLE PRECISION NOT NULL,
  confidence   DOUBLE PRECISION NOT NULL,
  grade        VARCHAR(8),
  grade_label  VARCHAR(400) NOT NULL,
  PRIMARY KEY (run_id, exchange_id)
);
CREATE INDEX store_summary_history ON store_summary (exchange_id, as_of_ms);

CREATE TABLE store_pillar (
  exchange_id VARCHAR(200) NOT NULL,
  run_id      VARCHAR(100) NOT NULL,
  position    INTEGER      NOT NULL,
  pillar      VARCHAR(60)  NOT NULL,
  estimate    DOUBLE PRECISION,
  low         DOUBLE PRECISION NOT NULL,
  high        DOUBLE PRECISION NOT NULL,
  coverage    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (exchange_id, run_id, position),
  FOREIGN KEY (run_id, exchange_id) REFERENCES store_summary (run_id, exchange_id)
);

CREATE TABLE store_scorecard (
  run_id      VARCHAR(100) NOT NULL,
  exchange_id VARCHAR(200) NOT NULL,
  body        TEXT         NOT NULL,
  PRIMARY KEY (run_id, exchange_id),
  FOREIGN KEY (run_id, exchange_id) REFERENCES store_summary (run_id, exchange_id)
);

CREATE TABLE store_run_evidence (
  run_id       VARCHAR(100) NOT NULL,
  exchange_id  VARCHAR(200) NOT NULL,
  position     INTEGER      NOT NULL,
  digest       CHAR(64)     NOT NULL REFERENCES store_evidence (digest),
  retrieved_at VARCHAR(40)  NOT NULL,
  PRIMARY KEY (run_id, exchange_id, position),
  FOREIGN KEY (run_id, exchange_id) REFERENCES store_summary (run_id, exchange_id)
);

CREATE TABLE store_outcome (
  run_id       VARCHAR(100) NOT NULL,
  exchange_id  VARCHAR(200) NOT NULL,
  collector_id VARCHAR(200) NOT NULL,
  status       VARCHAR(20)  NOT NULL,
  body         TEXT         NOT NULL,
  PRIMARY KEY (run_id, exchange_id, collector_id),
  FOREIGN KEY (run_id, exchange_id) REFERENCES store_summary (run_id, exchange_id)
);
