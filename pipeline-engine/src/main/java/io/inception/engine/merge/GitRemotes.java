package io.inception.engine.merge;

import io.inception.engine.merge.MergeTrainException.Kind;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches branches into the train's local repository and pushes the candidate, turning transport
 * failures into {@link MergeTrainException}s that name the branch and never carry a password.
 */
final class GitRemotes {
    private static final Logger LOG = LoggerFactory.getLogger(GitRemotes.class);
    private static final int TIMEOUT_SECONDS = 120;

    private final Repository local;

    GitRemotes(Repository local) {
        this.local = local;
    }

    /** Fetches {@code branch} and points {@code localRef} at its head; returns the head. */
    ObjectId fetch(RemoteBranch branch, String localRef) {
        LOG.info("fetching {} from {}", branch.ref(), branch.url());
        try (Transport transport = open(branch); FetchConnection connection = transport.openFetch()) {
            Ref ref = connection.getRef(branch.ref());
            if (ref == null || ref.getObjectId() == null) {
                throw new MergeTrainException(Kind.MISSING_BRANCH, branch.name(), "branch " + branch.name()
                        + ": " + branch.url() + " has no branch '" + branch.branch() + "'");
            }
            if (!local.getObjectDatabase().has(ref.getObjectId())) {
                connection.fetch(NullProgressMonitor.INSTANCE, List.of(ref), Set.of());
            }
            RefUpdate update = local.updateRef(localRef);
            update.setNewObjectId(ref.getObjectId());
            update.disableRefLog();
            RefUpdate.Result result = update.forceUpdate();
            if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE) {
                throw new MergeTrainException(Kind.WORK_DIR, branch.name(), "branch " + branch.name()
                        + ": cannot record its head in the work repository " + local.getDirectory() + " (" + result + ")");
            }
            return ref.getObjectId();
        } catch (NoRemoteRepositoryException e) {
            throw failure(Kind.NOT_A_REPOSITORY, branch, "is not a git repository (or does not exist)", e);
        } catch (TransportException e) {
            throw failure(Kind.UNREACHABLE, branch, "cannot be fetched", e);
        } catch (IOException e) {
            throw failure(Kind.WORK_DIR, branch, "could not be stored in " + local.getDirectory(), e);
        }
    }

    /** Force-pushes {@code commit} to the target's ref; returns the full ref name. */
    String push(RemoteBranch target, ObjectId commit) {
        refuseCheckedOutTarget(target);
        LOG.info("pushing {} to {} {}", commit.name(), target.url(), target.ref());
        try (Transport transport = open(target)) {
            RemoteRefUpdate update = new RemoteRefUpdate(local, commit.name(), target.ref(), true, null, null);
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
            RemoteRefUpdate done = result.getRemoteUpdate(target.ref());
            RemoteRefUpdate.Status status = done == null ? null : done.getStatus();
            if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
                String why = done == null || done.getMessage() == null ? "" : ": " + done.getMessage();
                throw new MergeTrainException(Kind.TARGET_REJECTED, target.name(), target.scrub("push target "
                        + target.name() + " refused " + target.ref() + " (" + status + why
                        + "); is the ref locked by another process or protected?"));
            }
            return target.ref();
        } catch (NoRemoteRepositoryException e) {
            throw failure(Kind.NOT_A_REPOSITORY, target, "is not a git repository (or does not exist)", e);
        } catch (TransportException e) {
            throw failure(Kind.TARGET_REJECTED, target, "refused the push", e);
        } catch (IOException e) {
            throw failure(Kind.TARGET_REJECTED, target, "could not be pushed to", e);
        }
    }

    /** A local non-bare target with the ref checked out would get a working tree out of sync with HEAD. */
    private static void refuseCheckedOutTarget(RemoteBranch target) {
        File dir = localPath(target);
        if (dir == null || !dir.isDirectory()) {
            return;
        }
        File gitDir = RepositoryCache.FileKey.resolve(dir, FS.DETECTED);
        if (gitDir == null) {
            return;
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            if (!repo.isBare() && target.ref().equals(repo.getFullBranch())) {
                throw new MergeTrainException(Kind.TARGET_REJECTED, target.name(), "push target " + target.name()
                        + ": " + target.ref() + " is checked out in the working tree " + repo.getWorkTree()
                        + "; push to a bare repository or to another ref");
            }
        } catch (IOException e) {
            throw failure(Kind.TARGET_REJECTED, target, "cannot be opened", e);
        }
    }

    private static File localPath(RemoteBranch target) {
        try {
            URIish uri = new URIish(target.url());
            if (uri.getScheme() == null && uri.getHost() == null || "file".equals(uri.getScheme())) {
                return new File(uri.getPath());
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private Transport open(RemoteBranch branch) throws TransportException {
        Transport transport;
        try {
            transport = Transport.open(local, new URIish(branch.url()));
        } catch (NotSupportedException e) {
            File path = localPath(branch);
            if (path != null) {
                throw new MergeTrainException(Kind.NOT_A_REPOSITORY, branch.name(), "branch " + branch.name()
                        + ": " + branch.url() + " is not a git repository (or does not exist)");
            }
            throw new MergeTrainException(Kind.BAD_INPUT, branch.name(), "branch " + branch.name()
                    + ": unsupported URL " + branch.url() + " (use a path, file://, ssh:// or https://)");
        } catch (URISyntaxException e) {
            throw new MergeTrainException(Kind.BAD_INPUT, branch.name(),
                    "branch " + branch.name() + ": '" + branch.url() + "' is not a git URL");
        }
        transport.setTimeout(TIMEOUT_SECONDS);
        if (branch.password() != null) {
            transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                    branch.user() == null ? "" : branch.user(), branch.password().reveal()));
        }
        return transport;
    }

    /** The cause is attached only when its text is free of the password, so no stack trace leaks it. */
    private static MergeTrainException failure(Kind kind, RemoteBranch branch, String what, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String scrubbed = RemoteBranch.redact(branch.scrub(detail));
        String message = (kind == Kind.TARGET_REJECTED ? "push target " : "branch ") + branch.name() + ": "
                + branch.url() + " " + what + ": " + scrubbed;
        LOG.warn("{}", message);
        boolean clean = scrubbed.equals(detail) && (e.getCause() == null || branch.password() == null);
        return clean ? new MergeTrainException(kind, branch.name(), message, e)
                : new MergeTrainException(kind, branch.name(), message);
    }
}
