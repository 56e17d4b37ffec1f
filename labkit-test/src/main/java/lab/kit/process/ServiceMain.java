package lab.kit.process;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * {@code ServiceMain <main class> [args...]}: how {@link JavaService} starts a service in a JVM of its own.
 * It runs the class's {@code main} with the remaining arguments, under a {@link ParentWatch}, so the
 * service ends with the test JVM that started it.
 */
public final class ServiceMain {

    private ServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Usage: ServiceMain <main class> [args...]");
            System.exit(2);
        }
        ParentWatch.start("the service " + args[0], () -> false);
        var main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
