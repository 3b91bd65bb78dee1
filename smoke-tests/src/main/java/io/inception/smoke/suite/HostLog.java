package io.inception.smoke.suite;

import io.inception.engine.fleet.CommandResult;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.RemoteCommand;

import java.util.List;

/** What a failing host says about its package and service: attached to the test's report. */
final class HostLog {
    private HostLog() {
    }

    static String collect(SmokeSession session, HostTarget host) {
        String pkg = session.environment().packageName();
        List<RemoteCommand> commands = List.of(
                RemoteCommand.of("dpkg", "-s", pkg),
                RemoteCommand.of("systemctl", "is-active", pkg),
                RemoteCommand.of("tail", "-n", "100", "/var/log/nova/" + pkg + ".log"));
        StringBuilder log = new StringBuilder("host " + host + "\n");
        for (RemoteCommand c : commands) {
            CommandResult r = session.fleet().exec(host, c, session.timeouts().command());
            log.append("\n$ ").append(c.toShell()).append('\n');
            if (r instanceof CommandResult.Completed done) {
                log.append(done.stdout()).append(done.stderr()).append("[exit ").append(done.exitCode()).append("]\n");
            } else {
                log.append(r.describe()).append('\n');
            }
        }
        return log.toString();
    }
}
