package io.github.nnvizonnx.shapes.ort;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import io.github.nnvizonnx.shapes.ShapeRunException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads onnxruntime's native libraries once per process and leaves nothing in the temp folder. onnxruntime's own
 * loader copies the libraries from its jar into a temp folder it only marks for deletion at exit, and that folder
 * outlives the process (the marks are processed folder first, while it still holds the files). So the libraries are
 * copied here into a private folder, loaded from there through {@code onnxruntime.native.path}, and deleted at once
 * (a loaded library no longer needs its file); the empty folder onnxruntime still creates is deleted too, and so
 * are the files its telemetry makes ({@link TelemetryFiles}).
 *
 * <p>Unpacking the 28 MB library takes a tenth of a second, a quarter of drawing a small model. The launcher
 * therefore names a folder of its own in {@value #CACHE}: the libraries are unpacked there once (into a fresh folder
 * renamed into place, so a concurrent run never sees half a file) and loaded from there afterwards; the launcher
 * removes the folder whenever it rebuilds the jar.
 */
final class NativeLibrary {
    private static final String NATIVE_PATH = "onnxruntime.native.path";
    /** A folder where the libraries are kept unpacked between runs (set by the launcher). */
    static final String CACHE = "nnviz.onnxruntime.cache";
    private static final List<String> LIBRARIES = List.of("onnxruntime_providers_shared", "onnxruntime",
            "onnxruntime4j_jni");

    private static OrtEnvironment environment;
    private static String failure;

    private NativeLibrary() {
    }

    /** The process-wide environment, logging only fatal errors (a diagram's stderr is for our own lines). */
    static synchronized OrtEnvironment environment() throws ShapeRunException {
        if (environment != null) {
            return environment;
        }
        if (failure != null) {
            throw new ShapeRunException(failure);
        }
        Path extracted = null;
        boolean pathSet = false;
        TelemetryFiles telemetry = TelemetryFiles.before();
        try {
            if (System.getProperty(NATIVE_PATH) == null) {
                Path cached = cached();
                if (cached != null) {
                    System.setProperty(NATIVE_PATH, cached.toString());
                    pathSet = true;
                } else {
                    extracted = extract(null);
                    if (extracted != null) {
                        System.setProperty(NATIVE_PATH, extracted.toString());
                        pathSet = true;
                    }
                }
            }
            environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "nnviz-onnx");
            return environment;
        } catch (IOException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            failure = "onnxruntime's native library could not be loaded (" + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + ")";
            throw new ShapeRunException(failure, e);
        } finally {
            if (pathSet) {
                System.clearProperty(NATIVE_PATH);
            }
            if (extracted != null) {
                deleteQuietly(extracted);
            }
            deleteOnnxruntimeTempFolder();
            telemetry.deleteNew();
        }
    }

    /**
     * The libraries unpacked in the {@value #CACHE} folder, unpacked there first if need be; null without such a
     * folder, or when it cannot be written (the libraries are then unpacked for this run only).
     */
    private static Path cached() {
        String folder = System.getProperty(CACHE);
        String platform = platform();
        if (folder == null || folder.isEmpty() || platform == null) {
            return null;
        }
        Path target = Path.of(folder, platform);
        if (Files.isRegularFile(target.resolve(System.mapLibraryName("onnxruntime")))) {
            return target;
        }
        Path fresh = null;
        try {
            Files.createDirectories(target.getParent());
            fresh = extract(target.getParent()); // beside the target, so that the move is a rename
            if (fresh == null) {
                return null;
            }
            Files.move(fresh, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            if (fresh != null) {
                deleteQuietly(fresh);
            }
            // another run may have put it in place meanwhile
            return Files.isRegularFile(target.resolve(System.mapLibraryName("onnxruntime"))) ? target : null;
        }
    }

    /**
     * Copies this platform's libraries out of the jar into a new folder in {@code parent} (null: the temp folder);
     * null when the jar has none for it.
     */
    private static Path extract(Path parent) throws IOException {
        String platform = platform();
        if (platform == null) {
            return null;
        }
        Path dir = parent == null ? Files.createTempDirectory("nnviz-onnx-ort")
                : Files.createTempDirectory(parent, "unpacking-");
        boolean any = false;
        try {
            for (String library : LIBRARIES) {
                String file = System.mapLibraryName(library);
                try (InputStream in = OrtEnvironment.class.getResourceAsStream(
                        "/ai/onnxruntime/native/" + platform + "/" + file)) {
                    if (in != null) {
                        Files.copy(in, dir.resolve(file));
                        any = library.equals("onnxruntime") || any;
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(dir);
            throw e;
        }
        if (!any) {
            deleteQuietly(dir);
            return null;
        }
        return dir;
    }

    /** onnxruntime's name for this platform's library folder, as its loader computes it. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win"
                : os.contains("nux") ? "linux" : null;
        String archName = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") || arch.startsWith("arm64") ? "aarch64" : null;
        return osName == null || archName == null ? null : osName + "-" + archName;
    }

    /** The folder onnxruntime's loader made (empty, as it extracted nothing), if its loader still keeps one. */
    private static void deleteOnnxruntimeTempFolder() {
        try {
            Field field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            field.setAccessible(true);
            if (field.get(null) instanceof Path folder) {
                deleteQuietly(folder);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // another onnxruntime version: its folder, if any, is deleted at exit as it arranges
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!f.toFile().delete()) {
                    f.toFile().deleteOnExit(); // Windows keeps a loaded library's file locked
                }
            }
        } catch (IOException e) {
            // best effort: what is left is marked below
        }
        if (!dir.toFile().delete()) {
            dir.toFile().deleteOnExit();
        }
    }
}
