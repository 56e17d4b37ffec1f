package lab.kit.broker;

/**
 * The lab could not get the Kafka it was asked for. The message always says what went wrong and what to
 * do instead, because it is the first thing a learner reads when nothing else ran.
 */
public class LabSetupException extends RuntimeException {

    public LabSetupException(String message) {
        super(message);
    }

    public LabSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
