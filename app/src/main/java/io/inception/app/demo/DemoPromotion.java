package io.inception.app.demo;

import io.inception.app.Inception;
import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Role;
import io.inception.app.access.UserDirectory;
import io.inception.app.promotion.AptSuitePointers;
import io.inception.app.promotion.EnvironmentDeploy;
import io.inception.app.promotion.PromotionIds;
import io.inception.app.promotion.PromotionOutcome;
import io.inception.app.promotion.PromotionService;
import io.inception.app.promotion.PromotionWiring;
import io.inception.app.promotion.SmokePassedGate;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Store;
import io.inception.packaging.Packaging;
import io.inception.packaging.signing.Secret;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's promotion: the demo release manager and a developer are created (their generated passwords go to
 * a file readable only by its owner), the developer's attempt to promote is refused and audited, then the
 * release manager promotes the build that passed the demo's QE smoke suite to a sandbox {@code staging}: suite
 * {@code staging} repointed at the build's snapshot (nothing rebuilt), Puppet on sandbox control VMs, the
 * build's nova-compute over a small sandbox fleet, staging's smoke suite. The same {@link PromotionService} and
 * {@link EnvironmentDeploy} as {@code inception promote}; only the targets are the sandbox's.
 */
public final class DemoPromotion {
    /** The demo's release manager. */
    public static final String RELEASE_MANAGER = "demo-rm";
    /** The demo's developer (the one who also gets a lab). */
    public static final String DEVELOPER = "demo-dev";
    /** Compute hosts of the sandbox staging. */
    public static final int HOSTS = 10;

    /**
     * What the promotion step did.
     *
     * @param developerAttempt the developer's promotion attempt (denied)
     * @param developerAudit   the audit entry it left
     * @param outcome          the release manager's promotion
     * @param usersFile        where the demo users' passwords are
     */
    public record Result(PromotionOutcome developerAttempt, AuditEntry developerAudit, PromotionOutcome outcome,
                         Path usersFile) {
        /** The developer was denied and audited, and the build was promoted. */
        public boolean ok() {
            return developerAttempt instanceof PromotionOutcome.Denied && developerAudit != null
                    && developerAudit.outcome().equals(AuditTrail.DENIED) && outcome instanceof PromotionOutcome.Promoted;
        }
    }

    private final Inception inception;
    private final Path workDir;
    private final Path sourceRoot;
    private final Clock clock;
    private final PrintStream out;

    public DemoPromotion(Inception inception, Path workDir, Path sourceRoot, Clock clock, PrintStream out) {
        this.inception = inception;
        this.workDir = workDir;
        this.sourceRoot = sourceRoot;
        this.clock = clock;
        this.out = out;
    }

    /** Promotes {@code buildId}, which passed the smoke suite of the demo's environment {@code local}. */
    public Result run(String buildId) {
        return run(buildId, "local");
    }

    /** Promotes {@code buildId}, which passed the smoke suite of environment {@code from} (fact {@code smoke:<from>}). */
    public Result run(String buildId, String from) {
        Store store = inception.store();
        Path usersFile = users(store);
        Packaging packaging = inception.home().packaging(clock);
        out.println("==> promotion of " + buildId + " to staging (sandbox: " + DemoPuppet.ROLES.size() + " control VMs, "
                + HOSTS + " compute hosts), gated by the smoke suite on " + from);
        try (SandboxStaging staging = SandboxStaging.start(packaging, HOSTS, from, workDir, sourceRoot)) {
            AuditTrail audit = new AuditTrail(store.audit(), clock);
            AptSuitePointers suites = new AptSuitePointers(packaging);
            PromotionService service = new PromotionService(store,
                    new SmokePassedGate(store.builds(), name -> name.equals("staging") ? Optional.of(staging.file())
                            : Optional.empty()), suites,
                    new EnvironmentDeploy(staging, suites, store, inception.home().dir(), clock,
                            line -> out.println("      " + line)),
                    audit, clock, new PromotionIds(store.promotions(), clock));

            PromotionOutcome attempt = service.promote(new Actor(DEVELOPER, Role.DEVELOPER, "demo"), buildId, "staging");
            AuditEntry entry = store.audit().list(1).stream().filter(e -> e.actor().equals(DEVELOPER)).findFirst()
                    .orElse(null);
            out.println("      developer " + DEVELOPER + ": " + (attempt instanceof PromotionOutcome.Denied ? "403 " : "")
                    + attempt.message() + (entry == null ? "" : " (audit #" + entry.id() + " " + entry.outcome() + ")"));

            PromotionOutcome outcome = service.promote(new Actor(RELEASE_MANAGER, Role.RELEASE_MANAGER, "demo"), buildId,
                    "staging");
            out.println("      " + (outcome instanceof PromotionOutcome.Promoted ? "ok: " : "FAILED: ") + outcome.message());
            return new Result(attempt, entry, outcome, usersFile);
        }
    }

    /** Creates the demo users (once per home); their passwords go to a file only its owner reads. */
    private Path users(Store store) {
        UserDirectory users = PromotionWiring.users(store, clock);
        Actor admin = new Actor("demo", Role.ADMIN, "demo");
        Path file = workDir.resolve("demo-users.txt");
        StringBuilder text = new StringBuilder();
        SecureRandom random = new SecureRandom();
        for (Map.Entry<String, Role> u : Map.of(RELEASE_MANAGER, Role.RELEASE_MANAGER, DEVELOPER, Role.DEVELOPER)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String name = u.getKey();
            Role role = u.getValue();
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            UserDirectory.Change change = users.add(admin, name, role, Secret.of(password));
            if (change instanceof UserDirectory.Change.Done) {
                text.append(name).append(' ').append(role.label()).append(' ').append(password).append('\n');
                out.println("      user " + name + " (" + role.label() + ") created");
            } else {
                out.println("      user " + name + " (" + role.label() + ") exists already");
            }
        }
        try {
            Files.createDirectories(workDir);
            if (text.length() > 0) {
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, text);
                out.println("      their passwords (for the web UI): " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo users' passwords to " + file, e);
        }
        return file;
    }
}
