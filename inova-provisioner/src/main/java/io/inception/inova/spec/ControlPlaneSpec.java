package io.inception.inova.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code control-plane:} section of an environment file: the API cell's roles, the roles every
 * compute cell gets, where the VMs are made and whether the server watches them.
 *
 * @param inova     the iNova endpoint and login
 * @param apiRoles  the API cell: nova-api, keystone, glance, its database and message queue
 * @param cellRoles the roles of every compute cell: scheduler/conductor, the cell's database and RabbitMQ
 * @param images    images uploaded when missing, by name
 * @param keyName   the Nova key pair put on every server, if any
 * @param watch     whether {@code inception server} repairs this environment's control VMs
 */
public record ControlPlaneSpec(InovaEndpoint inova, List<RoleSpec> apiRoles, List<RoleSpec> cellRoles,
                               Map<String, ImageSource> images, Optional<String> keyName, boolean watch) {
    /** The cell name the API roles use in server names and metadata. */
    public static final String API_CELL = "api";

    public ControlPlaneSpec {
        apiRoles = List.copyOf(apiRoles);
        cellRoles = List.copyOf(cellRoles);
        images = Map.copyOf(images);
    }

    /** The roles of {@code cell} ({@link #API_CELL} or a compute cell's name). */
    public List<RoleSpec> rolesOf(String cell) {
        return API_CELL.equals(cell) ? apiRoles : cellRoles;
    }

    /** The same spec with another endpoint (e.g. the sandbox's, once known). */
    public ControlPlaneSpec withInova(InovaEndpoint endpoint) {
        return new ControlPlaneSpec(endpoint, apiRoles, cellRoles, images, keyName, watch);
    }
}
