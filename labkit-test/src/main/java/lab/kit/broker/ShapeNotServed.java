package lab.kit.broker;

/**
 * The chosen broker source runs, but cannot give a test the cluster it needs (three brokers from a
 * single-broker source, a broker stopped on a cluster the lab does not own). The test is skipped, not
 * failed, with this message: the source is fine, it just cannot serve that lesson.
 */
public class ShapeNotServed extends LabSetupException {

    public ShapeNotServed(String message) {
        super(message);
    }
}
