package io.inception.inova.provision;

import java.util.List;

/** What one step of provisioning (or of a replace) returns. */
public sealed interface Step {
    /** Every slot has its servers, ACTIVE. */
    record Done(List<ProvisionedServer> servers, int created, int deleted) implements Step {
        public Done {
            servers = List.copyOf(servers);
        }
    }

    /** Servers are booting; call again. */
    record Running(String progress) implements Step {
    }

    /**
     * It cannot succeed; {@code reason} says why and what was cleaned up.
     *
     * @param quota true when the project's quota stopped it
     */
    record Failed(String reason, boolean quota) implements Step {
    }
}
