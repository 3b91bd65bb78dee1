package io.inception.sandbox.ssh;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one command line against a {@link DebianState}: the sequencing operators of
 * {@link ShellWords} ({@code && || ;}), output redirection to a file, {@code sudo} and
 * {@code sh -c}, and the Debian commands in {@link DebianCommands}.
 */
final class DebianShell {
    /** What a command line printed and its exit status. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private final DebianState state;
    private final DebianCommands commands;
    private final StdinCommands stdinCommands;

    DebianShell(DebianState state, PackageIndex index) {
        this.state = state;
        this.commands = new DebianCommands(state, index);
        this.stdinCommands = new StdinCommands(state);
    }

    Outcome run(String line) {
        return run(line, new byte[0]);
    }

    /** Runs {@code line} with {@code stdin} as the standard input of the command that reads it. */
    Outcome run(String line, byte[] stdin) {
        state.logCommand(line);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = runLine(line, stdin, o, e);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int runLine(String line, byte[] stdin, PrintStream out, PrintStream err) {
        List<ShellWords.Token> tokens;
        try {
            tokens = ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            err.println("sh: 1: " + e.getMessage());
            return 2;
        }
        int status = 0;
        String pendingOperator = null;
        List<ShellWords.Token> simple = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            ShellWords.Token t = i < tokens.size() ? tokens.get(i) : null;
            boolean separator = t == null || (t.operator() && !t.text().equals(">"));
            if (!separator) {
                simple.add(t);
                continue;
            }
            boolean skip = ("&&".equals(pendingOperator) && status != 0) || ("||".equals(pendingOperator) && status == 0);
            if (!skip && !simple.isEmpty()) status = runSimple(simple, stdin, out, err);
            simple.clear();
            pendingOperator = t == null ? null : t.text();
        }
        return status;
    }

    private int runSimple(List<ShellWords.Token> tokens, byte[] stdin, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        String redirect = null;
        for (int i = 0; i < tokens.size(); i++) {
            ShellWords.Token t = tokens.get(i);
            if (t.operator()) {
                if (i + 1 >= tokens.size() || tokens.get(i + 1).operator()) {
                    err.println("sh: 1: Syntax error: newline unexpected");
                    return 2;
                }
                redirect = tokens.get(++i).text();
            } else {
                words.add(t.text());
            }
        }
        if (redirect == null) return runWords(words, stdin, out, err);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream c = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            code = runWords(words, stdin, c, err);
        }
        state.writeFile(redirect, captured.toString(StandardCharsets.UTF_8));
        return code;
    }

    private int runWords(List<String> words, byte[] stdin, PrintStream out, PrintStream err) {
        while (!words.isEmpty() && words.get(0).equals("sudo")) {
            words = words.subList(1, words.size());
            while (!words.isEmpty() && words.get(0).startsWith("-")) {
                boolean end = words.get(0).equals("--");
                words = words.subList(1, words.size());
                if (end) break;
            }
        }
        if (!words.isEmpty() && words.get(0).equals("env")) {
            words = words.subList(1, words.size());
            while (!words.isEmpty() && words.get(0).contains("=")) words = words.subList(1, words.size());
        }
        if (words.isEmpty()) return 0;
        if ((words.get(0).equals("sh") || words.get(0).equals("/bin/sh")) && words.size() >= 3 && words.get(1).equals("-c")) {
            return runLine(words.get(2), stdin, out, err);
        }
        if (StdinCommands.handles(words)) return stdinCommands.run(words, stdin, out, err);
        return commands.run(words, out, err);
    }
}
