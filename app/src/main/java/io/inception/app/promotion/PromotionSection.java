package io.inception.app.promotion;

import io.inception.engine.config.EnvironmentSection;
import io.inception.engine.config.MapFields;
import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code promotion:} section of an environment that builds are promoted to (staging):
 * <pre>
 * promotion:
 *   from: qe                                  # whose smoke suite a build must have passed (default qe)
 *   apt-url: http://inception.example.com:8480/apt   # where the hosts reach Inception's apt repository
 *   smoke-cloud:                              # the deployed cloud the smoke suite logs in to
 *     auth-url: http://stg-ctl-keystone-1:5000/v3
 *     username: smoke
 *     password: smoke-password                # a credential name from credentials:
 *     project: smoke
 *     domain: Default                         # optional, default Default
 *   gate-timeout: 24h                         # how long a promotion waits at a rollout pause or manual gate
 * </pre>
 * {@code apt-url} and {@code smoke-cloud} are needed when the environment is deployed; an environment
 * without the section promotes from {@code qe}.
 */
public final class PromotionSection implements EnvironmentSection<PromotionSection.Settings> {
    /** The section's key. */
    public static final String KEY = "promotion";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * @param from        the environment whose smoke suite gates promotion here
     * @param aptUrl      base URL of Inception's apt repository as the hosts see it
     * @param smokeCloud  where the smoke suite logs in
     * @param gateTimeout how long to wait at a rollout's pause or manual gate before giving up
     */
    public record Settings(String from, Optional<String> aptUrl, Optional<SmokeCloud> smokeCloud, Duration gateTimeout) {
        public static final Settings DEFAULT = new Settings("qe", Optional.empty(), Optional.empty(), Duration.ofHours(24));
    }

    /** Keystone v3 login of the smoke suite; {@code passwordCredential} names an entry of {@code credentials:}. */
    public record SmokeCloud(String authUrl, String username, String passwordCredential, String project, String domain) {
    }

    @Override
    public String key() {
        return KEY;
    }

    /** The section of {@code file}, or the defaults when it has none. */
    public static Settings of(io.inception.engine.config.EnvironmentFile file) {
        return file.section(new PromotionSection()).orElse(Settings.DEFAULT);
    }

    @Override
    public Optional<Settings> read(YamlNode node, String field, Problems problems) {
        Optional<MapFields> fields = MapFields.of(node, field, problems);
        if (fields.isEmpty()) return Optional.empty();
        MapFields f = fields.get().allow("from", "apt-url", "smoke-cloud", "gate-timeout");
        int before = problems.size();
        String from = f.string("from", false).orElse(Settings.DEFAULT.from());
        f.get("from").filter(n -> !NAME.matcher(from).matches()).ifPresent(n -> problems.add(n, f.field("from"),
                "'" + from + "' is not an environment name (lower-case letters, digits and '-')"));
        Optional<String> apt = f.string("apt-url", false);
        f.get("apt-url").filter(n -> apt.map(u -> !u.matches("(https?|file)://\\S+")).orElse(false))
                .ifPresent(n -> problems.add(n, f.field("apt-url"), "expected an http://, https:// or file:// URL, got '"
                        + apt.get() + "'"));
        Optional<SmokeCloud> cloud = f.mapping("smoke-cloud", false).flatMap(PromotionSection::cloud);
        Duration gate = f.duration("gate-timeout", false).orElse(Settings.DEFAULT.gateTimeout());
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new Settings(from, apt.map(u -> u.replaceAll("/+$", "")), cloud, gate));
    }

    private static Optional<SmokeCloud> cloud(MapFields c) {
        c.allow("auth-url", "username", "password", "project", "domain");
        Optional<String> url = c.string("auth-url", true);
        Optional<String> user = c.string("username", true);
        Optional<String> password = c.string("password", true);
        Optional<String> project = c.string("project", true);
        String domain = c.string("domain", false).orElse("Default");
        if (url.isEmpty() || user.isEmpty() || password.isEmpty() || project.isEmpty()) return Optional.empty();
        return Optional.of(new SmokeCloud(url.get(), user.get(), password.get(), project.get(), domain));
    }
}
