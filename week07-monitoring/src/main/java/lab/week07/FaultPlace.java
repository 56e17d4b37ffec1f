package lab.week07;

/** Where a network fault is: nowhere, on the link between the clients and the brokers, or between brokers. */
public enum FaultPlace {
    NONE,
    CLIENT_LINK,
    BROKER_LINK
}
