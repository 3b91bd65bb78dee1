package io.inception.engine.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Labs (migration V11) and their generation fence, on every database: {@link H2LabsTest}, {@link PostgresLabsIT}. */
public abstract class LabsContractTest extends StoreFixture {
    protected static final Instant T0 = Instant.parse("2026-11-27T05:00:00.123456Z");

    protected LabsContractTest() {
        super(T0);
    }

    @Test
    void labsAreStoredListedOldestFirstAndReplacedKeepingTheirCreation() {
        StoredLabs labs = store.labs();
        labs.put("lab-2", "dev1", "CREATING", "{\"id\":\"lab-2\"}");
        clock.advance(Duration.ofSeconds(1));
        labs.put("lab-1", "dev2", "CREATING", "{\"id\":\"lab-1\"}");
        clock.advance(Duration.ofSeconds(1));
        labs.put("lab-2", "dev1", "READY", "{\"id\":\"lab-2\",\"ready\":true}");

        assertThat(labs.all()).extracting(StoredLab::id).containsExactly("lab-2", "lab-1");
        StoredLab two = labs.find("lab-2").orElseThrow();
        assertThat(two.state()).isEqualTo("READY");
        assertThat(two.json()).isEqualTo("{\"id\":\"lab-2\",\"ready\":true}");
        assertThat(two.createdAt()).isEqualTo(T0);
        assertThat(two.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(two.generation()).isZero();
        assertThat(labs.find("lab-9")).isEmpty();
    }

    @Test
    void anOperationOnALabFencesTheWritesOfTheOneBefore() {
        StoredLabs labs = store.labs();
        labs.put("lab-1", "dev1", "CREATING", "{}");
        long first = labs.advance("lab-1").orElseThrow();
        assertThat(labs.update("lab-1", first, l -> l.with(l.owner(), "CREATING", "{\"vms\":1}"))).get()
                .extracting(StoredLab::json).isEqualTo("{\"vms\":1}");

        long second = labs.advance("lab-1").orElseThrow();
        assertThat(second).isEqualTo(first + 1);
        assertThat(labs.update("lab-1", first, l -> l.with(l.owner(), "READY", "{\"vms\":2}")))
                .as("the earlier operation's write is refused").isEmpty();
        assertThat(labs.update("lab-1", second, l -> l.with(l.owner(), "DELETING", "{\"vms\":1}"))).isPresent();
        assertThat(labs.update("lab-1", StoredLabs.ANY_GENERATION, l -> l.with(l.owner(), l.state(), "{\"extended\":1}")))
                .get().extracting(StoredLab::state, StoredLab::generation)
                .containsExactly("DELETING", second);
        assertThat(labs.advance("lab-9")).isEmpty();
        assertThat(labs.update("lab-9", StoredLabs.ANY_GENERATION, l -> l)).isEmpty();
    }
}
