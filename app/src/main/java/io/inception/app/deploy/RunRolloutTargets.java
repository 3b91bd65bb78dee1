package io.inception.app.deploy;

import io.inception.engine.rollout.RolloutTargets;
import io.inception.engine.stage.StageContext;

/** The rollout stage's fleets: the hosts, login and plan of the run's environment file at its pipeline commit. */
public final class RunRolloutTargets implements RolloutTargets {
    private final RunEnvironments environments;
    private final EnvironmentLogins logins;

    public RunRolloutTargets(RunEnvironments environments, EnvironmentLogins logins) {
        this.environments = environments;
        this.logins = logins;
    }

    @Override
    public Fleet forEnvironment(String environment) {
        return logins.targets(environments::named).forEnvironment(environment);
    }

    @Override
    public Fleet forRun(StageContext context) {
        var file = environments.of(context);
        return logins.targets(name -> file).forEnvironment(file.name());
    }
}
