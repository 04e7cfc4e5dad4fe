package io.github.nnvizonnx.shapes;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.intsAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.TensorEdge;
import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorShapeProto;
import io.github.nnvizonnx.proto.Onnx.TypeProto;
import io.github.nnvizonnx.read.OnnxReader;
import io.github.nnvizonnx.testsupport.OnnxBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tensors inside local function calls measured by onnxruntime on the inlined model, on small generated models: each
 * call's own shapes, attributes that refer to the function's, nested calls, left-out optional inputs and outputs,
 * the opsets functions import, and control-flow bodies that keep what the file declares (nothing is invented for
 * them: the branch that ran cannot be observed).
 */
class FunctionShapesTest {
    @TempDir
    Path dir;

    private ShapeOutcome run(String fileName, ModelProto.Builder model) {
        Path file = OnnxBuilder.write(dir, fileName, model);
        ShapeOutcome outcome = new Shapes().apply(OnnxReader.read(file), file, ShapeRequest.of(ShapeMode.RUN),
                status -> { });
        assertNull(outcome.warning(), outcome.warning());
        assertEquals(List.of(), outcome.notes());
        return outcome;
    }

    /** Shape of the edge into each operation of {@code opType}, by the operation's module (and input number). */
    private static Map<String, String> shapesInto(ModelGraph g, String opType) {
        Map<String, String> shapes = new TreeMap<>();
        for (TensorEdge e : g.graph().edgeSet()) {
            if (g.graph().getEdgeTarget(e) instanceof OperationNode op && op.opType().equals(opType)) {
                shapes.merge(op.scope().dotted(), shape(e), (a, b) -> a + "," + b);
            }
        }
        return shapes;
    }

    private static String shape(TensorEdge e) {
        return e.tensor().shape() == null ? "none" : e.tensor().shape().compact();
    }

