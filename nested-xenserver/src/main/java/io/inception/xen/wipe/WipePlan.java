package io.inception.xen.wipe;

import java.util.List;

/**
 * Which hosts to wipe, how many per wave, how many failures are tolerated before the remaining
 * waves are skipped, and the name of the golden snapshot of each host VM.
 */
public record WipePlan(List<String> hosts, int waveSize, int failureBudget, String goldenSnapshot) {
    public WipePlan {
        hosts = List.copyOf(hosts);
        if (waveSize < 1) {
            throw new IllegalArgumentException("a wave has at least one host");
        }
    }

    /** The hosts cut into waves of {@code waveSize}. */
    public List<List<String>> waves() {
        java.util.ArrayList<List<String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < hosts.size(); i += waveSize) {
            out.add(hosts.subList(i, Math.min(hosts.size(), i + waveSize)));
        }
        return out;
    }
}
