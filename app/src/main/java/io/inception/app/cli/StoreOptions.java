package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import picocli.CommandLine.Option;

import java.time.Clock;

/** Options shared by every command that opens Inception's store. */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database to use: jdbc:postgresql://host:port/db, or jdbc:h2:file:... "
                    + "Default: $INCEPTION_DB, else the embedded H2 file under $INCEPTION_HOME (./.inception/).")
    String db;

    public Inception open() {
        String url = db != null ? db : System.getenv("INCEPTION_DB");
        return Inception.open(InceptionHome.fromEnvironment(), url, Clock.systemUTC());
    }
}
