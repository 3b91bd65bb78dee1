package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Renders servers and flavors the way Nova does at a given microversion. */
final class ServerView {
    static final String NETWORK = "private";

    private ServerView() {
    }

    static ObjectNode brief(Server s, String baseUrl) {
        ObjectNode o = Wire.object().put("id", s.id).put("name", s.displayName);
        o.set("links", Wire.links(baseUrl, "servers", s.id));
        return o;
    }

    static ObjectNode detail(Server s, String baseUrl, Microversion v, ComputeHosts hosts) {
        ObjectNode o = Wire.object();
        o.put("id", s.id).put("name", s.displayName).put("status", s.status).put("tenant_id", s.projectId)
                .put("user_id", s.userId);
        ObjectNode md = o.putObject("metadata");
        s.metadata.forEach(md::put);
        o.put("hostId", s.host == null ? "" : hostId(s.projectId, s.host));
        ObjectNode image = o.putObject("image").put("id", s.imageId);
        image.putArray("links").addObject().put("rel", "bookmark").put("href", baseUrl + "/compute/images/" + s.imageId);
        o.set("flavor", v.atLeast(47) ? embeddedFlavor(s.flavor, v) : flavorRef(s.flavor, baseUrl));
        o.put("created", Wire.seconds(s.createdAt)).put("updated", Wire.seconds(s.updatedAt));
        ObjectNode addresses = o.putObject("addresses");
        if (s.address != null) {
            addresses.putArray(NETWORK).addObject().put("version", 4).put("addr", s.address)
                    .put("OS-EXT-IPS:type", "fixed").put("OS-EXT-IPS-MAC:mac_addr", mac(s.address));
        }
        o.put("accessIPv4", "").put("accessIPv6", "");
        o.set("links", Wire.links(baseUrl, "servers", s.id));
        o.put("OS-DCF:diskConfig", "MANUAL");
        if (s.status.equals("BUILD") || s.status.equals("ACTIVE")) {
            o.put("progress", s.status.equals("ACTIVE") ? 100 : 0);
        }
        o.put("OS-EXT-AZ:availability_zone", s.host == null ? "" : "nova").put("config_drive", "")
                .put("key_name", s.keyName);
        o.put("OS-SRV-USG:launched_at", s.launchedAt == null ? null : Wire.naive(s.launchedAt))
                .putNull("OS-SRV-USG:terminated_at");
        o.put("OS-EXT-SRV-ATTR:host", s.host).put("OS-EXT-SRV-ATTR:instance_name", "instance-" + s.id.substring(0, 8))
                .put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host);
        o.put("OS-EXT-STS:task_state", s.status.equals("BUILD") ? "spawning" : null)
                .put("OS-EXT-STS:vm_state", s.vmState()).put("OS-EXT-STS:power_state", s.powerState());
        o.putArray("os-extended-volumes:volumes_attached");
        if (v.atLeast(3)) {
            o.put("OS-EXT-SRV-ATTR:reservation_id", s.reservationId).put("OS-EXT-SRV-ATTR:launch_index", s.launchIndex)
                    .put("OS-EXT-SRV-ATTR:hostname", s.name.toLowerCase().replaceAll("[^a-z0-9-]", "-"))
                    .put("OS-EXT-SRV-ATTR:kernel_id", "").put("OS-EXT-SRV-ATTR:ramdisk_id", "")
                    .put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda").putNull("OS-EXT-SRV-ATTR:user_data");
        }
        if (v.atLeast(9)) {
            o.put("locked", false);
        }
        if (v.atLeast(16)) {
            o.put("host_status", hostStatus(s, hosts));
        }
        if (v.atLeast(19)) {
            o.put("description", s.description);
        }
        if (v.atLeast(26)) {
            o.putArray("tags");
        }
        if (v.atLeast(63)) {
            o.putNull("trusted_image_certificates");
        }
        if (v.atLeast(73)) {
            o.putNull("locked_reason");
        }
        if (s.fault != null && s.status.equals("ERROR")) {
            o.putObject("fault").put("code", s.fault.code()).put("created", Wire.seconds(s.fault.created()))
                    .put("message", s.fault.message()).put("details", s.fault.details());
        }
        return o;
    }

    private static String hostStatus(Server s, ComputeHosts hosts) {
        if (s.host == null) {
            return "";
        }
        return hosts.byHostAndBinary(s.host, "nova-compute").map(svc -> !svc.up() ? "DOWN"
                : svc.disabled ? "MAINTENANCE" : "UP").orElse("UNKNOWN");
    }

    private static ObjectNode flavorRef(InovaSpec.Flavor f, String baseUrl) {
        ObjectNode o = Wire.object().put("id", f.id());
        o.putArray("links").addObject().put("rel", "bookmark").put("href", baseUrl + "/compute/flavors/" + f.id());
        return o;
    }

    private static ObjectNode embeddedFlavor(InovaSpec.Flavor f, Microversion v) {
        ObjectNode o = Wire.object().put("vcpus", f.vcpus()).put("ram", f.ramMb()).put("disk", f.diskGb())
                .put("ephemeral", 0).put("swap", 0).put("original_name", f.name());
        o.putObject("extra_specs");
        return o;
    }

    /** A flavor in {@code /flavors/detail} and {@code /flavors/{id}}. */
    static ObjectNode flavor(InovaSpec.Flavor f, String baseUrl, Microversion v, boolean detail) {
        ObjectNode o = Wire.object().put("id", f.id()).put("name", f.name());
        if (detail) {
            o.put("ram", f.ramMb()).put("disk", f.diskGb()).put("vcpus", f.vcpus())
                    .put("OS-FLV-EXT-DATA:ephemeral", 0).put("OS-FLV-DISABLED:disabled", false)
                    .put("os-flavor-access:is_public", true).put("rxtx_factor", 1.0);
            if (v.atLeast(75)) {
                o.put("swap", 0);
            } else {
                o.put("swap", "");
            }
            if (v.atLeast(61)) {
                o.putObject("extra_specs");
            }
        }
        if (v.atLeast(55)) {
            o.putNull("description");
        }
        ArrayNode links = Wire.links(baseUrl, "flavors", f.id());
        o.set("links", links);
        return o;
    }

    /** Nova's hostId: sha224 of project id and host name, so one project sees which servers share a host. */
    static String hostId(String projectId, String host) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-224").digest((projectId + host).getBytes(StandardCharsets.UTF_8));
            return String.format("%056x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mac(String address) {
        String[] p = address.split("\\.");
        return String.format("fa:16:3e:%02x:%02x:%02x", Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Integer.parseInt(p[3]));
    }
}
