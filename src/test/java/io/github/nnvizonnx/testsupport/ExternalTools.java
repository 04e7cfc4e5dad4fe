package io.github.nnvizonnx.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that need programs outside the JVM (node, Chromium, python, ...).
 *
 * <p>A missing tool skips the calling test (JUnit assumption), unless the environment variable
 * {@code NNVIZ_REQUIRE_TOOLS} is {@code 1} or {@code true}: then the test fails, so CI cannot go green by
 * silently skipping everything.
 */
public final class ExternalTools {

    /** Environment variable that turns "tool missing" from a skip into a failure. */
    public static final String REQUIRE_TOOLS_ENV = "NNVIZ_REQUIRE_TOOLS";

    private ExternalTools() {
    }

    /**
     * Skips (or, with {@code NNVIZ_REQUIRE_TOOLS=1|true}, fails) the calling test when a tool is unavailable.
     *
     * @param toolDescription what is needed, e.g. {@code "node on PATH"}; appears in the skip/failure message
     * @param available       whether it is there
     */
    public static void require(String toolDescription, boolean available) {
        if (available) {
            return;
        }
        if (toolsRequired()) {
            Assertions.fail("required external tool unavailable: " + toolDescription
                    + " (" + REQUIRE_TOOLS_ENV + " is set, so this fails instead of being skipped)");
        }
        Assumptions.abort("external tool unavailable, test skipped: " + toolDescription
                + " (set " + REQUIRE_TOOLS_ENV + "=1 to fail instead)");
    }

    /** Whether {@code NNVIZ_REQUIRE_TOOLS} is {@code 1} or {@code true} (case-insensitive). */
    public static boolean toolsRequired() {
        String v = System.getenv(REQUIRE_TOOLS_ENV);
        return v != null && (v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
    }

    /** Whether an executable file named {@code command} is in one of the {@code PATH} directories. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (command == null || command.isEmpty() || path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // odd PATH entry; ignore it
            }
        }
        return false;
    }

    /**
     * The project base directory: environment variable {@code NNVIZ_PROJECT_DIR} (set by surefire to
     * {@code ${project.basedir}}), else the working directory.
     */
    public static Path projectDir() {
        String dir = System.getenv("NNVIZ_PROJECT_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath().normalize();
    }
}
