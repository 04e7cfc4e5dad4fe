package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.testsupport.InlinedIfModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary line says when If/Loop/Scan were opened because they hold most of the model. */
class ControlFlowSummaryTest {
    @TempDir
    Path dir;

    @Test
    void summarySaysTheIfWasOpenedAndCollapseClosesIt() {
        String model = InlinedIfModel.write(dir, "vad.onnx").toString();

        CommandRun opened = CommandRun.of(model, "--format", "mermaid");
        assertEquals(0, opened.code(), opened.err());
        assertTrue(opened.err().contains("(hierarchy: torch)"), opened.err());
        assertTrue(opened.err().contains("; If_0 drawn open: it holds 34 of the 37 operations (--collapse If_0"
                + " closes it)"), opened.err());
        assertTrue(opened.out().contains("encoder"), "the branch's modules are drawn");

        CommandRun closed = CommandRun.of(model, "--format", "mermaid", "--collapse", "If_0");
        assertEquals(0, closed.code(), closed.err());
        assertFalse(closed.err().contains("drawn open"), closed.err());
        assertFalse(closed.out().contains("encoder"), closed.out());
    }
}
