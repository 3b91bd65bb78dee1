package io.inception.puppet.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.inception.puppet.manifests.ManifestCommit;

import java.util.List;

/**
 * The output of a {@code puppet-validate} stage, stored as a fact of the build under the stage's
 * name: which manifest commit was tested, where Puppet ran, every manifest that was parsed, every
 * role's catalog compile, and each error with its file and line. Holds no secret: the compiles use
 * stand-in values for the environment's credentials.
 *
 * @param manifests     the manifest commit tested (a later {@code puppet} stage of the run applies the same one)
 * @param runner        where Puppet ran: {@code docker} (a throwaway container of the project image) or {@code local-process}
 * @param puppetVersion {@code puppet --version} there
 * @param validated     every {@code .pp} file given to {@code puppet parser validate}, relative to the manifest folder
 * @param syntaxErrors  what {@code puppet parser validate} reported
 * @param roles         one compile per role (none when a manifest does not parse)
 */
public record ManifestTestReport(ManifestCommit manifests, String runner, String puppetVersion, List<String> validated,
                                 List<ManifestProblem> syntaxErrors, List<RoleCompile> roles) {
    public ManifestTestReport {
        validated = List.copyOf(validated);
        syntaxErrors = List.copyOf(syntaxErrors);
        roles = List.copyOf(roles);
    }

    /** The manifest commit at the top of the stored JSON, where the release manifest looks for it. */
    @JsonProperty("manifestsCommit")
    public String manifestsCommit() {
        return manifests.commit();
    }

    public boolean passed() {
        return syntaxErrors.isEmpty() && roles.stream().allMatch(RoleCompile::compiled);
    }

    /** Every problem: syntax errors, then the roles that did not compile. */
    public List<String> failures() {
        List<String> out = new java.util.ArrayList<>(syntaxErrors.stream().map(ManifestProblem::describe).toList());
        roles.stream().filter(r -> !r.compiled()).forEach(r -> out.add("role::" + r.role() + ": " + r.problem().describe()));
        return out;
    }

    /** {@code 15 manifests parsed, 9/9 roles compiled @1a2b3c4d5e6f (docker)} */
    public String line() {
        long compiled = roles.stream().filter(RoleCompile::compiled).count();
        return validated.size() + " manifest(s) parsed" + (syntaxErrors.isEmpty() ? "" : " (" + syntaxErrors.size() + " syntax error(s))")
                + ", " + (syntaxErrors.isEmpty() ? compiled + "/" + roles.size() + " role(s) compiled" : "roles not compiled")
                + " @" + manifests.shortCommit() + " (" + runner + ", puppet " + puppetVersion + ")";
    }
}
