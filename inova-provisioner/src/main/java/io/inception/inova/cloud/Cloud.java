package io.inception.inova.cloud;

import java.util.List;
import java.util.Optional;

/**
 * The private cloud the control VMs live on (iNova): the few Compute, Image and Identity calls the
 * provisioner makes. {@link io.inception.inova.openstack.OpenStackCloud} is the real one
 * (openstack4j); tests also run the provisioner against the sandbox iNova and a real Nova.
 *
 * <p>Calls are idempotent where the API allows (deleting a missing server is no error). I/O and
 * unexpected API errors are {@link CloudException}s; a refused boot is a {@link CreateOutcome}.
 */
public interface Cloud extends AutoCloseable {
    /** Every server of the project whose name starts with {@code namePrefix} ("" for all), with details. */
    List<CloudServer> servers(String namePrefix);

    /** One server, or empty when it does not exist (any more). */
    Optional<CloudServer> server(String id);

    /** Asks for a server; a refusal (quota, no such flavor) is a value, not an exception. */
    CreateOutcome create(ServerRequest request);

    /** Deletes a server; a server already gone is fine. */
    void delete(String serverId);

    /** The flavor's id by name, or empty. */
    Optional<String> flavorId(String name);

    /** The flavor names, for messages. */
    List<String> flavorNames();

    /** The id of an active image named {@code name}, or empty. */
    Optional<String> imageId(String name);

    /** Creates the image and uploads its data (Glance v2), returning its id. */
    String uploadImage(io.inception.inova.spec.ImageSource source);

    /** The id of the server group named {@code name}, creating it with policy anti-affinity when missing. */
    String antiAffinityGroup(String name);

    /** Whether the project has a key pair named {@code name}. */
    boolean keyPairExists(String name);

    /** The nova-compute services (one per compute host). */
    List<ComputeService> computeServices();

    /** The nova-compute service(s) of one host (Nova filters by {@code host}: one small answer, not the whole list). */
    default List<ComputeService> computeServices(String host) {
        return computeServices().stream().filter(s -> s.host().equals(host)).toList();
    }

    /** Disables (with a reason) or enables a compute service. */
    void setComputeService(String serviceId, boolean enabled, String reason);

    /** Instances and cores used and allowed, when the cloud reports them. */
    Optional<Limits> limits();

    @Override
    void close();
}
