-- DLQ records an operator has replayed (POST /admin/dlq/replay), so a second replay of the same
-- record answers "already replayed" unless forced. Numbered 4.1 so that it sorts after V4 whichever
-- migration takes that number.
CREATE TABLE dlq_replays (
    dlq_topic     VARCHAR(249) NOT NULL,
    dlq_partition INTEGER      NOT NULL,
    dlq_offset    BIGINT       NOT NULL,
    payment_id    VARCHAR(255),
    result        VARCHAR(32)  NOT NULL,
    replays       INTEGER      NOT NULL,
    replayed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dlq_topic, dlq_partition, dlq_offset)
);
