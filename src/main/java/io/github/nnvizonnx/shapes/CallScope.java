package io.github.nnvizonnx.shapes;

import io.github.nnvizonnx.proto.Onnx.AttributeProto;
import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.GraphProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import io.github.nnvizonnx.proto.Onnx.SparseTensorProto;
import io.github.nnvizonnx.proto.Onnx.TensorProto;
import io.github.nnvizonnx.proto.Onnx.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one inlined function call, as they are written into the main graph: a formal input or output stands
 * for the caller's tensor, and every other name gets the call's own prefix, so that two calls of one function never
 * share a tensor. The main graph's scope renames nothing.
 *
 * <p>A function body sees only its formal inputs and attributes (ONNX functions are isolated), so every name inside
 * it, in its control-flow bodies too, is either formal or the call's own. Attributes that refer to the function's
 * ({@code ref_attr_name}) take the call's value, else the function's default, else are left out, as ONNX defines.
 */
final class CallScope {
    /** The main graph: names stay as they are. */
    static final CallScope MAIN = new CallScope(null, "", Map.of(), Map.of(), Map.of());

    private final CallScope caller;
    private final String prefix;
    /** Formal input → the caller's name for it ({@code ""}: the call leaves that optional input out). */
    private final Map<String, String> inputs;
    /** Formal output → the caller's name for it; outputs the call leaves out are the call's own names. */
    private final Map<String, String> outputs;
    /** The call's attributes by name, resolved in the caller's scope, then the function's defaults. */
    private final Map<String, AttributeProto> attributes;

    private CallScope(CallScope caller, String prefix, Map<String, String> inputs, Map<String, String> outputs,
                      Map<String, AttributeProto> attributes) {
        this.caller = caller;
        this.prefix = prefix;
        this.inputs = inputs;
        this.outputs = outputs;
        this.attributes = attributes;
    }

    /** The scope of {@code call}, a node of this scope that calls {@code function}; {@code prefix} unique to it. */
    CallScope enter(NodeProto call, FunctionProto function, String prefix) {
        Map<String, String> in = new HashMap<>();
        for (int i = 0; i < function.getInputCount(); i++) {
            in.put(function.getInput(i), i < call.getInputCount() ? call.getInput(i) : "");
        }
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < function.getOutputCount() && i < call.getOutputCount(); i++) {
            if (!call.getOutput(i).isEmpty()) {
                out.put(function.getOutput(i), call.getOutput(i));
            }
        }
        Map<String, AttributeProto> values = new HashMap<>();
        for (AttributeProto a : function.getAttributeProtoList()) {
            values.put(a.getName(), a);
        }
        for (AttributeProto a : call.getAttributeList()) {
            AttributeProto resolved = resolve(a);
            if (resolved != null) {
                values.put(resolved.getName(), resolved);
            }
        }
        return new CallScope(this, prefix, in, out, values);
    }

    boolean isMain() {
        return caller == null;
    }

    /** The name {@code local} has in the main graph ({@code ""} stays {@code ""}: a left-out optional value). */
    String runName(String local) {
        if (isMain() || local.isEmpty()) {
            return local;
        }
        String outer = callerName(local);
        return outer != null ? caller.runName(outer) : prefix + local;
    }

    /** Whether {@code local} is a tensor of the main graph itself, under a name it has there. */
    boolean isMainTensor(String local) {
        if (isMain()) {
            return true;
        }
        String outer = callerName(local);
        return outer != null && caller.isMainTensor(outer);
    }

    /** The caller's name for a formal input or output of this call; null for a name of the call's own. */
    private String callerName(String local) {
        return inputs.containsKey(local) ? inputs.get(local) : outputs.get(local);
    }

    /**
     * The names the reader gives a tensor made under {@code local} in this scope: that name in the body, and the
     * caller's name where it is a formal output (the call's output is the body's tensor), and so on outwards.
     */
    List<String> aliases(String local) {
        List<String> names = new ArrayList<>(2);
        for (CallScope s = this; ; ) {
            names.add(local);
            String outer = s.isMain() || s.inputs.containsKey(local) ? null : s.outputs.get(local);
            if (outer == null) {
                return names;
            }
            local = outer;
            s = s.caller;
        }
    }

    /** {@code node} as it reads in the main graph: names, attributes and the graphs it holds. */
    NodeProto rename(NodeProto node) {
        if (isMain()) {
            return node;
        }
        NodeProto.Builder b = node.toBuilder().clearInput().clearOutput().clearAttribute();
        if (!node.getName().isEmpty()) {
            b.setName(prefix + node.getName());
        }
        node.getInputList().forEach(n -> b.addInput(runName(n)));
        node.getOutputList().forEach(n -> b.addOutput(runName(n)));
        for (AttributeProto a : node.getAttributeList()) {
            AttributeProto resolved = resolve(a);
            if (resolved != null) {
                b.addAttribute(a.getRefAttrName().isEmpty() ? renameGraphs(resolved) : resolved);
            }
        }
        return b.build();
    }

    /** {@code a} with its value, or null when it refers to an attribute that neither the call nor the function has. */
    private AttributeProto resolve(AttributeProto a) {
        if (a.getRefAttrName().isEmpty()) {
            return a;
        }
        AttributeProto value = attributes.get(a.getRefAttrName());
        return value == null ? null : value.toBuilder().setName(a.getName()).clearRefAttrName().build();
    }

    private AttributeProto renameGraphs(AttributeProto a) {
        if (!a.hasG() && a.getGraphsCount() == 0) {
            return a;
        }
        AttributeProto.Builder b = a.toBuilder();
        if (a.hasG()) {
            b.setG(rename(a.getG()));
        }
        for (int i = 0; i < a.getGraphsCount(); i++) {
            b.setGraphs(i, rename(a.getGraphs(i)));
        }
        return b.build();
    }

    private GraphProto rename(GraphProto g) {
        GraphProto.Builder b = g.toBuilder().clearNode();
        g.getNodeList().forEach(n -> b.addNode(rename(n)));
        for (int i = 0; i < g.getInputCount(); i++) {
            b.setInput(i, rename(g.getInput(i)));
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            b.setOutput(i, rename(g.getOutput(i)));
        }
        for (int i = 0; i < g.getValueInfoCount(); i++) {
            b.setValueInfo(i, rename(g.getValueInfo(i)));
        }
        for (int i = 0; i < g.getInitializerCount(); i++) {
            b.setInitializer(i, rename(g.getInitializer(i)));
        }
        for (int i = 0; i < g.getSparseInitializerCount(); i++) {
            SparseTensorProto s = g.getSparseInitializer(i);
            b.setSparseInitializer(i, s.toBuilder().setValues(rename(s.getValues())).build());
        }
        return b.build();
    }

    private ValueInfoProto rename(ValueInfoProto v) {
        return v.toBuilder().setName(runName(v.getName())).build();
    }

    private TensorProto rename(TensorProto t) {
        return t.toBuilder().setName(runName(t.getName())).build();
    }
}
