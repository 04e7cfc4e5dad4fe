package io.github.nnvizonnx.shapes.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nnvizonnx.model.Dim;
import io.github.nnvizonnx.model.Shape;
import io.github.nnvizonnx.model.TensorInfo;
import io.github.nnvizonnx.shapes.RunInput;
import io.github.nnvizonnx.shapes.RunPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lines the parent and the run's child exchange: what is written reads back the same, and nothing else reads. */
class RunProtocolTest {
    /** Names as hostile as a model's may be: spaces, percent signs, line breaks, escapes, non-ASCII, empty. */
    private static final String ODD = "a b%20\nc\r\u001b]0;x\u0007é–\u007f";

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }

    @Test
    void aPlanReadsBackAsWritten() throws IOException {
        RunPlan plan = new RunPlan(Path.of("/models/m one.onnx").toAbsolutePath(), null,
                List.of(new RunInput(ODD, List.of(1L, 16L), RunInput.Fill.ONES), new RunInput("", List.of(),
                        RunInput.Fill.ZEROS)), List.of(ODD, "h"), List.of(List.of(new RunInput(ODD, List.of(2L, 16L),
                        RunInput.Fill.ONES)), List.of()), true);
        StringWriter text = new StringWriter();
        RunProtocol.writePlan(plan, 2, text);

        RunProtocol.Request read = RunProtocol.readPlan(reader(text.toString()));
        assertEquals(plan, read.plan());
        assertEquals(2, read.threads());
        // header, model, folder, threads, inline; 2 outputs, 2 inputs; 2 variants, with 1 input; end
        assertEquals(13, text.toString().lines().count(), "one line each: names cannot break lines: " + text);
    }

    @Test
    void resultsReadBackAsWritten() throws IOException {
        Map<String, TensorInfo> base = new LinkedHashMap<>();
        base.put(ODD, new TensorInfo(ODD, "float32", Shape.of(1, 16, 384)));
        base.put("seq", new TensorInfo("seq", "seq(float32)", null));
        base.put("scalar", new TensorInfo("scalar", null, Shape.of()));
        base.put("open", new TensorInfo("open", "int64", new Shape(List.of(Dim.of(-1), Dim.UNKNOWN))));
        List<Map<String, TensorInfo>> runs = new ArrayList<>(Arrays.asList(base, null, Map.of()));
        StringWriter text = new StringWriter();
        RunProtocol.writeResult(runs, text);

        RunProtocol.Result read = RunProtocol.readResult(reader(text.toString()));
        assertNull(read.failure());
        assertEquals(runs, read.runs());
    }

    @Test
    void aFailureReadsBackAsOneLine() throws IOException {
        StringWriter text = new StringWriter();
        RunProtocol.writeFailure("cannot run\nthis", text);
        RunProtocol.Result read = RunProtocol.readResult(reader(text.toString()));
        assertEquals("cannot run\nthis", read.failure());
        assertEquals(List.of(), read.runs());
    }

    @Test
    void anythingElseIsRefused() {
        String header = "nnviz-onnx-result 1\n";
        for (String text : List.of("", header, header + "end\n", "#\n# A fatal error has been detected\n",
                header + "run\ntensor =x =float32 [1,2]\n", header + "run\ntensor x float32 [1,2]\nend\n",
                header + "run\ntensor =x =float32 [1,,2]\nend\n", header + "run\ntensor =x =f [1]  \nend\n",
                header + "run\ntensor =x%2 =f [1]\nend\n", header + "run\ntensor =x%zz =f [1]\nend\n",
                header + "run-failed\nend\n", header + "tensor =x =f [1]\nend\n", header + "run\nrun\n#\nend\n",
                header + "failure =a\nrun\nend\n", header + "run\ntensor =x =f [99999999999999999999]\nend\n")) {
            assertThrows(RunProtocol.Malformed.class, () -> RunProtocol.readResult(reader(text)), text);
        }
        String plan = "nnviz-onnx-plan 1\nmodel =/m.onnx\nfolder -\nthreads 2\ninline false\n";
        for (String text : List.of(plan, plan + "input =x SOME [1]\nend\n", plan + "input =x ONES 1x2\nend\n",
                plan + "variant\noutput =y\nend\n", plan.replace("threads 2", "threads 0") + "end\n",
                plan.replace("model =/m.onnx", "model -") + "end\n", plan.replace("=/m", "/m") + "end\n",
                plan.replace("inline false", "inline no") + "end\n",
                plan + "shell rm -rf /\nend\n")) {
            assertThrows(RunProtocol.Malformed.class, () -> RunProtocol.readPlan(reader(text)), text);
        }
    }
}
