package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.engine.store.Store;
import picocli.CommandLine.Option;

import java.time.Clock;

/** Options shared by every command that opens Inception's store. */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database to use: jdbc:postgresql://host:port/db, or jdbc:h2:file:... "
                    + "Default: $INCEPTION_DB, else the embedded H2 file under $INCEPTION_HOME (./.inception/).")
    String db;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Where Inception keeps its state (database, run artifacts, work trees). "
                    + "Default: $INCEPTION_HOME, else ./.inception/.")
    java.nio.file.Path home;

    public InceptionHome home() {
        return home != null ? new InceptionHome(home.toAbsolutePath()) : InceptionHome.fromEnvironment();
    }

    /** The JDBC URL the store opens (credentials included: never print it). */
    public String url() {
        String url = db != null ? db : System.getenv("INCEPTION_DB");
        return url == null || url.isBlank() ? Store.defaultUrl(home().dir()) : url;
    }

    /** The store alone, without an executor. */
    public Store openStore() {
        String url = db != null ? db : System.getenv("INCEPTION_DB");
        return url == null || url.isBlank() ? Store.openDefault(home().dir()) : Store.open(url);
    }

    public Inception open() {
        return open(Inception.Deployments.standard());
    }

    /** Inception whose deploy stages reach peers as {@code deployments} says. */
    public Inception open(Inception.Deployments deployments) {
        String url = db != null ? db : System.getenv("INCEPTION_DB");
        return Inception.open(home(), url, Clock.systemUTC(), deployments);
    }
}
