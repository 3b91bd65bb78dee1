package io.inception.puppet.apply;

import java.util.List;

/**
 * One resource of a Puppet run as the report states it.
 *
 * @param resource  {@code Type[title]}, e.g. {@code File[/etc/nova/nova.conf]}
 * @param file      the manifest that declares it (may be empty)
 * @param line      its line there (0 when unknown)
 * @param changed   the run changed it
 * @param failed    the run failed to bring it in sync
 * @param outOfSync it was not in the desired state (changed, failed, or — in noop — would change)
 * @param messages  the messages of its events (secrets scrubbed)
 */
public record ResourceStatus(String resource, String file, int line, boolean changed, boolean failed, boolean outOfSync,
                             List<String> messages) {
    public ResourceStatus {
        messages = List.copyOf(messages);
    }

    /** {@code File[/etc/nova/nova.conf]: content changed ...} */
    public String describe() {
        return resource + (messages.isEmpty() ? "" : ": " + String.join("; ", messages));
    }
}
