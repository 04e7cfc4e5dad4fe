package io.github.nnvizonnx.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModulePath;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.testsupport.HostileModels;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What docs/json-format.md ("What a reader accepts") says a reader refuses, one case each, built from a valid file:
 * each is refused with one short line in our words, never Gson's.
 */
class ModelJsonRefusalsTest {
    private static final String VALID = HostileModels.deepModuleJson(2);
    private static final String ROOT = "{\"path\": [], \"name\": \"\", \"class\": null, \"qualifiedClass\": null,"
            + " \"kind\": \"module\", \"parameters\": 0}";
    private static final String M0 = "{\"path\": [\"m0\"], \"name\": \"m0\", \"class\": \"M\", \"qualifiedClass\":"
            + " null, \"kind\": \"module\", \"parameters\": 0}";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a key twice in one object", VALID.replace("\"version\": 1,",
                        "\"version\": 1, \"version\": 1,"), "appears twice"),
                Arguments.of("a negative parameter count", VALID.replaceFirst("\"parameters\": 0}",
                        "\"parameters\": -5}"), "not a whole number in range"),
                Arguments.of("a negative count on a node", VALID.replace("\"parameters\": 0, \"attributes\"",
                        "\"parameters\": -1, \"attributes\""), "not a whole number in range"),
                Arguments.of("a child before its parent", VALID.replace(ROOT + ",\n" + M0 + ",", ROOT + ",")
                        .replace("\"kind\": \"module\", \"parameters\": 0}]", "\"kind\": \"module\","
                                + " \"parameters\": 0}, " + M0 + "]"), "before its parent"),
                Arguments.of("a missing root", VALID.replace(ROOT + ",\n", ""), "no root"),
                Arguments.of("no modules at all", VALID.replaceFirst("(?s)\"modules\": \\[.*?\\],\n\"parameters\"",
                        "\"modules\": [],\n\"parameters\""), "no root"),
                Arguments.of("the root twice", VALID.replace(ROOT + ",", ROOT + ", " + ROOT + ","), "root module"),
                Arguments.of("a module twice", VALID.replace(M0 + ",", M0 + ", " + M0 + ","), "appears twice"),
                Arguments.of("a newer version", VALID.replace("\"version\": 1", "\"version\": 2"), "newer"),
                Arguments.of("version 0", VALID.replace("\"version\": 1", "\"version\": 0"), "in range"),
                Arguments.of("another format", VALID.replace("nnviz-onnx-model", "other"), "not an nnviz-onnx"),
                Arguments.of("a missing field", VALID.replace("\"edges\"", "\"edgez\""), "missing field"),
                Arguments.of("a fraction", VALID.replace("\"irVersion\": 8", "\"irVersion\": 2.5"), "whole"),
                Arguments.of("a number beyond any type", VALID.replace("\"irVersion\": 8", "\"irVersion\": 1e999"),
                        "whole"),
                Arguments.of("a scope that is not a module", VALID.replaceFirst("\"scope\": \\[\"m0\"\\]",
                        "\"scope\": [\"elsewhere\"]"), "unknown module"),
                Arguments.of("a node id twice", VALID.replace("\"id\": \"n1\"", "\"id\": \"n0\""), "duplicate node"),
                Arguments.of("an edge to no node", VALID.replace("\"to\": \"n1\"", "\"to\": \"n9\""), "unknown node"),
                Arguments.of("a shape that is an object", VALID.replace("\"shape\": [1]", "\"shape\": {}"),
                        "instead of an array"),
                Arguments.of("a dim that is an object", VALID.replace("\"shape\": [1]", "\"shape\": [{}]"),
                        "string was expected"),
                Arguments.of("an op type that is a number", VALID.replace("\"opType\": \"Relu\"", "\"opType\": 7"),
                        "string was expected"),
                Arguments.of("an op type that is an array", VALID.replace("\"opType\": \"Relu\"",
                        "\"opType\": [\"Relu\"]"), "string was expected"),
                Arguments.of("an unknown module kind", VALID.replace("\"kind\": \"module\"", "\"kind\": \"gadget\""),
                        "unknown module kind"),
                Arguments.of("a comment", VALID.replace("{\"format\"", "{/* hi */ \"format\""), "malformed JSON"),
                Arguments.of("a trailing comma", VALID.replace("\"edges\": [", "\"edges\": [,"), "malformed JSON"),
                Arguments.of("single quotes", VALID.replace("\"irVersion\"", "'irVersion'"), "malformed JSON"),
                Arguments.of("NaN", VALID.replace("\"irVersion\": 8", "\"irVersion\": NaN"), "malformed JSON"),
                Arguments.of("text after the value", VALID + "{}", "more text follows"),
                Arguments.of("a file cut short", VALID.substring(0, VALID.length() / 2), "ends in the middle"),
                Arguments.of("arrays nested 100,000 deep", "{\"format\": " + "[".repeat(100_000), "nested more"),
                Arguments.of("a huge key twice", VALID.replace("\"version\": 1,", "\"" + "k".repeat(1_000_000)
                        + "\": 1, \"" + "k".repeat(1_000_000) + "\": 1, \"version\": 1,"), "appears twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedWithOneShortLineInOurWords(String name, String json, String expected) {
        JsonModelException e = assertThrows(JsonModelException.class,
                () -> ModelJsonReader.read(new StringReader(json)));
        String message = e.getMessage();
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.length() <= 300, message.length() + " characters");
        for (String internal : new String[] {"JsonReader", "setStrictness", "JSON Primitive", "gson", "Exception",
                "$."}) {
            assertFalse(message.contains(internal), message);
        }
    }

    @Test
    void theValidBaseReads() {
        ModelGraph model = ModelJsonReader.read(new StringReader(VALID));
        assertEquals(2, model.nodes(OperationNode.class).size());
    }

    @Test
    void modulesDeeperThanTheScopeCapAreJoinedAsTheOnnxReaderJoinsThem() {
        ModelGraph model = ModelJsonReader.read(new StringReader(HostileModels.deepModuleJson(300)));
        assertEquals(300, model.nodes(OperationNode.class).size());
        int deepest = model.nodes(OperationNode.class).stream().mapToInt(op -> op.scope().length()).max().orElse(0);
        assertEquals(ModulePath.MAX_DEPTH, deepest);
    }
}
