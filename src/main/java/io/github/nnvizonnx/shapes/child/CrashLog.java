package io.github.nnvizonnx.shapes.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash log a JVM writes when it dies of a fatal error ({@code -XX:ErrorFile}), read for the one fact a warning
 * needs: which signal it was. Its exit code does not tell (without a core dump, a crashed JVM exits with 1).
 */
final class CrashLog {
    /** {@code #  SIGSEGV (0xb) at pc=...}: the banner's line naming the signal. */
    private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+)\\b");
    /** The banner is at the top of the log. */
    private static final int BANNER_LINES = 20;

    private CrashLog() {
    }

    /** The signal the log names ({@code SIGSEGV}), {@code a fatal error} if it names none; null without a log. */
    static String signal(Path log) {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            String line;
            for (int i = 0; i < BANNER_LINES && (line = in.readLine()) != null; i++) {
                Matcher m = SIGNAL.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            // a log there is enough to say it crashed
        }
        return "a fatal error";
    }
}
