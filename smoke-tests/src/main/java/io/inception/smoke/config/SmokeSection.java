package io.inception.smoke.config;

import io.inception.engine.config.EnvironmentSection;
import io.inception.engine.config.MapFields;
import io.inception.engine.config.Problems;
import io.inception.engine.config.Suggestions;
import io.inception.engine.config.YamlNode;
import io.inception.smoke.suite.SmokeCatalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code smoke:} section of an environment file:
 * <pre>
 * smoke:
 *   tags: smoke &amp; !labs          # JUnit Platform tag expression (default: smoke)
 *   quarantine:                     # non-gating tests, still run and reported
 *     - ComputeHostsSmoke#novaComputeIsUpAndEnabledOnEveryHost
 *   retries: 1                      # 0..3 (default 1)
 * </pre>
 * Tag expressions are checked with JUnit's own parser and quarantined names against the suite's
 * catalogue, so a typo is reported by {@code inception validate} instead of silently gating nothing.
 */
public final class SmokeSection implements EnvironmentSection<SmokeSettings> {
    @Override
    public String key() {
        return "smoke";
    }

    @Override
    public Optional<SmokeSettings> read(YamlNode node, String field, Problems problems) {
        Optional<MapFields> fields = MapFields.of(node, field, problems);
        if (fields.isEmpty()) return Optional.empty();
        MapFields f = fields.get().allow("tags", "quarantine", "retries");
        int before = problems.size();
        String tags = f.string("tags", false).orElse(SmokeSettings.DEFAULT.tags());
        f.get("tags").ifPresent(n -> TagExpressions.problem(tags)
                .ifPresent(p -> problems.add(n, f.field("tags"), p)));
        List<String> quarantine = quarantine(f);
        long retries = f.integer("retries", false).orElse((long) SmokeSettings.DEFAULT.retries());
        if (retries < 0 || retries > SmokeSettings.MAX_RETRIES) {
            problems.add(f.get("retries").orElseThrow(), f.field("retries"),
                    "retries must be between 0 and " + SmokeSettings.MAX_RETRIES + ", got " + retries);
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new SmokeSettings(tags, quarantine, (int) retries));
    }

    private static List<String> quarantine(MapFields f) {
        List<String> names = new ArrayList<>();
        Set<String> known = SmokeCatalogue.testIds();
        f.sequence("quarantine", false).ifPresent(seq -> {
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                String at = Problems.index(f.field("quarantine"), i);
                if (!(item instanceof YamlNode.Scalar s) || s.isNull()) {
                    f.problems().add(item, at, "expected a test name (Class#method), got " + item.describe());
                } else if (!known.contains(s.value())) {
                    f.problems().add(item, at, "unknown smoke test '" + s.value() + "'"
                            + Suggestions.didYouMean(s.value(), known) + "; tests are named Class#method");
                } else {
                    names.add(s.value());
                }
            }
        });
        return names;
    }
}
