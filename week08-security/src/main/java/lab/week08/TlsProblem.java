package lab.week08;

/** What went wrong when a client met a secured listener, as an on-call engineer would name it. */
public enum TlsProblem {
    /** The broker's certificate is signed by a CA the client does not trust. */
    UNTRUSTED_BROKER,
    /** The broker's certificate is for another host than the one the client dialled. */
    WRONG_HOST,
    /** The broker asked for the client's certificate and refused what it got: none, expired, or from a CA it does not trust. */
    CLIENT_CERTIFICATE_REFUSED,
    /** The client could not even read its own keystore or truststore: a wrong password, a missing file. */
    BAD_STORE,
    /** No answer at all: the client and the listener do not speak the same protocol (TLS and plaintext), or nothing listens there. */
    NO_ANSWER,
    /** None of these: not a connection problem. */
    OTHER
}
