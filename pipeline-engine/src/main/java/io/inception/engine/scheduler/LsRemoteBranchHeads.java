package io.inception.engine.scheduler;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;

import java.time.Duration;
import java.util.Map;

/** {@link BranchHeads} through JGit's {@code LsRemoteCommand}; works for paths, file://, ssh and https. */
public final class LsRemoteBranchHeads implements BranchHeads {
    private final Duration timeout;

    /** @param timeout network timeout of one ls-remote (ignored by local transports) */
    public LsRemoteBranchHeads(Duration timeout) {
        this.timeout = timeout;
    }

    public LsRemoteBranchHeads() {
        this(Duration.ofSeconds(30));
    }

    @Override
    public String head(String repoUrl, String ref) throws BranchHeadException {
        Map<String, Ref> refs;
        try {
            refs = Git.lsRemoteRepository()
                    .setRemote(repoUrl)
                    .setHeads(ref.startsWith("refs/heads/"))
                    .setTimeout((int) Math.max(1, timeout.toSeconds()))
                    .callAsMap();
        } catch (Exception e) {
            throw new BranchHeadException("cannot list refs of " + UrlRedaction.redact(repoUrl) + ": "
                    + UrlRedaction.redact(describe(e), repoUrl), null);
        }
        Ref found = refs.get(ref);
        if (found == null || found.getObjectId() == null) {
            throw new BranchHeadException("branch " + ref + " not found in " + UrlRedaction.redact(repoUrl), null);
        }
        return found.getObjectId().name();
    }

    /** The exception chain in one line; the cause is not kept, because its messages may hold the URL. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause()) {
            if (!sb.isEmpty()) sb.append(": ");
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return sb.toString();
    }
}