    private static OperatorSetIdProto opset(String domain, long version) {
        return OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version).build();
    }

    private static AttributeProto refersTo(String name, String functionAttribute, AttributeProto.AttributeType type) {
        return AttributeProto.newBuilder().setName(name).setRefAttrName(functionAttribute).setType(type).build();
    }

    private static void assertEveryEdgeHasAShape(ModelGraph g) {
        for (TensorEdge e : g.graph().edgeSet()) {
            assertTrue(e.tensor().shape() != null, "no shape on " + e + " (top-level: " + e.isTopLevel() + ")");
        }
    }

    @Test
    void eachCallOfAFunctionGetsItsOwnInnerShapes() {
        FunctionProto.Builder block = function("local", "Block", in("a"), "c")
                .addNode(node("relu", "Relu", in("a"), "r"))
                .addNode(node("neg", "Neg", in("r"), "c"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x1", 1, 2)).addInput(tensor("x2", 3, 4))
                .addOutput(tensor("y1")).addOutput(tensor("y2"))
                .addNode(node("/first/Block", "Block", in("x1"), "y1").setDomain("local"))
                .addNode(node("/second/Block", "Block", in("x2"), "y2").setDomain("local"));
        ModelGraph measured = run("twice.onnx", model(g).addFunctions(block).addOpsetImport(opset("local", 1)))
                .model();
        assertEquals(Map.of("first", "1×2", "second", "3×4"), shapesInto(measured, "Neg"),
                "r, inside each call, as that call made it");
        assertEveryEdgeHasAShape(measured);
    }

    @Test
    void attributesReferringToTheFunctionsTakeTheCallsValueOrTheDefault() {
        // Transpose by the call's perm; Flatten at the call's axis, or at the function's default 2 when not given.
        FunctionProto.Builder block = function("local", "Block", in("a"), "c")
                .addAttributeProto(AttributeProto.newBuilder().setName("axis").setI(2)
                        .setType(AttributeProto.AttributeType.INT))
                .addAttribute("perm")
                .addNode(node("transpose", "Transpose", in("a"), "t")
                        .addAttribute(refersTo("perm", "perm", AttributeProto.AttributeType.INTS)))
                .addNode(node("flatten", "Flatten", in("t"), "f")
                        .addAttribute(refersTo("axis", "axis", AttributeProto.AttributeType.INT)))
                .addNode(node("relu", "Relu", in("f"), "c"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 2, 3, 4)).addOutput(tensor("y1")).addOutput(tensor("y2"))
                .addNode(node("/first/Block", "Block", in("x"), "y1").setDomain("local")
                        .addAttribute(intsAttribute("perm", 2, 0, 1))
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setI(1)
                                .setType(AttributeProto.AttributeType.INT)))
                .addNode(node("/second/Block", "Block", in("x"), "y2").setDomain("local")
                        .addAttribute(intsAttribute("perm", 1, 2, 0)));
        ModelGraph measured = run("attributes.onnx", model(g).setIrVersion(9).addFunctions(block)
                .addOpsetImport(opset("local", 1))).model();
        assertEquals(Map.of("first", "4×2×3", "second", "3×4×2"), shapesInto(measured, "Flatten"));
        assertEquals(Map.of("first", "4×6", "second", "12×2"), shapesInto(measured, "Relu"));
    }

    @Test
    void callsInsideCallsAreInlinedTooWithAttributesPassedDown() {
        // Outer passes its own perm down to Inner; Inner's tensors are two calls deep.
        FunctionProto.Builder inner = function("local", "Inner", in("u"), "v")
                .addAttribute("perm")
                .addNode(node("transpose", "Transpose", in("u"), "t")
                        .addAttribute(refersTo("perm", "perm", AttributeProto.AttributeType.INTS)))
                .addNode(node("neg", "Neg", in("t"), "v"));
        FunctionProto.Builder outer = function("local", "Outer", in("a"), "c")
                .addAttribute("perm")
                .addNode(node("relu", "Relu", in("a"), "r"))
                .addNode(node("inner", "Inner", in("r"), "i").setDomain("local")
                        .addAttribute(refersTo("perm", "perm", AttributeProto.AttributeType.INTS)))
                .addNode(node("sigmoid", "Sigmoid", in("i"), "c"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 2, 3)).addOutput(tensor("y"))
                .addNode(node("/outer/Outer", "Outer", in("x"), "y").setDomain("local")
                        .addAttribute(intsAttribute("perm", 1, 0)));
        ModelGraph measured = run("nested.onnx", model(g).addFunctions(inner).addFunctions(outer)
                .addOpsetImport(opset("local", 1))).model();
        // The main graph is one call of Outer: that call is the model itself, drawn as the root (WholeModelCall).
        assertEquals(Map.of("Inner", "3×2"), shapesInto(measured, "Neg"), "t, two calls deep");
        assertEquals(Map.of("", "3×2"), shapesInto(measured, "Sigmoid"), "Inner's v, Outer's i");
        assertEveryEdgeHasAShape(measured);
    }

    @Test
    void optionalInputsAndOutputsACallLeavesOutStayLeftOut() {
        // The call gives no min (empty name) and no max (fewer inputs), and takes only the first output: the
        // body's second output is still a tensor of the call, measured under a name of its own.
        FunctionProto.Builder block = function("local", "Block", in("a", "lo", "hi"), "c", "d")
                .addNode(node("clip", "Clip", in("a", "lo", "hi"), "k"))
                .addNode(node("relu", "Relu", in("k"), "c"))
                .addNode(node("neg", "Neg", in("k"), "d"))
                .addNode(node("sigmoid", "Sigmoid", in("d"), "s"))
                .addOutput("s");
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 5, 6)).addOutput(tensor("y"))
                .addNode(node("/b/Block", "Block", in("x", ""), "y").setDomain("local"));
        ModelGraph measured = run("optional.onnx", model(g).addFunctions(block).addOpsetImport(opset("local", 1)))
                .model();
        assertEquals(Map.of("", "5×6"), shapesInto(measured, "Sigmoid"), "the one call is the model: the root");
        assertEveryEdgeHasAShape(measured);
    }

    @Test
    void domainsOnlyAFunctionImportsAreImportedByTheInlinedModel() {
        // com.microsoft's Gelu, imported by the function alone.
        FunctionProto.Builder block = function("local", "Block", in("a"), "c")
                .addOpsetImport(opset("com.microsoft", 1))
                .addNode(node("gelu", "Gelu", in("a"), "h").setDomain("com.microsoft"))
                .addNode(node("relu", "Relu", in("h"), "c"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 2, 7)).addOutput(tensor("y"))
                .addNode(node("/b/Block", "Block", in("x"), "y").setDomain("local"));
        ModelGraph measured = run("domains.onnx", model(g).addFunctions(block).addOpsetImport(opset("local", 1)))
                .model();
        assertEquals(Map.of("", "2×7"), shapesInto(measured, "Relu"), "the one call is the model: the root");
    }

    /** {@code then_branch}, which declares its first tensor 9×9 (wrongly), and {@code else_branch}, which declares none. */
    private static List<AttributeProto> branches(String prefix, String read) {
        GraphProto thenBranch = GraphProto.newBuilder().setName("then")
                .addNode(node(prefix + "then_neg", "Neg", in(read), prefix + "t"))
                .addNode(node(prefix + "then_abs", "Abs", in(prefix + "t"), prefix + "t2"))
                .addOutput(tensor(prefix + "t2")).addValueInfo(tensor(prefix + "t", 9, 9)).build();
        GraphProto elseBranch = GraphProto.newBuilder().setName("else")
                .addNode(node(prefix + "else_id", "Identity", in(read), prefix + "e"))
                .addNode(node(prefix + "else_abs", "Abs", in(prefix + "e"), prefix + "e2"))
                .addOutput(tensor(prefix + "e2")).build();
        return List.of(graphAttribute("then_branch", thenBranch), graphAttribute("else_branch", elseBranch));
    }

    /** The shape of the edges from ({@code fromSource}) or into each named operation. */
    private static Map<String, String> edgesOf(ModelGraph g, boolean fromSource, String... names) {
        List<String> wanted = List.of(names);
        Map<String, String> shapes = new TreeMap<>();
        for (TensorEdge e : g.graph().edgeSet()) {
            if ((fromSource ? g.graph().getEdgeSource(e) : g.graph().getEdgeTarget(e)) instanceof OperationNode op
                    && wanted.contains(op.name())) {
                shapes.merge(op.name(), shape(e), (a, b) -> a + "," + b);
            }
        }
        return shapes;
    }

    @Test
    void controlFlowBodiesKeepWhatTheFileDeclaresInsideAndOutsideFunctions() {
        // An If inside the function and one in the main graph; their branches read the function's h and the main
        // graph's x, and the flag makes the then branch run.
        FunctionProto.Builder block = function("local", "Block", in("a", "cond"), "c")
                .addNode(node("relu", "Relu", in("a"), "h"))
                .addNode(node("if", "If", in("cond"), "z").addAllAttribute(branches("", "h")))
                .addNode(node("sigmoid", "Sigmoid", in("z"), "c"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 2, 3)).addInput(boolScalar("flag"))
                .addOutput(tensor("y")).addOutput(tensor("w"))
                .addNode(node("/b/Block", "Block", in("x", "flag"), "y").setDomain("local"))
                .addNode(node("main_if", "If", in("flag"), "w").addAllAttribute(branches("m_", "x")));
        ModelGraph measured = run("bodies.onnx", model(g).addFunctions(block).addOpsetImport(opset("local", 1)))
                .model();
        assertEquals(Map.of("sigmoid", "2×3"), edgesOf(measured, false, "sigmoid"), "z, the If's output, ran");
        assertEquals(Map.of("then_neg", "2×3", "else_id", "2×3", "m_then_neg", "2×3", "m_else_id", "2×3"),
                edgesOf(measured, false, "then_neg", "else_id", "m_then_neg", "m_else_id"),
                "h and x, tensors outside the bodies, measured where the branches read them");
        assertEquals(Map.of("then_neg", "9×9", "else_id", "none", "m_then_neg", "9×9", "m_else_id", "none"),
                edgesOf(measured, true, "then_neg", "else_id", "m_then_neg", "m_else_id"),
                "the branches' own tensors: declared or nothing, never measured");
    }

    private static io.github.nnvizonnx.proto.Onnx.ValueInfoProto boolScalar(String name) {
        return tensor(name).toBuilder().setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.BOOL_VALUE).setShape(TensorShapeProto.newBuilder()))).build();
    }
}
