package org.lifeos.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Sets the circle and user of a transaction on a plain JDBC connection, for work that runs outside
 * a request (background jobs, the erasure consumer's own datasource), as {@link TenantTransactions}
 * does for requests: transaction-local, so the pooled connection forgets them at commit.
 */
public final class TenantConnections {

    private TenantConnections() {
    }

    /** @param user null for none (row-level policies that need a user then show nothing private) */
    public static void enter(Connection connection, UUID circle, UUID user) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, circle.toString());
            set.setString(2, user == null ? "" : user.toString());
            set.execute();
        }
    }
}
