package io.github.nnvizonnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Every line on stderr is printable and short, whatever was printed. */
class StderrLinesTest {
    private static String through(String text) {
        StringWriter sink = new StringWriter();
        PrintWriter err = StderrLines.over(sink);
        err.print(text);
        err.flush();
        return sink.toString();
    }

    @Test
    void terminalEscapesAreWrittenAsTheirCodes() {
        assertEquals("a\\u001b]0;pwned\\u0007b\n", through("a\u001b]0;pwned\u0007b\n"));
        assertEquals("x\\u001b[2Jy\n", through("x\u001b[2Jy\r\n"), "a CRLF ends a line; ESC is escaped");
        assertEquals("c1\\u009bz, bidi \\u202e, cr \\u000d, nul \\u0000\n",
                through("c1\u009bz, bidi \u202e, cr \r, nul \u0000\n"));
        assertEquals("line one\nline two\n", through("line one\nline two\n"), "newlines still end lines");
        assertEquals("naïve 1×3 → ok\n", through("naïve 1×3 → ok\n"), "printable text stays as it is");
    }

    @Test
    void longLinesLoseTheirMiddleAndKeepBothEnds() {
        String line = "start " + "n".repeat(5_000_000) + " end";
        String printed = through(line + "\n");
        assertTrue(printed.length() <= StderrLines.MAX_LINE + 1, printed.length() + " characters");
        assertTrue(printed.startsWith("start nnn") && printed.endsWith("nn end\n") && printed.contains("…"), printed);
    }
}
