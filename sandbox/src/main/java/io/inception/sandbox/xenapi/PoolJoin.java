package io.inception.sandbox.xenapi;

/** {@code pool.join} and {@code pool.eject} between the pools of one simulator (physical and nested). */
interface PoolJoin {
    /** Makes the single host of {@code joiner} a member of the pool whose master is at {@code masterAddress}. */
    void join(SimPool joiner, String masterAddress, String user, String password);

    void eject(SimPool master, XapiDb.Obj host);
}
