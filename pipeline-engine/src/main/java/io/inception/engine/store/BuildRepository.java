package io.inception.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds and the facts later stages attach to them (packages, snapshot, test results, deploys).
 * A build is written once; facts are added or replaced by name.
 */
public final class BuildRepository {
    private static final TypeReference<List<BranchHead>> BRANCHES = new TypeReference<>() { };

    private final Jdbi jdbi;
    private final Clock clock;

    BuildRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a new build. Storing the same build id again with the same content is a no-op. */
    public void save(Build build) {
        Optional<Build> existing = find(build.id());
        if (existing.isPresent()) {
            if (!existing.get().equals(normalized(build))) {
                throw new StoreException("build " + build.id() + " already exists with different content");
            }
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO builds (id, trunk_json, branches_json, candidate_sha,"
                        + " candidate_repo, created_at) VALUES (:id, :trunk, :branches, :candidate, :repo, :createdAt)")
                .bind("id", build.id())
                .bind("trunk", build.trunk() == null ? null : EngineJson.write(build.trunk()))
                .bind("branches", EngineJson.write(build.branches()))
                .bind("candidate", build.candidateSha())
                .bind("repo", build.candidateRepo())
                .bind("createdAt", Sql.ts(build.createdAt()))
                .execute());
    }

    private static Build normalized(Build b) {
        return new Build(b.id(), b.trunk(), b.branches(), b.candidateSha(), b.candidateRepo(), Sql.stored(b.createdAt()));
    }

    private static final String BUILD_COLUMNS = "id, trunk_json, branches_json, candidate_sha, candidate_repo, created_at";
    private static final org.jdbi.v3.core.mapper.RowMapper<Build> BUILD = (rs, ctx) -> {
        String trunk = rs.getString("trunk_json");
        return new Build(rs.getString("id"), trunk == null ? null : EngineJson.read(trunk, BranchHead.class),
                readBranches(rs.getString("branches_json")), rs.getString("candidate_sha"),
                rs.getString("candidate_repo"), Sql.instant(rs, "created_at"));
    };

    public Optional<Build> find(String buildId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BUILD_COLUMNS + " FROM builds WHERE id = :id")
                .bind("id", buildId).map(BUILD).findOne());
    }

    /** The most recent builds, newest first. */
    public List<Build> list(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + BUILD_COLUMNS
                        + " FROM builds ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(BUILD).list());
    }

    private static List<BranchHead> readBranches(String json) {
        try {
            return EngineJson.mapper().readValue(json, BRANCHES);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored branches are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Attaches (or replaces) a fact to a build, e.g. {@code unit-tests} → a test summary record. */
    public void putFact(String buildId, String name, Object fact) {
        String json = EngineJson.write(fact);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE build_facts SET content_json = :json, recorded_at = :at"
                            + " WHERE build_id = :build AND name = :name")
                    .bind("json", json).bind("at", Sql.ts(clock.instant()))
                    .bind("build", buildId).bind("name", name).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO build_facts (build_id, name, content_json, recorded_at)"
                                + " VALUES (:build, :name, :json, :at)")
                        .bind("json", json).bind("at", Sql.ts(clock.instant()))
                        .bind("build", buildId).bind("name", name).execute();
            }
        });
    }

    /** A fact read back as {@code type}. */
    public <T> Optional<T> fact(String buildId, String name, Class<T> type) {
        return factJson(buildId, name).map(json -> EngineJson.read(json, type));
    }

    public Optional<String> factJson(String buildId, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content_json FROM build_facts"
                        + " WHERE build_id = :build AND name = :name")
                .bind("build", buildId).bind("name", name).mapTo(String.class).findOne());
    }

    /** All facts of a build as JSON, by name. */
    public Map<String, String> facts(String buildId) {
        Map<String, String> result = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, content_json FROM build_facts WHERE build_id = :build"
                        + " ORDER BY name")
                .bind("build", buildId)
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("content_json")))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }
}
