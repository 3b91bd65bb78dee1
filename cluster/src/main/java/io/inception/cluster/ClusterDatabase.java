package io.inception.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;

/**
 * The data source of the store's database for the scheduler: a connection pool on PostgreSQL (every
 * poll, claim and heartbeat is a statement; without a pool each would open a connection), a plain
 * data source on H2 in tests.
 */
public final class ClusterDatabase {
    private ClusterDatabase() {
    }

    /**
     * A data source for {@code jdbcUrl}, at most {@code connections} connections at once. Credentials
     * may be in the URL ({@code ?user=..&password=..}); they are never logged. Close it with
     * {@link #close(DataSource)}.
     */
    public static DataSource dataSource(String jdbcUrl, int connections) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(connections);
            config.setMinimumIdle(1);
            config.setPoolName("inception-cluster");
            return new HikariDataSource(config);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(jdbcUrl);
            ds.setUser("sa");
            return ds;
        }
        throw new IllegalArgumentException("a cluster shares a database: use jdbc:postgresql://<host>:<port>/<db>");
    }

    /** A data source of at most 4 connections, for submitting and inspecting work. */
    public static DataSource dataSource(String jdbcUrl) {
        return dataSource(jdbcUrl, 4);
    }

    /** Closes the pool behind a data source from here (nothing to do for H2's). */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool) pool.close();
    }
}
