package io.inception.inova.provision;

import io.inception.engine.stage.CheckpointStore;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.ImageSource;

import java.util.Optional;

/**
 * Flavor, image and server group ids by name, looked up once and kept in the checkpoints; a
 * missing image with a source in the spec is uploaded (Glance v2).
 */
final class References {
    private final Cloud cloud;
    private final ControlPlaneSpec spec;
    private final CheckpointStore state;

    References(Cloud cloud, ControlPlaneSpec spec, CheckpointStore state) {
        this.cloud = cloud;
        this.spec = spec;
        this.state = state;
    }

    /** The flavor's id, or a message naming the flavors there are. */
    Resolved flavor(String name) {
        return cached("flavor:" + name, () -> cloud.flavorId(name)).map(Resolved::ok)
                .orElseGet(() -> Resolved.missing("flavor '" + name + "' not found in iNova; it has: "
                        + String.join(", ", cloud.flavorNames())));
    }

    /** The image's id, uploading it when the spec has a source for it. */
    Resolved image(String name) {
        Optional<String> id = cached("image:" + name, () -> cloud.imageId(name));
        if (id.isPresent()) return Resolved.ok(id.get());
        ImageSource source = spec.images().get(name);
        if (source == null) {
            return Resolved.missing("image '" + name + "' not found in iNova and control-plane.images has no file for it");
        }
        String uploaded = cloud.uploadImage(source);
        state.put("image:" + name, uploaded);
        return Resolved.ok(uploaded);
    }

    /** The spec's key pair, checked once to exist; a problem when it does not. */
    Resolved keyPair() {
        if (spec.keyName().isEmpty()) return Resolved.ok("");
        String name = spec.keyName().get();
        if (state.get("keypair:" + name).isPresent() || cloud.keyPairExists(name)) {
            state.put("keypair:" + name, name);
            return Resolved.ok(name);
        }
        return Resolved.missing("key pair '" + name + "' (control-plane.key-name) not found in iNova: create it with"
                + " `openstack keypair create --public-key <file> " + name + "`");
    }

    /** The id of the anti-affinity group {@code name}, created when missing. */
    String group(String name) {
        return cached("group:" + name, () -> Optional.of(cloud.antiAffinityGroup(name))).orElseThrow();
    }

    private Optional<String> cached(String key, java.util.function.Supplier<Optional<String>> lookup) {
        Optional<String> known = state.get(key);
        if (known.isPresent()) return known;
        Optional<String> found = lookup.get();
        found.ifPresent(v -> state.put(key, v));
        return found;
    }

    /** An id, or why there is none. */
    record Resolved(String id, String problem) {
        static Resolved ok(String id) {
            return new Resolved(id, null);
        }

        static Resolved missing(String problem) {
            return new Resolved(null, problem);
        }

        boolean found() {
            return id != null;
        }
    }
}
