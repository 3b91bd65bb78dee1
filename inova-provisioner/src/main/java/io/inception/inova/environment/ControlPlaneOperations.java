package io.inception.inova.environment;

import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.wait.Pause;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.provision.BlueGreenReplace;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.HealthCheck;
import io.inception.inova.provision.MemoryCheckpoints;
import io.inception.inova.provision.ProvisionedServer;
import io.inception.inova.provision.Provisioner;
import io.inception.inova.provision.RoleConfigurer;
import io.inception.inova.provision.Slot;
import io.inception.inova.provision.Step;
import io.inception.inova.provision.Tags;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The control-plane operations of the {@code env} commands, each run to the end in this process:
 * provision, blue/green replace, scale, add a cell. Every finished operation stores the
 * environment's servers and records what changed.
 */
public final class ControlPlaneOperations {
    /** How often a running operation looks again. */
    public static final Duration POLL = Duration.ofMillis(500);

    private final Cloud cloud;
    private final ControlPlaneRecords records;
    private final Clock clock;
    private final Pause pause;
    private final Consumer<String> progress;
    private final RoleConfigurer configurer;
    private final HealthCheck health;

    /**
     * @param clock what "now" is, for boot timeouts and an operation's deadline
     * @param pause how the time between two looks at a running operation passes ({@link Pause#SLEEP}; a
     *              test passes its hand clock's {@code advance})
     */
    public ControlPlaneOperations(Cloud cloud, ControlPlaneRecords records, Clock clock, Pause pause,
                                  Consumer<String> progress, RoleConfigurer configurer, HealthCheck health) {
        this.cloud = cloud;
        this.records = records;
        this.clock = clock;
        this.pause = pause;
        this.progress = progress;
        this.configurer = configurer;
        this.health = health;
    }

    /** Provisions what is missing of {@code plane}. */
    public Step provision(ControlPlane plane, String build, Duration timeout) throws InterruptedException {
        Provisioner p = new Provisioner(cloud, clock, progress);
        Step step = until(timeout, "the control plane of " + plane.environment(), state -> p.step(plane, build, state));
        finish(plane, "provision", step);
        return step;
    }

    /** Blue/green replace of {@code role} ({@code cell} null: in every cell that has it). */
    public Step replace(ControlPlane plane, String role, String cell, String build, Duration timeout) throws InterruptedException {
        BlueGreenReplace r = new BlueGreenReplace(cloud, clock, configurer, health, progress);
        Step step = until(timeout, "the new " + role + " servers", state -> r.step(plane, role, cell, build, state));
        finish(plane, "replace", step);
        return step;
    }

    /** Sets the count of {@code role} in {@code cell}, records it, removes extras (newest first) or launches more. */
    public Step scale(ControlPlane plane, String cell, String role, int count, String build, Duration timeout)
            throws InterruptedException {
        List<Slot> slots = plane.slots(role, cell);
        if (slots.size() != 1) {
            return new Step.Failed("no role '" + role + "' in cell '" + cell + "' of " + plane.environment(), false);
        }
        Slot slot = slots.get(0);
        records.roleCount(plane.environment(), cell, role, count);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>(plane.counts());
        counts.put(slot.label(), count);
        ControlPlane scaled = new ControlPlane(plane.environment(), plane.spec(), plane.cells(), counts);
        List<CloudServer> members = new Provisioner(cloud, clock, progress).servers(plane).stream()
                .filter(s -> s.meta(Tags.CELL).filter(cell::equals).isPresent()
                        && s.meta(Tags.ROLE).filter(role::equals).isPresent() && !s.goingAway())
                .sorted(Comparator.comparingInt((CloudServer s) -> slot.ordinal(plane.environment(), s.name())).reversed())
                .toList();
        for (int i = 0; i < members.size() - count; i++) {
            cloud.delete(members.get(i).id());
            progress.accept(slot.label() + ": deleted " + members.get(i).name() + " (scaling to " + count + ")");
        }
        records.event(plane.environment(), "scale", slot.label() + " scaled from " + members.size() + " to " + count);
        return provision(scaled, build, timeout);
    }

    /** Records {@code cell} as a cell of the environment and provisions its control plane. */
    public Step addCell(ControlPlane plane, String cell, String build, Duration timeout) throws InterruptedException {
        records.addCell(plane.environment(), cell);
        records.event(plane.environment(), "add-cell", "cell " + cell + " added");
        List<String> cells = new ArrayList<>(plane.cells());
        if (!cells.contains(cell)) cells.add(cell);
        return provision(new ControlPlane(plane.environment(), plane.spec(), cells, plane.counts()), build, timeout);
    }

    /** The servers of the environment now, as {@code env show} lists them. */
    public List<ProvisionedServer> current(ControlPlane plane) {
        List<CloudServer> all = new Provisioner(cloud, clock, progress).servers(plane);
        List<ProvisionedServer> out = new ArrayList<>();
        for (Slot slot : plane.slots()) {
            for (CloudServer s : all) {
                if (s.meta(Tags.CELL).filter(slot.cell()::equals).isPresent()
                        && s.meta(Tags.ROLE).filter(slot.role().name()::equals).isPresent() && !s.goingAway()) {
                    out.add(new ProvisionedServer(s.name(), s.id(), slot.cell(), slot.role().name(), s.address(),
                            s.meta(Tags.BUILD).orElse(""), s.status().name()));
                }
            }
        }
        return out;
    }

    /** Steps {@code work} until it is done or failed, telling each new progress line once. */
    private Step until(Duration timeout, String what, Function<CheckpointStore, Step> work) throws InterruptedException {
        CheckpointStore state = new MemoryCheckpoints();
        AtomicReference<String> last = new AtomicReference<>("");
        Waited<Step> waited = new WaitStrategy(timeout, POLL, clock, pause).poll(what, () -> {
            Step step = work.apply(state);
            if (!(step instanceof Step.Running running)) return Optional.of(step);
            if (!running.progress().equals(last.getAndSet(running.progress()))) progress.accept(running.progress());
            return Optional.empty();
        }, last::get);
        if (waited instanceof Waited.TimedOut<Step> timedOut) {
            return new Step.Failed("timed out after " + timeout.toSeconds() + " s waiting for " + what + ": "
                    + timedOut.lastSeen(), false);
        }
        return waited.orElseThrow();
    }

    private void finish(ControlPlane plane, String kind, Step step) {
        if (step instanceof Step.Done done) {
            records.servers(plane.environment(), current(plane));
            records.event(plane.environment(), kind, kind + ": " + done.servers().size() + " server(s) ready, "
                    + done.created() + " created, " + done.deleted() + " deleted");
        } else if (step instanceof Step.Failed failed) {
            records.event(plane.environment(), kind, kind + " failed: " + failed.reason());
        }
    }
}
