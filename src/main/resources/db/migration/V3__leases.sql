-- Singleton jobs (outbox relay, reconciliation) run on one replica at a time: the holder of a
-- lease renews it on every tick; another replica takes over once it has expired.
CREATE TABLE leases (
    name       VARCHAR(64)  PRIMARY KEY,
    owner      VARCHAR(128) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
