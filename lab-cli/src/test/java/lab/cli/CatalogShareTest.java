package lab.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogShareTest {

    private static final List<String> CATALOG = List.of("1.1-a", "1.1-b", "1.2-a", "1.2-b", "1.2-c");

    @Test
    void twoHalvesCoverTheCatalogOnceAndEachExerciseInBoth() {
        var first = CatalogShare.parse("1/2").of(CATALOG);
        var second = CatalogShare.parse("2/2").of(CATALOG);

        assertThat(first).containsExactly("1.1-a", "1.2-a", "1.2-c");
        assertThat(second).containsExactly("1.1-b", "1.2-b");
    }

    @Test
    void allIsTheWholeCatalog() {
        assertThat(CatalogShare.parse("all").of(CATALOG)).isEqualTo(CATALOG);
        assertThat(CatalogShare.parse(null).isAll()).isTrue();
    }

    @Test
    void aMalformedShareSaysWhatItTakes() {
        assertThatThrownBy(() -> CatalogShare.parse("half")).hasMessageContaining("'all' or k/n, e.g. 1/2");
        assertThatThrownBy(() -> CatalogShare.parse("3/2")).hasMessageContaining("1 <= k <= n");
    }
}
