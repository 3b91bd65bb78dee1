package io.inception.engine.unittest;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts tests in JUnit XML files: Surefire's {@code <testsuite tests= failures= errors= skipped=>},
 * pytest's and Gradle's {@code <testsuites>} wrappers and nested suites (leaf suites are counted, so
 * nothing is counted twice). Files come from the build under test, so they are untrusted: the JDK
 * parser runs with DOCTYPEs disallowed (no external entities, no entity expansion bombs) and
 * external DTD/schema access off; such a file is rejected, not read.
 */
final class JUnitReports {
    private JUnitReports() {
    }

    /**
     * The result over every file.
     *
     * @param counts   summed counts, or null when no file could be counted
     * @param files    counted files, relative to the searched folder
     * @param rejected "file: reason" for each matching file that was not counted
     */
    record Result(TestCounts counts, List<String> files, List<String> rejected) {
    }

    /** Files under {@code root} whose relative path matches {@code glob}; {@code .git} is skipped. */
    static List<Path> find(Path root, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        if (glob == null || glob.isBlank() || !Files.isDirectory(root)) return out;
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // "**/x" should also match "x" at the top, as it does in Ant and Surefire
        PathMatcher top = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path rel = root.relativize(file);
                if (attrs.isRegularFile() && (m.matches(rel) || (top != null && top.matches(rel)))) out.add(rel);
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** Counts the given files (relative to {@code root}). */
    static Result count(Path root, List<Path> relativeFiles) {
        TestCounts total = null;
        List<String> counted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Path rel : relativeFiles) {
            try {
                TestCounts c = countFile(root.resolve(rel));
                total = total == null ? c : total.plus(c);
                counted.add(rel.toString());
            } catch (SAXException | IOException | IllegalArgumentException e) {
                rejected.add(rel + ": " + e.getMessage());
            }
        }
        return new Result(total, counted, rejected);
    }

    static TestCounts countFile(Path file) throws IOException, SAXException {
        Element root = newBuilder().parse(file.toFile()).getDocumentElement();
        String tag = root.getTagName();
        if (!tag.equals("testsuite") && !tag.equals("testsuites")) {
            throw new IllegalArgumentException("not a JUnit report (root element <" + tag + ">)");
        }
        return suite(root);
    }

    private static TestCounts suite(Element e) {
        List<Element> children = childSuites(e);
        if (!children.isEmpty()) {
            TestCounts sum = TestCounts.ZERO;
            for (Element child : children) sum = sum.plus(suite(child));
            return sum;
        }
        if (!e.hasAttribute("tests")) return fromTestCases(e);
        return TestCounts.of(number(e, "tests"), number(e, "failures"), number(e, "errors"), number(e, "skipped"));
    }

    /** A suite without a tests attribute: count its test cases and their failure/error/skipped children. */
    private static TestCounts fromTestCases(Element suite) {
        int tests = 0, failed = 0, errors = 0, skipped = 0;
        for (Node n = suite.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element tc) || !tc.getTagName().equals("testcase")) continue;
            tests++;
            if (tc.getElementsByTagName("failure").getLength() > 0) failed++;
            else if (tc.getElementsByTagName("error").getLength() > 0) errors++;
            else if (tc.getElementsByTagName("skipped").getLength() > 0) skipped++;
        }
        return TestCounts.of(tests, failed, errors, skipped);
    }

    private static List<Element> childSuites(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals("testsuite")) out.add(c);
        }
        return out;
    }

    private static int number(Element e, String attribute) {
        String v = e.getAttribute(attribute).trim();
        if (v.isEmpty()) return 0;
        try {
            int n = Integer.parseInt(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("attribute " + attribute + "=\"" + v + "\" of <" + e.getTagName()
                    + "> is not a count");
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(SILENT); // the default handler prints to stderr
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
