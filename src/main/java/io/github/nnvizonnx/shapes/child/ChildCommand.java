package io.github.nnvizonnx.shapes.child;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the run's child process is started: this Java, with small fixed JVM areas, a private working and temp folder
 * (where a crash log would go), and the operating system's limits on its address space, CPU time and core dumps,
 * set by the shell that then becomes the JVM ({@code ulimit; exec}).
 *
 * <p>The address-space limit is what stops an allocation of any size at once, in Java or native code: a model that
 * asks for 6 GB gets a failed allocation, which onnxruntime reports as an error. The JVM reserves much more address
 * space than it touches, so the limit is the memory limit plus {@link #ADDRESS_SPACE_BASE}; what the run actually
 * touches is held to the memory limit by {@link MemoryWatch}. A {@code ulimit} that fails leaves a lower limit set
 * before us in force, so its failure is ignored.
 */
final class ChildCommand {
    static final String MAIN = "io.github.nnvizonnx.shapes.ort.IsolatedRun";
    /** Where in its private folder the child's JVM writes its crash log, if it crashes. */
    static final String CRASH_LOG = "hs_err.log";
    /** The class-data archive the child starts from, set by the launcher (one path: it may hold spaces). */
    static final String ARCHIVE_PROPERTY = "nnviz.shapes.child-archive";
    /** Further JVM options for the child, separated by spaces: a class list to make the archive from, a log. */
    static final String OPTIONS_PROPERTY = "nnviz.shapes.child-options";
    /**
     * The address space the child's JVM reserves with onnxruntime loaded, before the model takes any (measured at
     * some 540 MiB with the options below and MALLOC_ARENA_MAX=2: heap, metaspace, code cache, thread stacks, libraries), with room.
     */
    static final long ADDRESS_SPACE_BASE = 768L << 20;
    /** The resident memory of the child with onnxruntime loaded, before the model (measured at some 60 MiB). */
    static final long RESIDENT_BASE = 128L << 20;
    /** Start-up CPU time the CPU limit allows for besides the run itself. */
    private static final long START_CPU_SECONDS = 10;
    /** Properties of ours passed on: where onnxruntime's native library is kept or found. */
    private static final List<String> PASSED_PROPERTIES = List.of("nnviz.onnxruntime.cache", "onnxruntime.native.path");
    /** Variables that would add JVM options the limits were not measured with, or print a line of their own. */
    private static final List<String> REMOVED_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS", "CLASSPATH");

    private ChildCommand() {
    }

    static ProcessBuilder builder(Path folder, Path results, long memoryLimit, Duration timeLimit, int threads,
                                  String classPath) {
        List<String> command = new ArrayList<>();
        if (unixShell() != null) {
            long addressSpaceKb = (ADDRESS_SPACE_BASE + memoryLimit) / 1024;
            long cpuSeconds = START_CPU_SECONDS + (timeLimit.toSeconds() + 1) * (threads + 1);
            command.addAll(List.of(unixShell(), "-c", "ulimit -c 0 2>/dev/null; ulimit -v \"$1\" 2>/dev/null;"
                    + " ulimit -t \"$2\" 2>/dev/null; shift 2; exec \"$@\"", "nnviz-onnx-run",
                    Long.toString(addressSpaceKb), Long.toString(cpuSeconds)));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(folder, memoryLimit));
        command.addAll(List.of("-cp", classPath, MAIN, results.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        REMOVED_VARIABLES.forEach(environment::remove);
        environment.put("ORT_DISABLE_TELEMETRY", "1"); // onnxruntime's telemetry writes files and a device id
        environment.put("MALLOC_ARENA_MAX", "2"); // each further malloc arena reserves 64 MiB of address space
        environment.put("TMPDIR", folder.toString());
        environment.put("XDG_CACHE_HOME", folder.toString());
        return builder;
    }

    /**
     * Small, fixed JVM areas: the child's Java heap holds only the plan and the shapes it saw; onnxruntime's memory
     * is native. One processor for the JVM's own threads; the quick JIT compiler only; a crash log, if any, in the
     * private folder, which is deleted afterwards; no core dump, attach listener nor perf-data file.
     */
    private static List<String> jvmOptions(Path folder, long memoryLimit) {
        List<String> options = new ArrayList<>(List.of("-Xmx96m", "-Xss1m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=32m",
                "-XX:MaxMetaspaceSize=96m", "-XX:CompressedClassSpaceSize=64m",
                "-XX:MaxDirectMemorySize=" + Math.max(memoryLimit, 1L << 20), "-XX:ActiveProcessorCount=1",
                "-XX:ErrorFile=" + folder.resolve(CRASH_LOG), "-XX:-CreateCoredumpOnCrash",
                "-XX:+DisableAttachMechanism", "-XX:-UsePerfData", "-Xlog:disable",
                "-Djava.io.tmpdir=" + folder));
        for (String property : PASSED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                options.add("-D" + property + "=" + value);
            }
        }
        String archive = System.getProperty(ARCHIVE_PROPERTY, "");
        if (!archive.isEmpty()) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        String extra = System.getProperty(OPTIONS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** {@code /bin/sh} where there is one and {@code ulimit -v} means something (not on Windows). */
    private static String unixShell() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path sh = Path.of("/bin/sh");
        return !os.contains("win") && Files.isExecutable(sh) ? sh.toString() : null;
    }
}
