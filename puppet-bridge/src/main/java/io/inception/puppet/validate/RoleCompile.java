package io.inception.puppet.validate;

/**
 * The catalog compile of one role.
 *
 * @param role      the role ({@code role::<role>})
 * @param compiled  true when Puppet compiled a catalog
 * @param resources resources in the compiled catalog (0 when it did not compile)
 * @param problem   why it did not compile, or null
 */
public record RoleCompile(String role, boolean compiled, int resources, ManifestProblem problem) {
}
