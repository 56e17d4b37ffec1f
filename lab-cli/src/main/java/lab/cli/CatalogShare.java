package lab.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Which part of the wrong-solution catalogs a run checks: all of it, or share k of n (every n-th entry of
 * each week's catalog, starting at the k-th). A week's entries for one exercise stand together, so every
 * share checks some mistakes of every exercise that has two or more.
 *
 * <p>{@code ./lab wrong} checks all. {@code ./lab verify} checks half, so that CI stays within its budget:
 * the half is chosen by the commit count, and two commits in a row check the whole catalog between them.
 * {@code LAB_WRONG_SHARE=all} (or {@code 1/2}, {@code 2/2}, ...) overrides the choice.
 */
record CatalogShare(int k, int n) {

    static final CatalogShare ALL = new CatalogShare(1, 1);
    static final String PROPERTY = "lab.wrong.share";

    CatalogShare {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("a share is k/n with 1 <= k <= n, e.g. 1/2; got " + k + "/" + n);
        }
    }

    static CatalogShare parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
            return ALL;
        }
        var parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new CatalogShare(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("a share is 'all' or k/n, e.g. 1/2; got '" + text + "'");
    }

    /** Verify's share: LAB_WRONG_SHARE when set, else half of the catalog, by the commit count (or the day). */
    static CatalogShare forVerify(Path root) {
        var chosen = System.getenv("LAB_WRONG_SHARE");
        if (chosen != null) {
            return parse(chosen);
        }
        return new CatalogShare((int) (turn(root) % 2) + 1, 2);
    }

    private static long turn(Path root) {
        try {
            var git = new ProcessBuilder("git", "rev-list", "--count", "HEAD").directory(root.toFile()).redirectErrorStream(true).start();
            var output = new String(git.getInputStream().readAllBytes()).trim();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return Long.parseLong(output);
            }
        } catch (Exception e) {
            // not a git clone, or no git: the day decides
        }
        return LocalDate.now().toEpochDay();
    }

    <T> List<T> of(List<T> entries) {
        return IntStream.range(0, entries.size()).filter(i -> i % n == k - 1).mapToObj(entries::get).toList();
    }

    boolean isAll() {
        return n == 1;
    }

    @Override
    public String toString() {
        return isAll() ? "all" : k + "/" + n;
    }
}
