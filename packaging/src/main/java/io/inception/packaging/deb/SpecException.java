package io.inception.packaging.deb;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: one or more spec problems, each with file, line and field. The CLI exits 2 on it. */
public final class SpecException extends Exception {
    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
