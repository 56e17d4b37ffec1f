-- The order service's tables: its own state, and the outbox that carries its events to Kafka.
CREATE TABLE orders (
    id           text PRIMARY KEY,
    customer     text        NOT NULL,
    sku          text        NOT NULL,
    quantity     int         NOT NULL,
    amount_cents bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per event, written in the same transaction as the change it describes.
CREATE TABLE outbox (
    id             bigserial PRIMARY KEY,           -- the order events were written in
    event_id       uuid        NOT NULL UNIQUE,     -- what consumers deduplicate on
    aggregate_type text        NOT NULL,            -- 'order'
    aggregate_id   text        NOT NULL,            -- the order id: the Kafka key
    type           text        NOT NULL,            -- 'OrderPlaced'
    payload        jsonb       NOT NULL,            -- the event: the Kafka value
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz                      -- set by the polling publisher (5.7); CDC (5.8) ignores it
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
