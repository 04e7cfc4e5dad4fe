package io.github.nnvizonnx.testsupport;

import static io.github.nnvizonnx.testsupport.OnnxBuilder.function;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.graphAttribute;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.in;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.model;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.node;
import static io.github.nnvizonnx.testsupport.OnnxBuilder.tensor;

import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import java.nio.file.Path;

/**
 * A small model with every kind of tensor scope: {@code x → mm (MatMul) → h → call (local:Block) → b → last (Relu)
 * → y}, where the function Block runs {@code a → inner_relu → b → inner_neg → c} (its own {@code b}, a name the
 * top-level graph uses too); and {@code z = if(cond)}, whose then branch computes {@code t} (declared 7×7) from the
 * outer {@code h} with then_neg, and whose else branch passes {@code h} through else_id as {@code e}.
 */
public final class NestedScopesModel {
    private NestedScopesModel() {
    }

    public static Path write(Path dir) {
        var block = function("local", "Block", in("a"), "c")
                .addNode(node("inner_relu", "Relu", in("a"), "b"))
                .addNode(node("inner_neg", "Neg", in("b"), "c"));
        GraphProto.Builder thenBranch = GraphProto.newBuilder().setName("then")
                .addNode(node("then_neg", "Neg", in("h"), "t")).addOutput(tensor("t", 7, 7))
                .addValueInfo(tensor("t", 7, 7));
        GraphProto.Builder elseBranch = GraphProto.newBuilder().setName("else")
                .addNode(node("else_id", "Identity", in("h"), "e")).addOutput(tensor("e"));
        GraphProto.Builder g = GraphProto.newBuilder().setName("g")
                .addInput(tensor("x", 1, 4)).addInput(tensor("cond"))
                .addOutput(tensor("y", 1, 4)).addOutput(tensor("z"))
                .addNode(node("mm", "MatMul", in("x", "x"), "h"))
                .addNode(node("call", "Block", in("h"), "b").setDomain("local"))
                .addNode(node("last", "Relu", in("b"), "y"))
                .addNode(node("if", "If", in("cond"), "z")
                        .addAttribute(graphAttribute("then_branch", thenBranch.build()))
                        .addAttribute(graphAttribute("else_branch", elseBranch.build())));
        return OnnxBuilder.write(dir, "nested-scopes.onnx", model(g).addFunctions(block)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("local").setVersion(1)));
    }
}
