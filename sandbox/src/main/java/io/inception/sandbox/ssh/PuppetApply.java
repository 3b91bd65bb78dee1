package io.inception.sandbox.ssh;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code puppet apply} on a simulated host, answered as Puppet 7 does with
 * {@code --detailed-exitcodes}: the node's classes come from the Hiera file {@code data/node.yaml}
 * beside {@code --hiera_config}; the resources are the {@code package}, {@code file},
 * {@code service} and {@code exec} declarations of those classes' manifests and of the defined types
 * they declare ({@code inception::nova_service { 'nova-api': }}, whose {@code $title} is
 * {@code nova-api}). A catalog not applied
 * before changes every resource (exit 2); applying it again changes nothing (exit 0) unless a managed
 * file was edited since; a host with {@link HostFault#SERVICE_DOES_NOT_COME_BACK} fails its services
 * (exit 6 with other changes, 4 without). {@code --noop} changes nothing, reports what would change
 * and exits 0. The report goes, in Puppet's YAML format, to {@code --lastrunreport} (default
 * {@value #LAST_RUN_REPORT}).
 */
final class PuppetApply {
    static final String LAST_RUN_REPORT = "/var/cache/puppet/state/last_run_report.yaml";
    private static final String APPLIED = "/var/cache/puppet/state/inception-sandbox-applied";
    /** A declaration at the start of a line: a type, an opening brace and a title ('literal', "with ${title}" or $title). */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^\\s*([a-z][a-z0-9_]*(?:::[a-z][a-z0-9_]*)*)\\s*\\{\\s*(?:'([^'$]+)'|\"([^\"]+)\"|(\\$(?:title|name)))\\s*:");
    private static final List<String> RESOURCE_TYPES = List.of("package", "file", "service", "exec");
    /** Defined types declaring defined types: deeper than this is a loop. */
    private static final int MAX_NESTING = 8;

    private final DebianState state;

    PuppetApply(DebianState state) {
        this.state = state;
    }

    /**
     * A resource a class declares, directly or through defined types.
     *
     * @param path  the defined types it is declared in, e.g. {@code Inception::Nova_service[nova-api]/}
     * @param type  {@code Package}, {@code File}, ...
     * @param file  the manifest declaring it
     */
    private record Declared(String path, String type, String title, String file) {
        Declared within(String define) {
            return new Declared(define + "/" + path, type, title, file);
        }
    }

    /** One resource of the simulated catalog and what the run did to it. */
    private record Outcome(String resource, String type, String title, String file, boolean changed, boolean failed,
                           String message) {
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("apply")) {
            err.println("Error: Unknown Puppet subcommand '" + (args.isEmpty() ? "" : args.get(0)) + "'");
            return 1;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String manifest = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) manifest = a;
            else if (a.contains("=")) options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            else if (List.of("--modulepath", "--hiera_config", "--lastrunreport", "--lastrunfile", "--reportdir").contains(a)
                    && i + 1 < args.size()) options.put(a.substring(2), args.get(++i));
            else options.put(a.substring(2), "true");
        }
        if (manifest == null || state.file(manifest).isEmpty()) {
            err.println("Error: Could not find file " + manifest);
            return 1;
        }
        boolean noop = options.containsKey("noop");
        String hieraDir = parent(options.getOrDefault("hiera_config", "/etc/puppet/hiera.yaml"));
        String nodeData = state.file(hieraDir + "/data/node.yaml").orElse("");
        String host = value(nodeData, "inception::node::name").orElse("localhost");
        List<Outcome> outcomes = evaluate(classes(nodeData), options.getOrDefault("modulepath", "/etc/puppet/code/modules"),
                digest(parent(manifest)), noop);
        boolean changes = outcomes.stream().anyMatch(Outcome::changed);
        boolean failures = outcomes.stream().anyMatch(Outcome::failed);
        out.println("Notice: Compiled catalog for " + host + " in environment production in 0.02 seconds");
        for (Outcome o : outcomes) {
            String line = "/Stage[main]/" + o.resource() + ": " + o.message();
            if (o.failed()) err.println("Error: " + line);
            else if (o.changed()) out.println("Notice: " + line);
        }
        out.println("Notice: Applied catalog in 0.05 seconds");
        state.writeFile(options.getOrDefault("lastrunreport", LAST_RUN_REPORT), report(host, outcomes, noop));
        if (noop || !options.containsKey("detailed-exitcodes")) return failures && !noop ? 1 : 0;
        return (changes ? 2 : 0) | (failures ? 4 : 0);
    }

    private List<Outcome> evaluate(List<String> classes, String modulepath, String digest, boolean noop) {
        Map<String, String> applied = appliedState();
        boolean newCatalog = !digest.equals(applied.get("catalog"));
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, String> nowApplied = new LinkedHashMap<>();
        nowApplied.put("catalog", digest);
        for (String cls : classes) {
            for (Declared declared : declared(modulepath, cls, null, 0)) {
                String type = declared.type();
                String title = declared.title();
                String file = declared.file();
                String resource = type + "[" + title + "]";
                String managed = "# managed by Puppet: " + resource + " of " + cls + "\n";
                boolean edited = type.equals("File") && title.startsWith("/") && !applied.isEmpty()
                        && !state.file(title).map(managed::equals).orElse(false);
                boolean failed = type.equals("Service") && state.has(HostFault.SERVICE_DOES_NOT_COME_BACK) && !noop;
                boolean changed = (newCatalog || edited) && !failed;
                String message = failed
                        ? "change from 'stopped' to 'running' failed: Could not start Service[" + title + "]: Execution of"
                          + " '/usr/sbin/service " + title + " start' returned 1: Job for " + title + ".service failed."
                        : !changed ? "unchanged"
                        : noop ? "current_value 'absent', should be 'present' (noop)"
                        : type.equals("File") ? "content changed '{sha256}0' to '{sha256}" + sha(managed) + "'"
                        : "ensure changed 'stopped' to 'running'";
                outcomes.add(new Outcome(cls.substring(0, 1).toUpperCase() + cls.substring(1) + "/" + declared.path() + resource,
                        type, title, file, changed, failed, message));
                if (!noop && changed && type.equals("File") && title.startsWith("/")) state.writeFile(title, managed);
                if (!noop && changed && type.equals("Service")) state.setService(title, true);
            }
        }
        if (!noop) {
            StringBuilder text = new StringBuilder();
            nowApplied.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
            state.writeFile(APPLIED, text.toString());
        }
        return outcomes;
    }

    /**
     * The resources the class or defined type {@code name} declares, in order, the defined types it
     * declares expanded in place; {@code title} is the defined type's title (null for a class).
     */
    private List<Declared> declared(String modulepath, String name, String title, int depth) {
        String[] parts = name.split("::", 2);
        String file = modulepath + "/" + parts[0] + "/manifests/" + (parts.length > 1 ? parts[1].replace("::", "/") : "init") + ".pp";
        List<Declared> found = new ArrayList<>();
        Matcher m = DECLARATION.matcher(state.file(file).orElse(""));
        while (m.find()) {
            Optional<String> resourceTitle = title(m, title);
            if (resourceTitle.isEmpty()) continue;
            String type = m.group(1);
            if (type.contains("::") && depth < MAX_NESTING) {
                String define = capitalised(type) + "[" + resourceTitle.get() + "]";
                declared(modulepath, type, resourceTitle.get(), depth + 1).forEach(d -> found.add(d.within(define)));
            } else if (RESOURCE_TYPES.contains(type)) {
                found.add(new Declared("", capitalised(type), resourceTitle.get(), file));
            }
        }
        return found;
    }

    /** A declaration's title: a literal, or inside a defined type one naming its {@code $title}/{@code $name}. */
    private static Optional<String> title(Matcher declaration, String defineTitle) {
        if (declaration.group(2) != null) return Optional.of(declaration.group(2));
        String text = declaration.group(3) != null ? declaration.group(3) : declaration.group(4);
        if (defineTitle != null) {
            String value = Matcher.quoteReplacement(defineTitle);
            text = text.replaceAll("\\$\\{(?:title|name)}", value).replaceAll("\\$(?:title|name)\\b", value);
        }
        // any other variable would need Puppet's evaluator: such a resource is not simulated
        return text.contains("$") ? Optional.empty() : Optional.of(text);
    }

    /** Puppet's spelling of a type in a resource reference: {@code inception::nova_service} is {@code Inception::Nova_service}. */
    private static String capitalised(String type) {
        StringBuilder out = new StringBuilder();
        for (String segment : type.split("::")) {
            if (out.length() > 0) out.append("::");
            out.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
        }
        return out.toString();
    }

    private Map<String, String> appliedState() {
        Map<String, String> applied = new LinkedHashMap<>();
        for (String line : state.file(APPLIED).orElse("").split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) applied.put(line.substring(0, sp), line.substring(sp + 1));
        }
        return applied;
    }

    /** The {@code classes:} list of a Hiera YAML file written as a block sequence or a flow list. */
    private static List<String> classes(String yaml) {
        List<String> classes = new ArrayList<>();
        boolean inList = false;
        for (String line : yaml.split("\n")) {
            if (line.startsWith("classes:")) {
                String rest = line.substring(8).trim();
                if (rest.startsWith("[")) {
                    for (String c : rest.replaceAll("[\\[\\]'\"]", "").split(",")) if (!c.isBlank()) classes.add(c.trim());
                    return classes;
                }
                inList = true;
            } else if (inList && line.trim().startsWith("- ")) {
                classes.add(line.trim().substring(2).replaceAll("['\"]", "").trim());
            } else if (inList && !line.isBlank()) {
                inList = false;
            }
        }
        return classes;
    }

    private static Optional<String> value(String yaml, String key) {
        for (String line : yaml.split("\n")) {
            if (line.startsWith(key + ":")) return Optional.of(line.substring(key.length() + 1).trim().replaceAll("^['\"]|['\"]$", ""));
        }
        return Optional.empty();
    }

    private String digest(String dir) {
        StringBuilder all = new StringBuilder();
        state.filesUnder(dir.endsWith("/") ? dir : dir + "/").forEach((k, v) -> all.append(k).append('\0').append(v).append('\0'));
        return sha(all.toString());
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : path.substring(0, slash);
        return dir.endsWith("/manifests") ? dir.substring(0, dir.length() - "/manifests".length()) : dir;
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String report(String host, List<Outcome> outcomes, boolean noop) {
        String time = "'" + Instant.now() + "'";
        boolean failed = outcomes.stream().anyMatch(Outcome::failed);
        boolean changed = outcomes.stream().anyMatch(Outcome::changed);
        StringBuilder y = new StringBuilder("--- !ruby/object:Puppet::Transaction::Report\n");
        y.append("host: ").append(host).append("\ntime: ").append(time).append("\nconfiguration_version: 1\n")
                .append("report_format: 12\npuppet_version: 7.23.0\nstatus: ")
                .append(failed ? "failed" : changed && !noop ? "changed" : "unchanged")
                .append("\ntransaction_completed: true\nnoop: ").append(noop).append("\nnoop_pending: ").append(noop && changed)
                .append("\nenvironment: production\nlogs:\n");
        for (Outcome o : outcomes) {
            if (!o.changed() && !o.failed()) continue;
            y.append("- level: ").append(o.failed() ? "err" : "notice").append("\n  message: ").append(quote(o.message()))
                    .append("\n  source: ").append(quote("/Stage[main]/" + o.resource() + "/ensure")).append("\n  time: ")
                    .append(time).append("\n");
        }
        y.append("resource_statuses:\n");
        for (Outcome o : outcomes) {
            boolean outOfSync = o.changed() || o.failed();
            y.append("  ").append(o.type()).append('[').append(o.title()).append("]:\n")
                    .append("    title: ").append(quote(o.title())).append("\n    file: ").append(quote(o.file()))
                    .append("\n    resource: ").append(quote(o.type() + "[" + o.title() + "]"))
                    .append("\n    resource_type: ").append(o.type())
                    .append("\n    failed: ").append(o.failed()).append("\n    changed: ").append(o.changed() && !noop)
                    .append("\n    out_of_sync: ").append(outOfSync).append("\n    skipped: false")
                    .append("\n    change_count: ").append(o.changed() && !noop ? 1 : 0)
                    .append("\n    out_of_sync_count: ").append(outOfSync ? 1 : 0).append("\n    events:");
            if (!outOfSync) {
                y.append(" []\n");
                continue;
            }
            y.append("\n    - property: ensure\n      message: ").append(quote(o.message())).append("\n      name: ")
                    .append(o.type().equals("File") ? "content_changed" : "ensure_changed").append("\n      status: ")
                    .append(o.failed() ? "failure" : noop ? "noop" : "success").append("\n      time: ").append(time).append("\n");
        }
        return y.append("cached_catalog_status: not_used\n").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
