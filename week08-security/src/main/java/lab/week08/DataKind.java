package lab.week08;

/** What a topic's records are, which decides how long the broker keeps them. */
public enum DataKind {
    /** Facts that happened (shop.orders): every record matters, for a time, then none of them. */
    EVENTS,
    /** The current state of each key (shop.customers): the latest record per key, for as long as the key lives. */
    LATEST_STATE,
    /** The current state of each key, until the key goes quiet (shop.carts): a cart nobody touched for a while is gone. */
    LATEST_STATE_WHILE_ACTIVE
}
