package io.github.nnvizonnx.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The README's library example, run in a JVM of its own as a user runs it: {@code java -cp CP Example.java ARGS}. */
public final class LibraryJvm {
    /** What the child printed and how it ended. */
    public record Run(int exitCode, String out, String err) {
    }

    private static final Pattern FIRST_JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private LibraryJvm() {
    }

    /** The first {@code ```java} block of the README. */
    public static String readmeExample() throws IOException {
        String readme = Files.readString(ExternalTools.projectDir().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = FIRST_JAVA_BLOCK.matcher(readme);
        if (!m.find()) {
            throw new AssertionError("README.md has no ```java block");
        }
        return m.group(1);
    }

    /**
     * This JVM's class path (the library's classes and its dependencies) without the entries {@code left out} matches,
     * e.g. {@code entry -> entry.contains("onnxruntime")}.
     */
    public static String classPathWithout(Predicate<String> leftOut) {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!leftOut.test(entry)) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /**
     * Writes {@code source} as {@code dir/Example.java} and runs it in source-file mode with {@code classPath}, in the
     * project directory, with {@code args}.
     */
    public static Run runExample(Path dir, String source, String classPath, String... args)
            throws IOException, InterruptedException {
        Path file = dir.resolve("Example.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, file.toString()));
        command.addAll(Arrays.asList(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(ExternalTools.projectDir().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a guard against a hung child only, far above the few seconds it takes on a busy machine
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the example did not end within 300 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
