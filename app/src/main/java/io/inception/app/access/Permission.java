package io.inception.app.access;

/** One kind of action a role may be allowed. */
public enum Permission {
    VIEW, REQUEST_LAB, REQUEST_PROMOTION, PROMOTE, MANAGE_USERS, MANAGE_ENVIRONMENTS,
    /** Start a pipeline run through the API, as a trigger would. */
    START_RUN
}
