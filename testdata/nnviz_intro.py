"""The small network from the NNViz introduction, as a PyTorch module.

LinearBlock = Linear -> ReLU with a residual add (x + relu(linear(x))).
Net = LinearBlock -> LinearBlock -> Linear (16 -> 16 -> 16 -> 4 features).

Importing this file exports nothing. testdata/nnviz_intro.onnx is this Net exported by our PyTorch converter, which
adds the module class names (metadata "nnviz.modules"):
    ./nnviz-onnx convert testdata/nnviz_intro.py:Net --input 1x16 -o testdata/nnviz_intro.onnx --python /usr/bin/python3
testdata/nnviz_intro_functions.onnx comes from running this file, a plain torch.onnx.export:
    /usr/bin/python3 testdata/nnviz_intro.py OUT.onnx [--opset N] [--functions]
"""
import torch
from torch import nn


class LinearBlock(nn.Module):
    def __init__(self, features: int = 16):
        super().__init__()
        self.linear = nn.Linear(features, features)
        self.relu = nn.ReLU()

    def forward(self, x):
        return x + self.relu(self.linear(x))


class Net(nn.Module):
    def __init__(self, features: int = 16, out_features: int = 4):
        super().__init__()
        self.block1 = LinearBlock(features)
        self.block2 = LinearBlock(features)
        self.head = nn.Linear(features, out_features)

    def forward(self, x):
        return self.head(self.block2(self.block1(x)))


def export(out, opset=17, functions=False):
    """Export Net (seeded, eval mode, input 1x16 zeros named "input", output "output")."""
    torch.manual_seed(0)
    model = Net().eval()
    kwargs = dict(export_params=True, opset_version=opset, do_constant_folding=True,
                  input_names=["input"], output_names=["output"])
    if functions:
        kwargs["export_modules_as_functions"] = {LinearBlock}
    with torch.no_grad():
        torch.onnx.export(model, (torch.zeros(1, 16),), out, **kwargs)


if __name__ == "__main__":
    import argparse
    import warnings

    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(description="Export the NNViz introduction Net to ONNX.")
    parser.add_argument("out")
    parser.add_argument("--opset", type=int, default=17)
    parser.add_argument("--functions", action="store_true")
    ns = parser.parse_args()
    export(ns.out, ns.opset, ns.functions)
