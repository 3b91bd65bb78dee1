package io.inception.packaging.deb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packages a candidate: every spec is checked against the tree before any .deb is written, so a bad
 * spec or a missing file builds nothing.
 */
public final class CandidatePackager {
    private final DebBuilder builder;

    public CandidatePackager(DebBuilder builder) {
        this.builder = builder;
    }

    /**
     * Builds one .deb per spec into {@code outputDir}, in spec order.
     *
     * @throws SpecException every problem of every spec (file, line, field), before anything is built
     */
    public List<BuiltPackage> packageAll(List<PackageSpec> specs, Candidate candidate, Path outputDir)
            throws IOException, SpecException {
        List<SpecProblem> problems = new ArrayList<>();
        Map<PackageSpec, List<PayloadEntry>> plans = new LinkedHashMap<>();
        for (PackageSpec spec : specs) plans.put(spec, PayloadPlanner.plan(spec, candidate.tree(), problems));
        if (!problems.isEmpty()) throw new SpecException(problems);
        List<BuiltPackage> built = new ArrayList<>();
        for (var e : plans.entrySet()) built.add(builder.build(e.getKey(), candidate, e.getValue(), outputDir));
        return built;
    }
}
