package io.inception.smoke.suite;

import io.inception.smoke.deployed.DeployedEnvironment;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives smoke tests their run's {@link SmokeSession} or {@link DeployedEnvironment} as method
 * parameters. A smoke test run outside {@code SmokeSuite} (say, from an IDE) fails with a message
 * saying so rather than testing nothing.
 */
public final class SmokeContext implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SmokeSession.class || type == DeployedEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String key = context.getConfigurationParameter(SmokeSessions.KEY).orElseThrow(() -> new ParameterResolutionException(
                "smoke tests test a deployed environment: run them through SmokeSuite (configuration parameter "
                        + SmokeSessions.KEY + " is not set)"));
        SmokeSession session = SmokeSessions.find(key).orElseThrow(() -> new ParameterResolutionException(
                "no smoke session " + key + " in this process"));
        return parameter.getParameter().getType() == SmokeSession.class ? session : session.environment();
    }
}
