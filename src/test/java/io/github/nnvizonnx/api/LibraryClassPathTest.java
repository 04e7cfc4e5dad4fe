package io.github.nnvizonnx.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.LibraryJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * onnxruntime and picocli are optional dependencies: the library draws (without a shape run) in a JVM whose class
 * path lacks them. A class of theirs loaded on the way would end the child with NoClassDefFoundError.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class LibraryClassPathTest {
    @TempDir
    Path dir;

    private LibraryJvm.Run drawWithout(String jarName) throws Exception {
        String classPath = LibraryJvm.classPathWithout(entry -> Path.of(entry).getFileName().toString()
                .startsWith(jarName));
        assertFalse(classPath.contains(jarName), classPath);
        return LibraryJvm.runExample(dir, LibraryJvm.readmeExample(), classPath, "testdata/nnviz_intro.onnx");
    }

    @Test
    void drawsWithoutOnnxruntime() throws Exception {
        assertTrue(System.getProperty("java.class.path").contains("onnxruntime"), "the test needs it to leave out");
        ReadmeExampleTest.assertIntroMermaid(drawWithout("onnxruntime"));
    }

    @Test
    void drawsWithoutPicocli() throws Exception {
        assertTrue(System.getProperty("java.class.path").contains("picocli"), "the test needs it to leave out");
        ReadmeExampleTest.assertIntroMermaid(drawWithout("picocli"));
    }

    /**
     * A run from a library user's program: its child process finds our classes, onnxruntime's and protobuf's where
     * the user's class path has them (here: folders and jars of a build tool, not our launcher's single jar).
     */
    @Test
    void runsOnnxruntimeFromALibraryUsersClassPath() throws Exception {
        String example = LibraryJvm.readmeExample().replace(".format(\"mermaid\")",
                ".shapes(io.github.nnvizonnx.shapes.ShapeMode.RUN).format(\"mermaid\")");
        assertTrue(example.contains("ShapeMode.RUN"), example);
        LibraryJvm.Run run = LibraryJvm.runExample(dir, example, System.getProperty("java.class.path"),
                "testdata/nnviz_intro.onnx");
        assertTrue(run.err().isEmpty(), "no warning: the run worked: " + run.err());
        assertTrue(run.out().contains("-->|\"1×16\"| n5"), "an inner tensor measured: " + run.out());
    }
}
