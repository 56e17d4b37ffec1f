package lab.week02;

/** Thrown by a test's record handler to stand for the process dying at that record. */
public class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String message) {
        super(message);
    }
}
