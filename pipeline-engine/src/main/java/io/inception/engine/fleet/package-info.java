/**
 * The SSH fleet: commands on hosts over SSH (JSch) with strict host-key checking against a
 * known_hosts file that Inception manages, key login, one reused connection per host, a timeout
 * per command, {@code sudo}, and quoting that keeps every value one shell word. Porcelain:
 * {@link io.inception.engine.fleet.SshFleet}, {@link io.inception.engine.fleet.RemoteCommand},
 * {@link io.inception.engine.fleet.CommandResult}.
 */
package io.inception.engine.fleet;
