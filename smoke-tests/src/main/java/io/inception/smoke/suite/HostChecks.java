package io.inception.smoke.suite;

import io.inception.engine.fleet.CommandResult;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.RemoteCommand;
import io.qameta.allure.Allure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Per-host checks: the commands run on all hosts at once (a QE cell has a hundred), then every
 * host becomes one Allure step, passed or failed; a failed host gets its log attached, and the test
 * fails once with every failed host named.
 */
final class HostChecks {
    private static final int PARALLEL = 16;

    private HostChecks() {
    }

    /** Runs {@code command} on every compute host of the session's environment, in host order. */
    static Map<HostTarget, CommandResult> onEveryHost(SmokeSession session, RemoteCommand command) {
        List<HostTarget> hosts = session.environment().computeHosts();
        if (hosts.isEmpty()) throw new AssertionError("the environment lists no compute hosts");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, hosts.size()), r -> {
            Thread t = new Thread(r, "smoke-hosts");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<HostTarget, CompletableFuture<CommandResult>> futures = new LinkedHashMap<>();
            for (HostTarget h : hosts) {
                futures.put(h, CompletableFuture.supplyAsync(
                        () -> session.fleet().exec(h, command, session.timeouts().command()), pool));
            }
            Map<HostTarget, CommandResult> results = new LinkedHashMap<>();
            futures.forEach((h, f) -> results.put(h, f.join()));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One step per host named by {@code step}; {@code problem} says what is wrong with a host's
     * answer. Fails with every failing host, each with its problem.
     */
    static <T> void expectOnEveryHost(SmokeSession session, Map<HostTarget, T> answers, Function<HostTarget, String> step,
                                      BiFunction<HostTarget, T, Optional<String>> problem) {
        if (answers.isEmpty()) throw new AssertionError("the environment lists no compute hosts");
        List<String> failures = new ArrayList<>();
        answers.forEach((host, answer) -> {
            Optional<String> p = problem.apply(host, answer);
            try {
                Allure.step(step.apply(host), () -> {
                    if (p.isPresent()) {
                        Allure.addAttachment(host.name() + " log", "text/plain", HostLog.collect(session, host), ".txt");
                        throw new AssertionError(host.name() + ": " + p.get());
                    }
                });
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + answers.size() + " hosts failed: " + String.join("; ", failures));
        }
    }
}
