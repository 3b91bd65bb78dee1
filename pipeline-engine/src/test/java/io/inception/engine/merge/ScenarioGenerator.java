package io.inception.engine.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random merge scenarios: a base of text files in a few directories plus a binary file, then one to
 * three random operations per side (edit lines, rename in place, move to another directory, delete,
 * add, flip the executable bit, change the binary). Seeded, so a failing case can be replayed.
 */
final class ScenarioGenerator {
    private static final String[] DIRS = {"nova/compute", "nova/api", "nova/virt/xenapi", "lib", "doc"};

    /** A scenario and, once it was built, what each side did (for the failure message). */
    record Generated(MergeScenario scenario, List<String> trunkOps, List<String> branchOps) {
        String describe() {
            return scenario.name() + " (trunk: " + trunkOps + "; branch: " + branchOps + ")";
        }
    }

    private ScenarioGenerator() {
    }

    static Generated generate(Random random, String name) {
        FileModel base = new FileModel();
        for (int i = 0; i < 7; i++) {
            base.text(DIRS[i % DIRS.length] + "/f" + i + ".py", 18 + random.nextInt(12));
        }
        base.put("bin/blob.dat", new byte[] {1, 0, 2, 0, 3, (byte) random.nextInt(100)});
        List<String> trunkOps = new ArrayList<>();
        List<String> branchOps = new ArrayList<>();
        long trunkSeed = random.nextLong();
        long branchSeed = random.nextLong();
        MergeScenario scenario = MergeScenario.of(name, base,
                m -> mutate(m, new Random(trunkSeed), "trunk", trunkOps),
                m -> mutate(m, new Random(branchSeed), "branch", branchOps));
        return new Generated(scenario, trunkOps, branchOps);
    }

    private static FileModel mutate(FileModel m, Random random, String side, List<String> log) {
        int ops = 1 + random.nextInt(3);
        for (int op = 0; op < ops; op++) {
            List<String> texts = m.files.keySet().stream().filter(p -> p.endsWith(".py")).toList();
            if (texts.isEmpty()) {
                break;
            }
            String path = texts.get(random.nextInt(texts.size()));
            int kind = random.nextInt(11);
            if (kind < 5) {
                int edits = 1 + random.nextInt(2);
                for (int e = 0; e < edits; e++) {
                    m.edit(path, random.nextInt(m.lines(path)), side + " edit " + op + "." + e);
                }
                log.add("edit " + path);
            } else if (kind == 5) {
                String to = path.replace(".py", "_" + side + ".py");
                m.move(path, to);
                log.add("rename " + path + " -> " + to);
            } else if (kind == 6) {
                String to = DIRS[random.nextInt(DIRS.length)] + "/" + side + "_" + path.substring(path.lastIndexOf('/') + 1);
                m.move(path, to);
                if (random.nextBoolean()) {
                    m.edit(to, random.nextInt(m.lines(to)), side + " moved edit");
                }
                log.add("move " + path + " -> " + to);
            } else if (kind == 7) {
                m.delete(path);
                log.add("delete " + path);
            } else if (kind == 8) {
                String added = DIRS[random.nextInt(DIRS.length)] + "/new_" + random.nextInt(3) + ".py";
                m.put(added, "added by " + side + "\n" + (random.nextBoolean() ? "shared\n" : side + "\n"));
                log.add("add " + added);
            } else if (kind == 9) {
                m.executable(path, !m.executables.contains(path));
                log.add("chmod " + path);
            } else {
                m.put("bin/blob.dat", new byte[] {1, 0, 2, 0, 3, (byte) (100 + random.nextInt(100))});
                log.add("binary");
            }
        }
        return m;
    }
}
