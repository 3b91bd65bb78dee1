import io.inception.engine.merge.ConflictPolicy;
import io.inception.engine.merge.MergeReport;
import io.inception.engine.merge.MergeStatus;
import io.inception.engine.merge.MergeTrain;
import io.inception.engine.merge.RemoteBranch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Merge-train benchmark helper, run with the application's classpath by bench/merge.sh:
 *   java -cp app/target/inception.jar bench/MergeBench.java generate > stream   (a git fast-import stream)
 *   java -cp app/target/inception.jar bench/MergeBench.java train ORIGIN TARGET WORKDIR BRANCHES [REPEATS]
 * (REPEATS runs the train again in the same JVM: the figure for a long-running server.)
 * The generated repository: 3,000 Python files (30 packages of 100), 300 trunk commits of 10 edits,
 * 20 custom branches forked along trunk's history with 5 commits each in their own area, three of them
 * editing a line trunk rewrites later (conflicts), one editing files trunk later moved (renames).
 */
public final class MergeBench {
    static final int FILES = 3000;
    static final int LINES = 60;
    static final int TRUNK_COMMITS = 300;
    static final int BRANCHES = 20;
    static final int[] CONFLICTING = {4, 11, 17};
    static final int MOVED_FROM = 1500 + 2 * 50;

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("generate")) {
            try (OutputStream out = new BufferedOutputStream(System.out, 1 << 20)) {
                new Generator(out).run();
            }
        } else if ((args.length == 5 || args.length == 6) && args[0].equals("train")) {
            int repeats = args.length == 6 ? Integer.parseInt(args[5]) : 1;
            for (int i = 0; i < repeats; i++) {
                train(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
            }
        } else {
            System.err.println("usage: MergeBench generate | train ORIGIN TARGET WORKDIR BRANCHES [REPEATS]");
            System.exit(2);
        }
    }

    static void train(String origin, String target, Path workDir, int branches) {
        List<RemoteBranch> custom = new ArrayList<>();
        for (int k = 0; k < branches; k++) {
            custom.add(RemoteBranch.parse(origin + "#" + branchName(k)));
        }
        long start = System.nanoTime();
        MergeReport report = MergeTrain.in(workDir).trunk(RemoteBranch.parse(origin + "#main")).branches(custom)
                .onConflict(ConflictPolicy.SKIP).pushTo(RemoteBranch.parse(target + "#refs/heads/candidate")).run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("train_in_jvm_ms=%d merged=%d skipped=%d up_to_date=%d candidate=%s%n", millis,
                report.withStatus(MergeStatus.MERGED).size(), report.withStatus(MergeStatus.SKIPPED).size(),
                report.withStatus(MergeStatus.UP_TO_DATE).size(), report.candidateSha());
    }

    static String branchName(int k) {
        return String.format("custom-%02d", k);
    }

    static String path(int file) {
        return String.format("nova/pkg%02d/mod%04d.py", file / 100, file);
    }

    /** Writes the fast-import stream; file contents are the base lines plus an overlay of edits. */
    static final class Generator {
        private final OutputStream out;
        private final Random random = new Random(42);
        private final Map<Integer, Map<Integer, String>> trunkEdits = new HashMap<>();
        private int mark;
        private long time = 1_700_000_000L;

        Generator(OutputStream out) {
            this.out = out;
        }

        void run() throws IOException {
            // initial import
            startCommit("refs/heads/main", "Import nova", "Nova Import", -1);
            for (int f = 0; f < FILES; f++) {
                modify(path(f), content(f, Map.of()));
            }
            int trunkMark = mark;
            for (int c = 1; c <= TRUNK_COMMITS; c++) {
                startCommit("refs/heads/main", "trunk change " + c, "Trunk Dev" + (c % 7), trunkMark);
                for (int e = 0; e < 10; e++) {
                    int f = random.nextInt(1500);
                    trunkEdits.computeIfAbsent(f, k -> new HashMap<>()).put(random.nextInt(LINES), "trunk " + c + "." + e);
                    modify(path(f), content(f, trunkEdits.get(f)));
                }
                trunkMark = mark;
                for (int k = 0; k < BRANCHES; k++) {
                    if (c == 100 + k * 9) {
                        branch(k, trunkMark);
                    }
                }
            }
            // trunk moves part of custom-02's area, then rewrites the lines three branches edit
            startCommit("refs/heads/main", "move xenapi helpers to nova/relocated", "Mover", trunkMark);
            for (int f = MOVED_FROM; f < MOVED_FROM + 10; f++) {
                String to = String.format("nova/relocated/mod%04d.py", f);
                write("R " + path(f) + " " + to + "\n");
            }
            trunkMark = mark;
            startCommit("refs/heads/main", "compute: rewrite hot paths", "Hot Path", trunkMark);
            for (int f : CONFLICTING) {
                trunkEdits.computeIfAbsent(f, k -> new HashMap<>()).put(10, "trunk rewrote line 10");
                modify(path(f), content(f, trunkEdits.get(f)));
            }
        }

        private void branch(int k, int from) throws IOException {
            Map<Integer, Map<Integer, String>> edits = new HashMap<>();
            int parent = from;
            for (int c = 0; c < 5; c++) {
                startCommit("refs/heads/" + branchName(k), branchName(k) + " change " + c, "Branch Dev" + k, parent);
                for (int e = 0; e < 3; e++) {
                    int f = 1500 + k * 50 + random.nextInt(50);
                    edits.computeIfAbsent(f, x -> new HashMap<>()).put(random.nextInt(LINES), branchName(k) + " " + c + "." + e);
                    modify(path(f), content(f, edits.get(f)));
                }
                if (k == 2 && c == 0) {
                    for (int f = MOVED_FROM; f < MOVED_FROM + 10; f++) {
                        edits.computeIfAbsent(f, x -> new HashMap<>()).put(30, "custom-02 edits a file trunk moves");
                        modify(path(f), content(f, edits.get(f)));
                    }
                }
                for (int hot : CONFLICTING) {
                    if (hot == k && c == 1) {
                        Map<Integer, String> mine = new HashMap<>(trunkEdits.getOrDefault(hot, Map.of()));
                        mine.put(10, branchName(k) + " needs line 10 too");
                        modify(path(hot), content(hot, mine));
                    }
                }
                parent = mark;
            }
        }

        private String content(int file, Map<Integer, String> edits) {
            StringBuilder sb = new StringBuilder(LINES * 48);
            for (int i = 0; i < LINES; i++) {
                String edit = edits.get(i);
                sb.append(edit != null ? edit : "    value_" + file + "_" + i + " = compute(" + (i * 31 + file) % 97 + ")")
                        .append('\n');
            }
            return sb.toString();
        }

        private void startCommit(String ref, String message, String author, int parent) throws IOException {
            mark++;
            time += 60;
            byte[] msg = message.getBytes(StandardCharsets.UTF_8);
            String who = author + " <" + author.toLowerCase().replace(' ', '.') + "@example.com> " + time + " +0000\n";
            write("commit " + ref + "\nmark :" + mark + "\nauthor " + who + "committer " + who + "data " + msg.length + "\n");
            out.write(msg);
            write("\n");
            if (parent > 0) {
                write("from :" + parent + "\n");
            }
        }

        private void modify(String path, String content) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            write("M 100644 inline " + path + "\ndata " + data.length + "\n");
            out.write(data);
            write("\n");
        }

        private void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
