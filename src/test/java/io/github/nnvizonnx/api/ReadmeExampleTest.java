package io.github.nnvizonnx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.OutputSyntax;
import io.github.nnvizonnx.testsupport.LibraryJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first Java block is a complete program that draws the model given as its argument, run exactly as the
 * README says ({@code java -cp ... Example.java testdata/nnviz_intro.onnx}); before packaging, the class path is the
 * library's classes and their dependencies instead of the jar.
 */
@Tag("slow") // child JVMs: left out of the quick tier (-Pquick)
class ReadmeExampleTest {
    @TempDir
    Path dir;

    /**
     * The default Mermaid of testdata/nnviz_intro.onnx: its two identical blocks folded into one box, their
     * operations, and its head, with the declared shapes.
     */
    static void assertIntroMermaid(LibraryJvm.Run run) {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches(OutputSyntax.MERMAID_START), run.out());
        for (String part : new String[] {"block1–2 (LinearBlock) ×2", "linear (Linear)", "relu (ReLU)",
            "head (Linear)", "1×16"}) {
            assertTrue(run.out().contains(part), part + " missing from:\n" + run.out());
        }
    }

    @Test
    void theReadmeExampleDrawsTheModelGivenAsItsArgument() throws Exception {
        LibraryJvm.Run run = LibraryJvm.runExample(dir, LibraryJvm.readmeExample(),
                LibraryJvm.classPathWithout(entry -> false), "testdata/nnviz_intro.onnx");
        assertIntroMermaid(run);
    }
}
