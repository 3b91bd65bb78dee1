package io.inception.app.cli;

import io.inception.app.access.Actor;
import io.inception.app.access.Role;
import io.inception.app.access.UserDirectory;
import io.inception.app.promotion.PromotionWiring;
import io.inception.engine.store.Store;
import io.inception.engine.store.UserAccount;
import io.inception.packaging.signing.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code inception users add|list|token}. Whoever can open the store from a shell administers its users:
 * these commands act as {@code cli:<os user>} with the admin role, and the audit log says so.
 */
@Command(name = "users", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Users of the web UI and API (roles developer, release-manager, admin) and their API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Token.class},
        footer = {"", "Examples:", "  inception users add rita --role release-manager      # asks for the password",
                "  echo \"$PW\" | inception users add dave --role developer --password-stdin",
                "  inception users list", "  inception users token rita --label laptop   # printed once; keep it"})
public final class UsersCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("inception users: say `add`, `list` or `token`");
        return 2;
    }

    static Actor shellAdmin() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), Role.ADMIN, "cli");
    }

    /** {@code inception users add}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with a role and a password.")
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "NAME", description = "Login name (a-z 0-9 . _ -).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "developer, release-manager or admin.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role r = Role.parse(role).orElse(null);
            if (r == null) {
                System.err.println("inception users add: unknown role '" + role + "': use developer, release-manager or admin");
                return 2;
            }
            Secret password = readPassword(passwordStdin);
            try (Store s = store.openStore()) {
                UserDirectory.Change change = PromotionWiring.users(s, Clock.systemUTC()).add(shellAdmin(), name, r, password);
                if (change instanceof UserDirectory.Change.Done d) {
                    System.out.println(d.what());
                    return 0;
                }
                System.err.println("inception users add: " + (change instanceof UserDirectory.Change.Invalid i ? i.why()
                        : ((UserDirectory.Change.Denied) change).why()));
                return 2;
            }
        }
    }

    /** {@code inception users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            try (Store s = store.openStore()) {
                System.out.printf("%-20s %-16s %s%n", "USER", "ROLE", "ADDED");
                for (UserAccount u : s.users().list()) {
                    System.out.printf("%-20s %-16s %s%n", u.name(), u.role(), u.createdAt());
                }
                return 0;
            }
        }
    }

    /** {@code inception users token}. */
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Issue an API token for a user; it is printed once and stored only as a hash.")
    static final class Token implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "NAME", description = "The user.")
        String name;

        @Option(names = "--label", defaultValue = "cli", description = "What the token is for (default: ${DEFAULT-VALUE}).")
        String label;

        @Override
        public Integer call() {
            try (Store s = store.openStore()) {
                var token = PromotionWiring.users(s, Clock.systemUTC()).issueToken(shellAdmin(), name, label);
                if (token.isEmpty()) {
                    System.err.println("inception users token: no user '" + name + "'; `inception users list` lists them");
                    return 2;
                }
                System.out.println(token.get());
                return 0;
            }
        }
    }

    static Secret readPassword(boolean fromStdin) throws IOException {
        Console console = System.console();
        if (!fromStdin && console != null) {
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (first == null || !java.util.Arrays.equals(first, again)) throw new IOException("the passwords differ");
            return Secret.of(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new IOException("no password on standard input");
        return Secret.of(line);
    }
}
