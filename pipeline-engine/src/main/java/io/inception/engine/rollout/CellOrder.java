package io.inception.engine.rollout;

/** How hosts of several compute cells are ordered in the waves. */
public enum CellOrder {
    /** All of the first cell's hosts, then the next cell's. */
    ONE_AT_A_TIME,
    /** The cells' hosts interleaved, so every wave touches every cell. */
    PARALLEL
}
