package io.inception.engine.executor;

import java.time.Duration;
import java.util.Optional;

/** {@link StageDispatch#local()}: nothing is handed off, nothing is held elsewhere, nothing is parked. */
enum LocalDispatch implements StageDispatch {
    INSTANCE;

    @Override
    public boolean handsOff() {
        return false;
    }

    @Override
    public void handOff(StageTicket ticket) {
        throw new UnsupportedOperationException("the local dispatch executes stage '" + ticket.stage().name()
                + "' of run " + ticket.runId() + " in place; it hands nothing off");
    }

    @Override
    public boolean holdsRun(String runId) {
        return false;
    }

    @Override
    public Optional<Duration> parkWaitsFrom() {
        return Optional.empty();
    }
}
