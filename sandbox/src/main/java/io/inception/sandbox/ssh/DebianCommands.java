package io.inception.sandbox.ssh;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian commands a simulated host answers, with Debian's messages and exit codes:
 * {@code apt-get update|install}, {@code dpkg -s}, {@code dpkg-query -W}, {@code systemctl
 * is-active|restart|start|stop}, {@code cat}, {@code echo}, {@code printf}, {@code mkdir},
 * {@code true}, {@code false}, {@code hostname}.
 */
final class DebianCommands {
    private static final String SOURCES = "/etc/apt/sources.list";

    private final DebianState state;
    private final PackageIndex index;

    DebianCommands(DebianState state, PackageIndex index) {
        this.state = state;
        this.index = index;
    }

    int run(List<String> words, PrintStream out, PrintStream err) {
        String cmd = words.get(0);
        List<String> args = words.subList(1, words.size());
        return switch (cmd) {
            case "true", "mkdir" -> 0;
            case "false" -> 1;
            case "echo" -> {
                out.println(String.join(" ", args));
                yield 0;
            }
            case "printf" -> printf(args, out);
            case "cat" -> cat(args, out, err);
            case "apt-get" -> aptGet(args, out, err);
            case "dpkg" -> dpkg(args, out, err);
            case "dpkg-query" -> dpkgQuery(args, out, err);
            case "systemctl" -> systemctl(args, out, err);
            default -> {
                err.println("sh: 1: " + cmd + ": not found");
                yield 127;
            }
        };
    }

    private static int printf(List<String> args, PrintStream out) {
        if (args.isEmpty()) return 1;
        String format = args.get(0).replace("\\n", "\n");
        if (args.size() == 1) out.print(format);
        for (String a : args.subList(1, args.size())) out.print(format.replace("%s", a));
        return 0;
    }

    private int cat(List<String> args, PrintStream out, PrintStream err) {
        int code = 0;
        for (String path : args) {
            Optional<String> content = state.file(path);
            if (content.isPresent()) out.print(content.get());
            else {
                err.println("cat: " + path + ": No such file or directory");
                code = 1;
            }
        }
        return code;
    }

    private int aptGet(List<String> args, PrintStream out, PrintStream err) {
        List<String> plain = args.stream().filter(a -> !a.startsWith("-")).toList();
        boolean allowDowngrades = args.contains("--allow-downgrades");
        if (plain.isEmpty()) {
            err.println("E: Invalid operation");
            return 100;
        }
        return switch (plain.get(0)) {
            case "update" -> aptUpdate(out, err);
            case "install" -> aptInstall(plain.subList(1, plain.size()), allowDowngrades, out, err);
            default -> {
                err.println("E: Invalid operation " + plain.get(0));
                yield 100;
            }
        };
    }

    private int aptUpdate(PrintStream out, PrintStream err) {
        Map<String, List<String>> all = new HashMap<>();
        Map<String, String> sources = state.filesUnder("/etc/apt/sources.list");
        int n = 0;
        for (String content : sources.values()) {
            for (String line : content.split("\n")) {
                if (!line.trim().startsWith("deb ")) continue;
                n++;
                PackageIndex.Fetch fetched = index.fetch(line.trim(), state::file);
                if (fetched instanceof PackageIndex.Fetch.Failed failed) {
                    err.println(failed.error());
                    return 100;
                }
                out.println("Get:" + n + " " + line.trim() + " InRelease");
                ((PackageIndex.Fetch.Found) fetched).versions().forEach((k, v) -> all.merge(k, v, (a, b) -> {
                    java.util.ArrayList<String> merged = new java.util.ArrayList<>(a);
                    merged.addAll(b);
                    return merged;
                }));
            }
        }
        if (n == 0 && sources.isEmpty()) {
            all.putAll(index.read("deb " + SOURCES).orElse(Map.of()));
        }
        state.replaceAvailable(all);
        out.println("Reading package lists... Done");
        return 0;
    }

