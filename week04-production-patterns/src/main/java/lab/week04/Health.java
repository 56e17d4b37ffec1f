package lab.week04;

import java.util.Map;
import java.util.TreeMap;

/** A service's health: one named check per part (broker, consumer, lag), UP only if every check is. */
public record Health(Map<String, Check> checks) {

    public Health {
        checks = new TreeMap<>(checks); // sorted, so the JSON reads the same every time
    }

    public boolean up() {
        return checks.values().stream().allMatch(Check::up);
    }

    /** One check's verdict, with a detail a person on call can act on. */
    public record Check(boolean up, String detail) {

        public static Check up(String detail) {
            return new Check(true, detail);
        }

        public static Check down(String detail) {
            return new Check(false, detail);
        }
    }
}
