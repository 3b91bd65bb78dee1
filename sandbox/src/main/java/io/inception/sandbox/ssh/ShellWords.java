package io.inception.sandbox.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell does for the subset the simulated hosts accept:
 * single and double quotes, backslash escapes, and the operators {@code &&}, {@code ||},
 * {@code ;} and {@code >} as separate tokens. Anything else ({@code $(..)}, backticks, pipes)
 * is refused rather than misread, so an injection attempt shows as an error, never as a command.
 */
final class ShellWords {
    /** A token: an operator or a word (quoted text is always a word). */
    record Token(String text, boolean operator) {
    }

    private ShellWords() {
    }

    static List<Token> split(String line) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated quoted string");
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("substitution is not supported: " + d);
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                if (i >= line.length()) throw new IllegalArgumentException("unterminated quoted string");
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                inWord = flush(tokens, word, inWord);
                i++;
            } else if (c == ';' || c == '>') {
                inWord = flush(tokens, word, inWord);
                tokens.add(new Token(String.valueOf(c), true));
                i++;
            } else if ((c == '&' || c == '|') && i + 1 < line.length() && line.charAt(i + 1) == c) {
                inWord = flush(tokens, word, inWord);
                tokens.add(new Token("" + c + c, true));
                i += 2;
            } else if (c == '$' || c == '`' || c == '|' || c == '&' || c == '<' || c == '(' || c == ')') {
                throw new IllegalArgumentException("syntax error near unexpected token `" + c + "'");
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        flush(tokens, word, inWord);
        return tokens;
    }

    private static boolean flush(List<Token> tokens, StringBuilder word, boolean inWord) {
        if (inWord) tokens.add(new Token(word.toString(), false));
        word.setLength(0);
        return false;
    }
}
