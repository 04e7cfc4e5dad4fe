#!/usr/bin/python3
"""The seed's Python stack on an ONNX file, for comparison with nnviz-onnx (bench/run.sh).

Usage: /usr/bin/python3 bench/python_stack.py MODEL.onnx OUT.dot [--depth N|all]

Does what NNViz's pipeline does, with ONNX instead of torch.fx as the source:
  1. onnx.load, without loading external data (nnviz-onnx never reads weights either; embedded
     weights are still loaded, as onnx.load always does);
  2. a networkx DiGraph: one node per operation, graph input and graph output, each with its
     module path (the scopes of a torch node name: /encoder/layer.3/attention/self/query/MatMul
     -> ["encoder", "layer.3", "attention", "self", "query"]), op type and name; one edge per
     producer -> consumer pair;
  3. collapsing to a depth as NNViz's NNGraph.collapse does: every node deeper than the depth is
     replaced by one node per path prefix, self-loops dropped;
  4. DOT: a pygraphviz AGraph with NNViz's node attributes (HTML label with the op in bold and
     the name in italics, a fill colour hashed from the op, rounded filled boxes), written with
     AGraph.write; networkx's pydot writer when pygraphviz is missing, plain DOT without either.
Prints one line: nodes and edges drawn.
"""
import argparse
import hashlib
import html
import sys

import networkx as nx
import onnx

NODE_STYLE = {"fontname": "Arial", "shape": "box", "style": "rounded,filled", "margin": "0.2,0.1"}
EDGE_STYLE = {"fontname": "Arial", "color": "black", "penwidth": "2.0"}


def module_path(node_name):
    """The torch scopes of a node name; names without a leading '/' have none."""
    if not node_name.startswith("/"):
        return []
    return [part for part in node_name[1:].split("/")[:-1] if part]


def build_graph(model):
    graph = nx.DiGraph()
    producer = {}
    weights = {t.name for t in model.graph.initializer}
    for value in model.graph.input:
        if value.name not in weights:
            graph.add_node("input:" + value.name, kind="input", name=value.name, op="Input", path=[])
            producer[value.name] = "input:" + value.name
    for index, node in enumerate(model.graph.node):
        key = "op%d:%s" % (index, node.name)
        graph.add_node(key, kind="op", name=node.name, op=node.op_type, path=module_path(node.name))
        for output in node.output:
            producer[output] = key
    for index, node in enumerate(model.graph.node):
        key = "op%d:%s" % (index, node.name)
        for tensor in node.input:
            if tensor in producer:
                graph.add_edge(producer[tensor], key)
    for value in model.graph.output:
        key = "output:" + value.name
        graph.add_node(key, kind="output", name=value.name, op="Output", path=[])
        if value.name in producer:
            graph.add_edge(producer[value.name], key)
    return graph


def collapse(graph, depth):
    """NNViz's NNGraph.collapse: nodes deeper than depth become one node per path prefix."""
    if depth is None:
        return graph
    representative = {}
    for key, data in graph.nodes(data=True):
        representative[tuple(data["path"][:depth])] = key
    replacement = {}
    for key, data in graph.nodes(data=True):
        if len(data["path"]) <= depth:
            replacement[key] = (key, data)
        else:
            prefix = tuple(data["path"][:depth])
            replacement[key] = (representative[prefix],
                                {"kind": "collapsed", "name": ".".join(prefix), "op": "", "path": list(prefix)})
    collapsed = nx.DiGraph()
    for source, target in graph.edges():
        (new_source, source_data), (new_target, target_data) = replacement[source], replacement[target]
        collapsed.add_node(new_source, **source_data)
        collapsed.add_node(new_target, **target_data)
        if new_source != new_target:
            collapsed.add_edge(new_source, new_target)
    return collapsed


def color(*parts):
    return "#" + hashlib.md5(".".join(parts).encode()).hexdigest()[:6]


def node_attributes(data):
    if data["kind"] == "collapsed":
        label = "<<B>%s</B>>" % html.escape(data["name"])
        fill = color(*data["path"][:-1])
    else:
        label = "<<B>%s</B><BR/><I>%s</I>>" % (html.escape(data["op"]), html.escape(data["name"]))
        fill = "#000000" if data["kind"] != "op" else color(data["op"])
    return dict(NODE_STYLE, label=label, color=fill, fillcolor=fill)


def write_dot(graph, out):
    """NNViz's writer (a pygraphviz AGraph); networkx's pydot writer, else plain DOT, when it is missing."""
    try:
        import pygraphviz
    except ImportError:
        pygraphviz = None
    if pygraphviz is not None:
        drawing = pygraphviz.AGraph(directed=True, strict=True)
        for key, data in graph.nodes(data=True):
            drawing.add_node(key, **node_attributes(data))
        for source, target in graph.edges():
            drawing.add_edge(source, target, **EDGE_STYLE)
        drawing.write(out)
        return
    styled = nx.DiGraph()
    for key, data in graph.nodes(data=True):
        styled.add_node(key, **node_attributes(data))
    styled.add_edges_from(graph.edges(), **EDGE_STYLE)
    try:
        nx.drawing.nx_pydot.write_dot(styled, out)
    except ImportError:
        write_plain_dot(styled, out)


def write_plain_dot(graph, out):
    def quoted(text):
        return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')

    def attributes(data):
        return ", ".join("%s=%s" % (k, v if v.startswith("<") else quoted(v)) for k, v in data.items())

    with open(out, "w") as f:
        f.write("strict digraph {\n")
        for key, data in graph.nodes(data=True):
            f.write("  %s [%s];\n" % (quoted(key), attributes(data)))
        for source, target, data in graph.edges(data=True):
            f.write("  %s -> %s [%s];\n" % (quoted(source), quoted(target), attributes(data)))
        f.write("}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("out")
    parser.add_argument("--depth", default="all", help="collapse depth, or 'all' for every node")
    args = parser.parse_args()
    model = onnx.load(args.model, load_external_data=False)
    graph = collapse(build_graph(model), None if args.depth == "all" else int(args.depth))
    write_dot(graph, args.out)
    print("python stack: %d nodes, %d edges" % (graph.number_of_nodes(), graph.number_of_edges()), file=sys.stderr)


if __name__ == "__main__":
    main()
