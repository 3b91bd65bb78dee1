package io.inception.cluster;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** The data source of the store's database for the scheduler: PostgreSQL in a cluster, H2 in tests. */
public final class ClusterDatabase {
    private ClusterDatabase() {
    }

    /**
     * A data source for {@code jdbcUrl}. Credentials may be in the URL ({@code ?user=..&password=..});
     * they are never logged.
     */
    public static DataSource dataSource(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(jdbcUrl);
            return ds;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(jdbcUrl);
            ds.setUser("sa");
            return ds;
        }
        throw new IllegalArgumentException("a cluster shares a database: use jdbc:postgresql://<host>:<port>/<db>");
    }
}