    private int aptInstall(List<String> specs, boolean allowDowngrades, PrintStream out, PrintStream err) {
        out.println("Reading package lists... Done");
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String pkg = eq < 0 ? spec : spec.substring(0, eq);
            List<String> candidates = state.available(pkg);
            if (candidates.isEmpty()) {
                err.println("E: Unable to locate package " + pkg);
                return 100;
            }
            String version = eq < 0 ? candidates.get(candidates.size() - 1) : spec.substring(eq + 1);
            if (!candidates.contains(version)) {
                err.println("E: Version '" + version + "' for '" + pkg + "' was not found");
                return 100;
            }
            Optional<DebianState.InstalledPackage> before = state.installed(pkg);
            if (before.isPresent() && before.get().version().equals(version)
                    && before.get().status().equals("install ok installed")) {
                out.println(pkg + " is already the newest version (" + version + ").");
                continue;
            }
            if (before.isPresent() && DebianVersions.compare(version, before.get().version()) < 0 && !allowDowngrades) {
                err.println("E: Packages were downgraded and -y was used without --allow-downgrades.");
                return 100;
            }
            out.println("Setting up " + pkg + " (" + version + ") ...");
            if (state.has(HostFault.INSTALL_FAILS) && before.map(b -> !b.version().equals(version)).orElse(true)
                    && isNewest(version, candidates)) {
                state.setInstalled(pkg, version, "install ok half-configured");
                err.println("dpkg: error processing package " + pkg + " (--configure):");
                err.println(" installed " + pkg + " package post-installation script subprocess returned error exit status 1");
                err.println("E: Sub-process /usr/bin/dpkg returned an error code (1)");
                return 100;
            }
            String recorded = state.has(HostFault.WRONG_VERSION_AFTER_RESTART) && before.isPresent()
                    ? before.get().version() : version;
            state.setInstalled(pkg, recorded, "install ok installed");
        }
        return 0;
    }

    private static boolean isNewest(String version, List<String> candidates) {
        return candidates.stream().allMatch(c -> DebianVersions.compare(version, c) >= 0);
    }

    private int dpkg(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 2 || !(args.get(0).equals("-s") || args.get(0).equals("--status"))) {
            err.println("dpkg: error: need an action option");
            return 2;
        }
        int code = 0;
        for (String pkg : args.subList(1, args.size())) {
            Optional<DebianState.InstalledPackage> p = state.installed(pkg);
            if (p.isEmpty()) {
                err.println("dpkg-query: package '" + pkg + "' is not installed and no information is available");
                code = 1;
                continue;
            }
            out.println("Package: " + pkg);
            out.println("Status: " + p.get().status());
            out.println("Architecture: amd64");
            out.println("Version: " + p.get().version());
        }
        return code;
    }

    private int dpkgQuery(List<String> args, PrintStream out, PrintStream err) {
        String format = "${Package}\t${Version}\n";
        List<String> pkgs = new java.util.ArrayList<>();
        boolean show = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-W") || a.equals("--show")) show = true;
            else if (a.equals("-f") && i + 1 < args.size()) format = args.get(++i);
            else if (a.startsWith("-f=")) format = a.substring(3);
            else if (a.startsWith("--showformat=")) format = a.substring(13);
            else pkgs.add(a);
        }
        if (!show) {
            err.println("dpkg-query: error: need an action option");
            return 2;
        }
        int code = 0;
        for (String pkg : pkgs) {
            Optional<DebianState.InstalledPackage> p = state.installed(pkg);
            if (p.isEmpty()) {
                err.println("dpkg-query: no packages found matching " + pkg);
                code = 1;
                continue;
            }
            out.print(format.replace("${Package}", pkg).replace("${Version}", p.get().version())
                    .replace("${Status}", p.get().status()).replace("\\n", "\n").replace("\\t", "\t"));
        }
        return code;
    }

    private int systemctl(List<String> args, PrintStream out, PrintStream err) {
        List<String> plain = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (plain.size() < 2) {
            err.println("Too few arguments.");
            return 1;
        }
        String unit = plain.get(1).endsWith(".service") ? plain.get(1).substring(0, plain.get(1).length() - 8) : plain.get(1);
        boolean known = state.hasService(unit);
        switch (plain.get(0)) {
            case "is-active":
                boolean active = known && state.serviceActive(unit);
                out.println(active ? "active" : "inactive");
                return active ? 0 : 3;
            case "restart":
            case "start":
                if (!known) {
                    err.println("Failed to " + plain.get(0) + " " + unit + ".service: Unit " + unit + ".service not found.");
                    return 5;
                }
                boolean broken = state.has(HostFault.SERVICE_DOES_NOT_COME_BACK)
                        || state.installed(unit).map(p -> !p.status().equals("install ok installed")).orElse(false);
                state.setService(unit, !broken);
                return 0;
            case "stop":
                if (known) state.setService(unit, false);
                return known ? 0 : 5;
            default:
                err.println("Unknown command verb " + plain.get(0) + ".");
                return 1;
        }
    }
}
