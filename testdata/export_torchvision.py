#!/usr/bin/python3
"""Export a torchvision model to ONNX with the TorchScript exporter (torch.onnx.export).

Usage: /usr/bin/python3 testdata/export_torchvision.py [MODEL] OUT.onnx [--functions] [--opset N] [--dynamic-axes]
                                                        [--function-classes auto|all|blocks|every]

MODEL is any torchvision.models builder name (resnet18 by default), or transformer_encoder (a
small torch.nn.TransformerEncoder: two layers, width 32, input 1x16x32), built with random
weights (weights=None; nothing is downloaded), in eval mode, seeded with torch.manual_seed(0).
The input is a 1x3x224x224 zero tensor named "input"; the output is named "output".
--functions exports the model's non-leaf submodule classes (e.g. BasicBlock, Sequential;
TransformerEncoderLayer for transformer_encoder) as ONNX local functions
(export_modules_as_functions; needs opset >= 15). --function-classes every exports every module
class, the model's own included (export_modules_as_functions=True). torch 1.13's
function extraction crashes on some models (e.g. efficientnet_b0) when Sequential is included,
so by default each attempt runs in a child process and falls back to block classes only.
"""
import argparse
import os
import sys
import warnings


def build_model(name):
    if name == TRANSFORMER:
        import torch

        layer = torch.nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=64, batch_first=True)
        return torch.nn.TransformerEncoder(layer, num_layers=2)
    import torchvision

    models = torchvision.models
    if hasattr(models, "list_models") and name in models.list_models():
        return models.get_model(name, weights=None)  # torchvision >= 0.14
    fn = getattr(models, name, None)
    if fn is None or not callable(fn) or name.startswith("_"):
        raise SystemExit("unknown torchvision model: " + name)
    return fn(weights=None)


TRANSFORMER = "transformer_encoder"


def example_input(name):
    import torch

    return torch.zeros(1, 16, 32) if name == TRANSFORMER else torch.zeros(1, 3, 224, 224)


# Module classes never exported as functions: in eval mode they trace to nothing (StochasticDepth)
# or to a lone Transpose (Permute), and torch 1.13's function extraction crashes on them.
TRIVIAL_CLASSES = {"StochasticDepth", "Permute"}


def function_classes(model, with_sequential=True):
    """Classes of all submodules that are not plain torch.nn leaf layers.

    Includes torch.nn.Sequential (containers, unless with_sequential is False) and the model's
    own block classes (torchvision BasicBlock, Bottleneck, MBConv, ...), but not the root class
    and not leaf layers such as Conv2d/ReLU, so that functions call other functions.
    """
    import torch

    classes = set()
    for sub_name, sub in model.named_modules():
        if sub_name == "":
            continue
        cls = type(sub)
        if cls is torch.nn.Sequential:
            if with_sequential:
                classes.add(cls)
            continue
        if cls is torch.nn.TransformerEncoderLayer:
            classes.add(cls)  # the block of a torch.nn transformer
            continue
        if cls.__module__.startswith("torch.nn") or cls.__name__ in TRIVIAL_CLASSES:
            continue
        classes.add(cls)
    return classes


def export_in_child(argv_without_mode, mode):
    """Runs this script in a child process (torch 1.13 function extraction may segfault)."""
    import subprocess

    cmd = [sys.executable, os.path.abspath(__file__)] + argv_without_mode + ["--function-classes", mode]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("args", nargs="+", metavar="[MODEL] OUT.onnx")
    parser.add_argument("--functions", action="store_true",
                        help="export module classes as ONNX local functions")
    parser.add_argument("--opset", type=int, default=17)
    parser.add_argument("--dynamic-axes", action="store_true",
                        help="input N, H, W dynamic (torch's generated names input_dynamic_axes_1, ...); output "
                             "declared batch x classes, where classes is in fact always the class count")
    parser.add_argument("--function-classes", choices=["auto", "all", "blocks", "every"], default="auto",
                        help="with --functions: 'all' = block classes and torch.nn.Sequential, "
                             "'blocks' = block classes only, 'auto' = 'all', else 'blocks' if that fails, "
                             "'every' = every module class, the model's own included (True)")
    ns = parser.parse_args(argv)
    if len(ns.args) == 1:
        model_name, out = "resnet18", ns.args[0]
    elif len(ns.args) == 2:
        model_name, out = ns.args
    else:
        parser.error("expected [MODEL] OUT.onnx")
    if ns.functions and ns.opset < 15:
        parser.error("--functions needs --opset 15 or higher")

    if ns.functions and ns.function_classes == "auto":
        base = [model_name, out, "--functions", "--opset", str(ns.opset)]
        base += ["--dynamic-axes"] if ns.dynamic_axes else []
        rc, log = export_in_child(base, "all")
        if rc == 0:
            return 0
        rc, log2 = export_in_child(base, "blocks")
        if rc == 0:
            print("note: exported %s without torch.nn.Sequential functions (full set failed)" % model_name,
                  file=sys.stderr)
            return 0
        if os.path.exists(out + ".tmp"):
            os.remove(out + ".tmp")  # left behind by a crashed child
        sys.stderr.write("--- with torch.nn.Sequential ---\n" + log + "--- block classes only ---\n" + log2)
        return rc if rc > 0 else 1

    warnings.filterwarnings("ignore")
    import torch

    torch.manual_seed(0)
    model = build_model(model_name)
    model.eval()
    dummy = example_input(model_name)

    kwargs = dict(
        export_params=True,
        opset_version=ns.opset,
        do_constant_folding=True,
        input_names=["input"],
        output_names=["output"],
    )
    if ns.dynamic_axes and model_name == TRANSFORMER:
        parser.error("--dynamic-axes is for image models")
    if ns.dynamic_axes:
        kwargs["dynamic_axes"] = {"input": [0, 2, 3], "output": {0: "batch", 1: "classes"}}
    if ns.functions and ns.function_classes == "every":
        kwargs["export_modules_as_functions"] = True
    elif ns.functions:
        kwargs["export_modules_as_functions"] = function_classes(
            model, with_sequential=ns.function_classes == "all")

    out_dir = os.path.dirname(os.path.abspath(out))
    os.makedirs(out_dir, exist_ok=True)
    tmp = out + ".tmp"
    # Not under torch.no_grad(): with grad enabled, nn.MultiheadAttention (vit_*) skips its fused
    # fast path (aten::_native_multi_head_attention), which the TorchScript exporter cannot export.
    torch.onnx.export(model, (dummy,), tmp, **kwargs)
    os.replace(tmp, out)  # atomic: a half-written file never appears under the final name
    return 0


def reexec_deterministic():
    """Re-executes this script once with fixed str hashing and without address randomization.

    torch 1.13 picks function variants' numbering (BasicBlock.1, Sequential.2, ...) and the
    instance whose body represents a function from containers ordered by hash and by pointer,
    so --functions exports differ from run to run unless both are fixed (plain exports do not).
    """
    if os.environ.get("NNVIZ_EXPORT_REEXEC") == "1":
        return
    env = dict(os.environ, PYTHONHASHSEED="0", NNVIZ_EXPORT_REEXEC="1")
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            addr_no_randomize = 0x0040000
            current = libc.personality(0xFFFFFFFF)  # query
            if current != -1:
                libc.personality(current | addr_no_randomize)  # inherited across exec
        except Exception:
            pass  # best effort: the export still works, only less reproducibly
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env)


if __name__ == "__main__":
    reexec_deterministic()
    sys.exit(main())
