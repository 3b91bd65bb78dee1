package io.inception.app;

import io.inception.engine.executor.Executor;
import io.inception.engine.merge.MergeStage;
import io.inception.engine.stage.Stage;
import io.inception.engine.store.Store;
import io.inception.engine.unittest.UnitTestStage;
import io.inception.packaging.stage.PackageStage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The wiring of one Inception process: its home, its store, every stage implementation the
 * modules provide, and the executor over them. The only place that knows every module.
 */
public final class Inception implements AutoCloseable {
    private final InceptionHome home;
    private final Store store;
    private final Executor executor;

    private Inception(InceptionHome home, Store store, Executor executor) {
        this.home = home;
        this.store = store;
        this.executor = executor;
    }

    /**
     * Opens the store ({@code dbUrl}, or the embedded H2 file under the home when null) and an
     * executor with every stage type.
     */
    public static Inception open(InceptionHome home, String dbUrl, Clock clock) {
        Store store = dbUrl == null || dbUrl.isBlank() ? Store.openDefault(home.dir()) : Store.open(dbUrl);
        Executor executor = Executor.withStages(stages(home, clock)).withClock(clock).open(store, home.dir());
        return new Inception(home, store, executor);
    }

    /** Every stage implementation, by the modules that provide them. */
    static List<Stage> stages(InceptionHome home, Clock clock) {
        Path work = home.work();
        return List.of(
                new MergeStage(work, clock),
                new UnitTestStage(work),
                new PackageStage(home.packaging(clock), InceptionHome.sourceRoot().resolve("environments/packages"), work));
    }

    public InceptionHome home() {
        return home;
    }

    public Store store() {
        return store;
    }

    public Executor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.close();
        store.close();
    }
}
