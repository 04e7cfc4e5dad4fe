package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a LaTeX file with {@code pdflatex} (TeX Live: Debian's texlive-latex-base and texlive-pictures for TikZ),
 * stopping at the first error, and reads the PDF back with poppler's {@code pdftotext}/{@code pdfinfo}/{@code
 * pdftoppm}. The calling test is skipped without them (fails under {@code NNVIZ_REQUIRE_TOOLS=1}).
 */
public final class Pdflatex {
    private static final long TIMEOUT_SECONDS = 300;

    private Pdflatex() {
    }

    /** The outcome of one compilation: the PDF (null when it failed) and the log's error lines. */
    public record Outcome(Path pdf, String errors) {
        public boolean ok() {
            return pdf != null;
        }
    }

    public static void require() {
        ExternalTools.require("pdflatex (Debian packages texlive-latex-base, texlive-pictures)",
                ExternalTools.onPath("pdflatex"));
        ExternalTools.require("pdftotext (Debian package poppler-utils)", ExternalTools.onPath("pdftotext"));
    }

    /** Compiles {@code tex} in its own directory. */
    public static Outcome compile(Path tex) throws IOException, InterruptedException {
        require();
        Path dir = tex.toAbsolutePath().getParent();
        String log = run(dir, "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                tex.getFileName().toString());
        Path pdf = dir.resolve(tex.getFileName().toString().replaceFirst("\\.tex$", ".pdf"));
        String errors = String.join("\n", log.lines().filter(l -> l.startsWith("!") || l.startsWith("l.")).toList());
        return new Outcome(errors.isEmpty() && Files.isRegularFile(pdf) ? pdf : null, errors.isEmpty() ? log : errors);
    }

    /** The PDF's text, laid out as on the page. */
    public static String text(Path pdf) throws IOException, InterruptedException {
        return run(pdf.getParent(), "pdftotext", "-layout", pdf.toString(), "-");
    }

    /** What pdfinfo says about the PDF (pages, page size). */
    public static String info(Path pdf) throws IOException, InterruptedException {
        return run(pdf.getParent(), "pdfinfo", pdf.toString());
    }

    /** Writes page one as {@code png} at {@code dpi}, to look at. */
    public static void png(Path pdf, Path png, int dpi) throws IOException, InterruptedException {
        String stem = png.toString().replaceFirst("\\.png$", "");
        run(pdf.getParent(), "pdftoppm", "-png", "-singlefile", "-r", Integer.toString(dpi), pdf.toString(), stem);
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
