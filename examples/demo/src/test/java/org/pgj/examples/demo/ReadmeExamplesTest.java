package org.pgj.examples.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's user guide true: every Java example in it must appear, verbatim up to
 * whitespace, in the sources of an example under {@code examples/} (which the build compiles
 * and tests), and each XML example in a pom under {@code examples/}.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("../../README.md");

    private static List<String> blocks(String language) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String normalized(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            return normalized(files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void javaExamplesAreTheTestedCode() throws IOException {
        List<String> blocks = blocks("java");
        assertFalse(blocks.isEmpty(), "the README has Java examples");
        String sources = sources();
        for (String block : blocks) {
            assertTrue(sources.contains(normalized(block)), "README example not found in the sources under examples/:\n" + block);
        }
    }

    @Test
    void buildExampleIsTheExamplesPom() throws IOException {
        String poms;
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            poms = normalized(files.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/target/"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).collect(Collectors.joining("\n")));
        }
        for (String block : blocks("xml")) {
            assertTrue(poms.contains(normalized(block)), "README build example not found in the poms under examples/:\n" + block);
        }
    }
}
