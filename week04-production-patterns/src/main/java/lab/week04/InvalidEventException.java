package lab.week04;

import java.util.List;

/** An event that does not match its schema; the message lists every problem, for the dead letter's header. */
public final class InvalidEventException extends RuntimeException {

    private final List<String> problems;

    public InvalidEventException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
