package io.github.nnvizonnx.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a written file with the desktop's default application, as {@code --open} asks: {@code xdg-open} on Linux and
 * the BSDs, {@code open} on macOS, {@code start} through {@code cmd} on Windows. Without a desktop (no display on
 * Linux) or without the opener, it says why instead: the file is written all the same.
 */
final class DesktopOpener {
    private final String osName;
    private final Map<String, String> environment;

    DesktopOpener(String osName, Map<String, String> environment) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = environment;
    }

    /** The opener of the machine this runs on. */
    static DesktopOpener ofThisMachine() {
        return new DesktopOpener(System.getProperty("os.name", ""), System.getenv());
    }

    /**
     * Starts the default application on {@code file} without waiting for it; returns null when it was started,
     * otherwise why not, as a phrase ("no desktop to open it in (neither DISPLAY nor WAYLAND_DISPLAY is set)").
     */
    String open(Path file) {
        List<String> command = command(file.toAbsolutePath().toString());
        if (command == null) {
            return "no desktop to open it in (neither DISPLAY nor WAYLAND_DISPLAY is set)";
        }
        if (!osName.startsWith("windows") && !onPath(command.get(0))) {
            return "no " + command.get(0) + " on PATH to open it with";
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice()))).start();
            return null;
        } catch (IOException e) {
            return "could not start " + command.get(0) + ": " + e.getMessage();
        }
    }

    /** The command that opens {@code file}, or null when there is no desktop to open it in. */
    List<String> command(String file) {
        if (osName.startsWith("windows")) {
            return List.of("cmd", "/c", "start", "\"\"", file); // start's first quoted argument is the window title
        }
        if (osName.startsWith("mac")) {
            return List.of("open", file);
        }
        if (blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            return null;
        }
        return List.of("xdg-open", file);
    }

    private boolean blank(String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank();
    }

    private boolean onPath(String program) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private String nullDevice() {
        return osName.startsWith("windows") ? "NUL" : "/dev/null";
    }
}
