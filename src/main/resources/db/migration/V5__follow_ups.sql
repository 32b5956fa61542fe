-- Calls the bundle makes on its own because of what a provider said (a BitPesa cancel after a
-- recipient error or a refused funding). The row is written before the call goes out, so each
-- is sent at most once per payment and operation, whichever replica, callback or poll asks first.
CREATE TABLE follow_ups (
    payment_id  VARCHAR(64)  NOT NULL,
    operation   VARCHAR(64)  NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    answer      VARCHAR(200),
    answered_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (payment_id, operation)
);
