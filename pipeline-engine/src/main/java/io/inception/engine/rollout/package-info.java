/**
 * The nova-compute rollout: hosts in waves with a parallelism limit and a failure budget, each host
 * drained, pointed at the build's apt snapshot, upgraded, restarted, verified and undrained, a
 * failed host rolled back, and every host's phase stored on each transition so that a rollout
 * killed mid-way resumes without upgrading a host twice or skipping one. Porcelain:
 * {@link io.inception.engine.rollout.RolloutEngine}; SPI: {@link io.inception.engine.rollout.Drain}.
 */
package io.inception.engine.rollout;
