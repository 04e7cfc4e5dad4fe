package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nnvizonnx.testsupport.RealModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --open}: the opener of each system, and one clear line, exit 0 and the file written without a desktop. */
class DesktopOpenerTest {
    @TempDir
    Path dir;

    @Test
    void eachSystemItsOpener() {
        assertEquals(List.of("xdg-open", "/m.html"), new DesktopOpener("Linux", Map.of("DISPLAY", ":0"))
                .command("/m.html"));
        assertEquals(List.of("xdg-open", "/m.html"), new DesktopOpener("Linux", Map.of("WAYLAND_DISPLAY",
                "wayland-0")).command("/m.html"));
        assertEquals(List.of("open", "/m.html"), new DesktopOpener("Mac OS X", Map.of()).command("/m.html"));
        assertEquals(List.of("cmd", "/c", "start", "\"\"", "C:\\m.html"),
                new DesktopOpener("Windows 11", Map.of()).command("C:\\m.html"));
    }

    @Test
    void withoutADesktopOrAnOpenerItSaysWhy() {
        assertNull(new DesktopOpener("Linux", Map.of("DISPLAY", " ")).command("/m.html"));
        assertTrue(new DesktopOpener("Linux", Map.of()).open(dir.resolve("m.html")).startsWith("no desktop"));
        DesktopOpener withoutXdgOpen = new DesktopOpener("Linux", Map.of("DISPLAY", ":0", "PATH", dir.toString()));
        assertEquals("no xdg-open on PATH to open it with", withoutXdgOpen.open(dir.resolve("m.html")));
    }

    @Test
    void openWithoutADesktopWritesThePageAndSaysWhere() throws Exception {
        assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
                "this machine has a desktop: the page would open");
        Path page = dir.resolve("minilm.html");
        CommandRun run = CommandRun.of(RealModels.miniLm().toString(), "-o", page.toString(), "--open",
                "--shapes", "declared", "-q");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.size(page) > 100_000, "the page is written");
        assertEquals(List.of("nnviz-onnx: wrote " + page + "; no desktop to open it in (neither DISPLAY nor"
                + " WAYLAND_DISPLAY is set)"), run.errLines());
    }
}
