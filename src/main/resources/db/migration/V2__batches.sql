-- Batch payouts from CSV files. Runs unchanged on PostgreSQL and on H2.

-- One row per accepted file, identified by the SHA-256 of its content: the same content dropped
-- again (any name, any time) finds this row and pays nothing. last_line is the resume point:
-- every data row up to it is either claimed in payments or recorded in batch_rejects.
CREATE TABLE batches (
    id              VARCHAR(40)   PRIMARY KEY,
    sha256          CHAR(64)      NOT NULL UNIQUE,
    file_name       VARCHAR(255)  NOT NULL,
    stored_name     VARCHAR(320)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    delimiter       CHAR(1)       NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    rows_total      BIGINT        NOT NULL,
    last_line       BIGINT        NOT NULL DEFAULT 0,
    rows_read       BIGINT        NOT NULL DEFAULT 0,
    rows_valid      BIGINT        NOT NULL DEFAULT 0,
    rows_rejected   BIGINT        NOT NULL DEFAULT 0,
    results_revision INTEGER      NOT NULL DEFAULT 0,
    results_pending BIGINT,
    results_statuses VARCHAR(400),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP WITH TIME ZONE,
    results_at      TIMESTAMP WITH TIME ZONE,
    settled_at      TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX batches_state ON batches (state, received_at);

-- Every problem of every rejected row (one row per field and rule), so the rejects file can be
-- written, complete, from the ledger after any restart.
CREATE TABLE batch_rejects (
    batch_id    VARCHAR(40)   NOT NULL,
    line        BIGINT        NOT NULL,
    seq         INTEGER       NOT NULL,
    reference   VARCHAR(200),
    field       VARCHAR(64)   NOT NULL,
    rule        VARCHAR(64)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (batch_id, line, seq)
);

CREATE INDEX batch_rejects_reference ON batch_rejects (batch_id, reference);

-- A payment from a CSV row remembers its batch and line, so results are read back in file order.
ALTER TABLE payments ADD COLUMN batch_id VARCHAR(40);
ALTER TABLE payments ADD COLUMN batch_line BIGINT;

CREATE INDEX payments_batch ON payments (batch_id, batch_line);
