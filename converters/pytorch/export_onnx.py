"""Export a PyTorch model to ONNX with its module scopes and a map of module class names.

Usage: python export_onnx.py MODEL_SPEC OUT.onnx [--input INPUT_SPEC] [--opset N] [--deployed] [--trust-pickle]

MODEL_SPEC names the model and, optionally, its constructor arguments after ';':
    resnet18                      a torchvision model builder, built with weights=None, weights_backbone=None
                                  (every weights parameter it has: nothing is downloaded)
    package.module:Symbol         Symbol imported from an installed or importable module
    path/to/file.py:Symbol        Symbol from a Python file (its folder is put on sys.path for its own imports)
    path/to/file.py:Net;width=32;depth=3
    path/to/model.pt              a saved model: a TorchScript archive (torch.jit.save), loaded with torch.jit.load;
                                  or a whole model pickled with torch.save, loaded with torch.load only with
                                  --trust-pickle (unpickling runs code named by the file)
Symbol may be dotted (Outer.Inner). A class or function is called with the arguments; a module instance is used
as it is. Argument values are Python literals (ast.literal_eval: 3, 0.5, True, None, (1, 2), 'text'); anything
else is passed as a string.

INPUT_SPEC gives the shapes of the inputs (float32 unless a dtype follows a ':'):
    1x3x224x224                   one input named "input" (the default; for a saved model, the shape its first
                                  layer takes when no INPUT_SPEC is given, see example_input_of)
    image224, default             shorthand for 1x3x224x224 (imageN: 1x3xNxN)
    tokens16                      shorthand for 1x16:int64, a token sequence (tokensN: 1xN)
    audio16000                    shorthand for 1x16000, a waveform (audioN: 1xN samples)
    ids=1x128:int64;mask=1x128:int64
Named inputs are passed to forward() positionally, in the order given. The example values are those of the shapes
run (nnviz-onnx --shapes run): zeros, except integer or boolean inputs whose name says ids, indices, positions or
a mask, which are ones (token 1 exists in every vocabulary; an all-zero mask hides everything).

The export uses the TorchScript exporter (node names carry module scopes: /layer1/layer1.0/conv1/Conv) and writes
into the model's metadata_props, under the key "nnviz.modules", a JSON object mapping each module's qualified name
as torch names it ("" for the model itself, "layer1.0") to {"class": qualified class name, "parameters": count}.
A TorchScript module names its classes itself (original_name, and the qualified name of its compiled type).

Works with torch 1.13 and 2.x. Exit codes: 0 done; 1 the model could not be built or exported; 2 bad usage (a
malformed spec); 3 a required package (torch, torchvision) is not installed for this interpreter. The last line on
stderr of a failure is a one-line summary.
"""
import argparse
import ast
import contextlib
import importlib
import importlib.util
import inspect
import json
import os
import re
import signal
import sys
import traceback
import zipfile

# Bump when the output changes in a way that makes earlier cached exports stale (the Java side also hashes this file).
CONVERTER_VERSION = 5
METADATA_KEY = "nnviz.modules"
DEFAULT_INPUT = "1x3x224x224"
DEFAULT_OPSET = 17
PREFIX = "nnviz-onnx converter: "

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_MISSING_PACKAGE = 3
REQUIRED_PACKAGES = ("torch", "torchvision")

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


class UsageError(Exception):
    """A malformed model or input spec."""


class SavedModuleNotExported(Exception):
    """A TorchScript module that torch.onnx.export refused; the message says what usually helps."""

    def __init__(self, cause):
        super().__init__("the TorchScript module did not export to ONNX (a scripted module's control flow often"
                         " cannot; one saved from torch.jit.trace can): %s: %s" % (type(cause).__name__, cause))


class ModelNotFound(Exception):
    """The spec is well-formed but names nothing that builds a model (no traceback is shown for it)."""


class ModelSpec:
    """A parsed MODEL_SPEC: kind is 'torchvision', 'module', 'file', or 'torchscript' or 'pickle' for a saved model
    (target is then its path)."""

    def __init__(self, kind, target, symbol, kwargs):
        self.kind = kind
        self.target = target
        self.symbol = symbol
        self.kwargs = kwargs


def parse_model_spec(text):
    if os.path.isfile(text):
        return ModelSpec(saved_model_kind(text), text, None, {})
    parts = text.split(";")
    ref = parts[0].strip()
    kwargs = parse_arguments(parts[1:])
    if ":" in ref:
        target, symbol = ref.rsplit(":", 1)
        if not DOTTED.match(symbol):
            raise UsageError("'%s' is not a Python name (expected file.py:Symbol or package.module:Symbol)" % symbol)
        if target.endswith(".py") or "/" in target or os.sep in target:
            return ModelSpec("file", target, symbol, kwargs)
        if DOTTED.match(target):
            return ModelSpec("module", target, symbol, kwargs)
        raise UsageError("'%s' is neither a .py file nor a Python module name" % target)
    if IDENTIFIER.match(ref):
        return ModelSpec("torchvision", ref, None, kwargs)
    raise UsageError("'%s' is not a model spec (expected a torchvision name such as resnet18, "
                     "package.module:Symbol or file.py:Symbol)" % ref)


def saved_model_kind(path):
    """'torchscript' or 'pickle', from the layout of the ZIP archive that torch.jit.save and torch.save write: one
    root folder holding data.pkl, and for TorchScript also code/ and constants.pkl. Nothing is unpickled here."""
    if not zipfile.is_zipfile(path):
        raise UsageError("%s is neither a model spec nor a saved PyTorch model (not a ZIP archive)" % path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    roots = {name.split("/", 1)[0] for name in names}
    if len(roots) == 1:
        root = roots.pop() + "/"
        if root + "constants.pkl" in names and any(name.startswith(root + "code/") for name in names):
            return "torchscript"
        if root + "data.pkl" in names:
            return "pickle"
    raise UsageError("%s is a ZIP archive but not a saved PyTorch model (no data.pkl under one root folder)" % path)


def parse_arguments(items):
    kwargs = {}
    for item in items:
        if not item.strip():
            continue
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not IDENTIFIER.match(key):
            raise UsageError("constructor argument '%s' is not key=value" % item)
        kwargs[key] = literal_or_string(value.strip())
    return kwargs


def literal_or_string(value):
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return value


DTYPES = ("float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool")


def parse_input_spec(text):
    """[(name, [dims], dtype name)]; an unnamed single shape is called 'input'."""
    items = [s.strip() for s in text.split(";") if s.strip()]
    if not items:
        raise UsageError("empty input spec")
    inputs = []
    for item in items:
        name, sep, shape = item.rpartition("=")
        name = name.strip()
        if not sep:
            if len(items) > 1:
                raise UsageError("with several inputs each needs a name: name=shape;name2=shape (got '%s')" % item)
            name = "input"
        elif not name:
            raise UsageError("input '%s' has an empty name" % item)
        shape, _, dtype = shape.strip().partition(":")
        dtype_given = bool(dtype.strip())
        dtype = dtype.strip() or "float32"
        if dtype not in DTYPES:
            raise UsageError("unknown dtype '%s' in input '%s' (known: %s)" % (dtype, item, ", ".join(DTYPES)))
        dims, default_dtype = parse_shape(shape.strip(), item)
        inputs.append((name, dims, dtype if dtype_given else default_dtype))
    if len({name for name, _, _ in inputs}) != len(inputs):
        raise UsageError("input names repeat in '%s'" % text)
    return inputs


# Shorthands: (pattern, default size, dims of a size, dtype); the sizes are the shapes run's example sizes.
SHORTHANDS = (
    (re.compile(r"image(\d*)"), 224, lambda n: [1, 3, n, n], "float32"),
    (re.compile(r"tokens(\d*)"), 16, lambda n: [1, n], "int64"),
    (re.compile(r"audio(\d*)"), 16000, lambda n: [1, n], "float32"),
)


def parse_shape(shape, item):
    """([dims], default dtype) of a shape or a shorthand."""
    if shape.lower() == "default":
        return [1, 3, 224, 224], "float32"
    for pattern, default, dims_of, dtype in SHORTHANDS:
        match = pattern.fullmatch(shape.lower())
        if match:
            size = int(match.group(1) or default)
            if size < 1:
                raise UsageError("'%s': a size is 1 or more" % item)
            return dims_of(size), dtype
    dims = re.split(r"[x,×]", shape)
    try:
        values = [int(d) for d in dims]
    except ValueError:
        values = None
    if not values or any(v < 0 for v in values):
        raise UsageError("'%s' is not a shape (expected e.g. 1x3x224x224, image224, tokens16 or audio16000)" % item)
    return values, "float32"


def build_model(spec, trust_pickle=False):
    if spec.kind == "torchscript":
        import torch

        return torch.jit.load(spec.target, map_location="cpu")
    if spec.kind == "pickle":
        return unpickle_model(spec.target, trust_pickle)
    if spec.kind == "torchvision":
        builder = torchvision_builder(spec.target)
        return builder(**without_downloads(builder, spec.kwargs))
    if spec.kind == "file":
        module = import_file(spec.target)
    else:
        module = importlib.import_module(spec.target)
    obj = module
    for part in spec.symbol.split("."):
        if not hasattr(obj, part):
            raise ModelNotFound("%s has no '%s'" % (spec.target, spec.symbol))
        obj = getattr(obj, part)
    import torch

    if isinstance(obj, torch.nn.Module):
        if spec.kwargs:
            raise UsageError("%s is a module instance; constructor arguments cannot be applied" % spec.symbol)
        return obj
    if not callable(obj):
        raise ModelNotFound("%s:%s is neither a torch.nn.Module nor callable" % (spec.target, spec.symbol))
    model = obj(**spec.kwargs)
    if not isinstance(model, torch.nn.Module):
        raise TypeError("%s:%s returned %s, not a torch.nn.Module" % (spec.target, spec.symbol,
                                                                      type(model).__name__))
    return model


def unpickle_model(path, trust_pickle):
    """The model a torch.save file holds. Unpickling imports and calls what the file names, so only when trusted; the
    current folder is importable, as for python -c, since the model's own classes must be imported to load it."""
    if not trust_pickle:
        raise UsageError("%s is a model pickled with torch.save; loading it runs code that the file names: give"
                         " --trust-pickle if you trust it" % path)
    import torch

    if "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    kwargs = {"map_location": "cpu"}
    if accepts(torch.load, "weights_only"):
        kwargs["weights_only"] = False  # torch >= 2.6 loads tensors only by default; the user trusted the file
    try:
        loaded = torch.load(path, **kwargs)
    except (ModuleNotFoundError, AttributeError) as e:
        if "__main__" in str(e):  # pickle names the script that saved the model, which is not importable here
            raise ModelNotFound("cannot load %s: its class was defined in the script that saved it (__main__),"
                                " which cannot be imported; draw that class instead: file.py:Class" % path)
        raise ModelNotFound("cannot load %s: the model's class cannot be imported (%s); run from the folder its"
                            " module is in, or put that folder on PYTHONPATH" % (path, e))
    if isinstance(loaded, torch.nn.Module):
        return loaded
    modules = [v for v in loaded.values() if isinstance(v, torch.nn.Module)] if isinstance(loaded, dict) else []
    if len(modules) == 1:  # a checkpoint dict holding the model beside its optimizer state, epoch, ...
        return modules[0]
    if isinstance(loaded, dict):
        raise ModelNotFound("%s holds weights only (a state dict), not a model; draw the class they belong to"
                            " instead, e.g. nnviz-onnx model.py:Net (drawing needs no weights)" % path)
    raise ModelNotFound("%s holds a %s, not a model" % (path, type(loaded).__name__))


def torchvision_builder(name):
    import torchvision

    models = torchvision.models
    if hasattr(models, "list_models"):  # torchvision >= 0.14: also finds detection/segmentation/video models
        if name in models.list_models():
            return models.get_model_builder(name)  # the function itself, so that its parameters can be seen
    builder = getattr(models, name, None)
    if builder is None or name.startswith("_") or inspect.isclass(builder) or not callable(builder):
        raise ModelNotFound("'%s' is not a torchvision model (for a file use path/to/file.py:ClassName)" % name)
    return builder


def without_downloads(builder, kwargs):
    """The arguments with every pretrained-weights parameter of the builder switched off, unless the user set it.

    weights=None alone is not enough: segmentation and detection builders also load a pretrained backbone
    (weights_backbone), and older torchvision names these pretrained / pretrained_backbone.
    """
    result = dict(kwargs)
    names = parameter_names(builder)
    for name in names if names is not None else ["weights"]:
        if name == "weights" or name.startswith("weights_") or name.endswith("_weights"):
            result.setdefault(name, None)
        elif name == "pretrained" or name.startswith("pretrained_"):
            result.setdefault(name, False)
    return result


def import_file(path):
    if not os.path.isfile(path):
        raise ModelNotFound("no such file: %s" % path)
    folder = os.path.dirname(os.path.abspath(path))
    if folder not in sys.path:
        sys.path.insert(0, folder)  # the file's sibling modules import as they do when it runs as a script
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look classes up here
    spec.loader.exec_module(module)
    return module


ONE_WORDS = {"id", "ids", "index", "indices", "idx", "mask", "masks", "position", "positions", "pos"}


def names_an_index(name):
    """Whether a word of the name (input_ids, attentionMask) says index or mask, as the shapes run decides."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name).lower()
    return any(word in ONE_WORDS for word in re.split(r"[^a-z0-9]+", spaced))


def example_inputs(inputs):
    import torch

    def example(name, dims, dtype):
        integer = not dtype.startswith(("float", "bfloat"))
        fill = torch.ones if integer and names_an_index(name) else torch.zeros
        return fill(*dims, dtype=getattr(torch, dtype))

    return tuple(example(name, dims, dtype) for name, dims, dtype in inputs)


def output_names(model, args):
    """Names for the outputs: 'output', or output_0, output_1, ... (one forward pass counts them)."""
    import torch

    with torch.no_grad():
        result = model(*args)
    count = count_tensors(result)
    return ["output"] if count == 1 else ["output_%d" % i for i in range(count)]


def count_tensors(value):
    if isinstance(value, (list, tuple)):
        return sum(count_tensors(v) for v in value)
    if isinstance(value, dict):
        return sum(count_tensors(v) for v in value.values())
    return 1 if hasattr(value, "shape") else 0


def module_map(model):
    """{qualified module name: {"class": qualified class, "parameters": count}}; "" is the model itself."""
    result = {}
    for name, module in model.named_modules():
        result[name] = {
            "class": class_name(module),
            "parameters": sum(p.numel() for p in module.parameters()),
        }
    return result


# torch's prefix for compiled classes, and the part it adds to tell apart two compilations of one class
TORCHSCRIPT_PREFIX = "__torch__."
MANGLED = re.compile(r"___torch_mangle_\d+\.")


def class_name(module):
    """The module's qualified class; for a TorchScript module, that of the Python class it was compiled from
    (__torch__.torchvision.models.resnet.___torch_mangle_3.BasicBlock → torchvision.models.resnet.BasicBlock)."""
    import torch

    if isinstance(module, torch.jit.ScriptModule):
        qualified = MANGLED.sub("", module._c.qualified_name)
        if qualified.startswith(TORCHSCRIPT_PREFIX):
            return qualified[len(TORCHSCRIPT_PREFIX):]
        return getattr(module, "original_name", None) or qualified
    cls = type(module)
    return cls.__module__ + "." + cls.__qualname__


def export(model, args, names, out, opset, deployed):
    import torch

    kwargs = dict(export_params=True, opset_version=opset, do_constant_folding=True,
                  input_names=names, output_names=output_names(model, args))
    if not deployed:
        # In eval mode (TrainingMode.EVAL, the default) the exporter folds each BatchNorm into the convolution before
        # it: the deployed graph, with no BatchNorm left to draw. PRESERVE keeps the model's own mode (eval, set
        # above) and skips that fold, so the drawing shows the layers the model is written with.
        kwargs["training"] = torch.onnx.TrainingMode.PRESERVE
    if accepts(torch.onnx.export, "dynamo"):
        kwargs["dynamo"] = False  # torch >= 2.5 has a second exporter, the default from 2.9; scopes need this one
    # Not under torch.no_grad(): with grad enabled, nn.MultiheadAttention skips its fused fast path, which the
    # TorchScript exporter cannot export.
    with shared_weights_only(torch):
        torch.onnx.export(model, args, out, **kwargs)


@contextlib.contextmanager
def shared_weights_only(torch):
    """In eval mode the exporter merges weights of equal values: an untrained model's BatchNorm statistics are all
    alike and would become one weight that the other layers read through Identity nodes, so that the blocks of a
    stage no longer look alike. Asked as in training mode, the pass merges only weights that share storage (tied
    embeddings), which changes nothing the model computes."""
    passes = torch._C
    original = getattr(passes, "_jit_pass_onnx_deduplicate_initializers", None)
    if original is None:
        yield
        return
    passes._jit_pass_onnx_deduplicate_initializers = lambda graph, params, training: original(graph, params, True)
    try:
        yield
    finally:
        passes._jit_pass_onnx_deduplicate_initializers = original


def accepts(function, parameter):
    names = parameter_names(function)
    return names is not None and parameter in names  # unknown: call it the way torch 1.13 is called


def parameter_names(function):
    """The names of the function's parameters, or None when its signature cannot be inspected."""
    try:
        return list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return None


def add_metadata(path, key, value):
    """Adds one metadata_props entry: with the onnx package when it is installed, else by appending bytes."""
    try:
        import onnx
    except ImportError:
        append_metadata(path, key, value)
        return
    model = onnx.load(path)
    for entry in list(model.metadata_props):
        if entry.key == key:
            model.metadata_props.remove(entry)
    model.metadata_props.add(key=key, value=value)
    onnx.save(model, path)


def append_metadata(path, key, value):
    """Appends a ModelProto holding only metadata_props (field 14) to the file.

    Concatenated protobuf messages merge, and repeated fields concatenate, so readers see the exporter's model
    plus this entry; no protobuf library is needed.
    """
    entry = field_bytes(1, key.encode("utf-8")) + field_bytes(2, value.encode("utf-8"))
    with open(path, "ab") as f:
        f.write(field_bytes(14, entry))


def field_bytes(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def convert(model_spec, out, input_spec, opset, deployed=False, trust_pickle=False):
    spec = parse_model_spec(model_spec)
    saved = spec.kind in ("torchscript", "pickle")
    if input_spec:
        inputs = parse_input_spec(input_spec)
    else:
        inputs = None if saved else parse_input_spec(DEFAULT_INPUT)  # a saved model's is read from it once loaded
    import torch

    torch.manual_seed(0)
    model = build_model(spec, trust_pickle)
    model.eval()
    if inputs is None:
        inputs = example_input_of(model)
    args = example_inputs(inputs)
    modules = module_map(model)
    folder = os.path.dirname(os.path.abspath(out))
    os.makedirs(folder, exist_ok=True)
    tmp = out + ".tmp%d" % os.getpid()
    try:
        try:
            export(model, args, [name for name, _, _ in inputs], tmp, opset, deployed)
        except Exception as e:  # torch raises many kinds; only a TorchScript archive gets the hint
            if spec.kind == "torchscript":
                raise SavedModuleNotExported(e) from e
            raise
        add_metadata(tmp, METADATA_KEY, json.dumps(modules, separators=(",", ":")))
        os.replace(tmp, out)  # atomic: a half-written file never appears under the final name
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


# torch's scalar type names (TensorType.scalarType()) for the dtypes an INPUT_SPEC can name
SCALAR_TYPES = {"Float": "float32", "Double": "float64", "Half": "float16", "BFloat16": "bfloat16", "Long": "int64",
                "Int": "int32", "Short": "int16", "Char": "int8", "Byte": "uint8", "Bool": "bool"}
# the example shape a first layer of each kind takes: the shapes run's image, waveform and token sizes
FIRST_LAYER_SHAPES = {
    "Conv1d": lambda channels: ([1, channels, 16000], "float32"),
    "Conv2d": lambda channels: ([1, channels, 224, 224], "float32"),
    "Conv3d": lambda channels: ([1, channels, 16, 112, 112], "float32"),
    "Linear": lambda features: ([1, features], "float32"),
    "Embedding": lambda width: ([1, 16], "int64"),
}


def example_input_of(model):
    """The example input of a saved model given without an INPUT_SPEC: the input types the graph recorded, when they
    are complete; else the shape that the first layer with weights takes (a Conv2d of 3 channels: 1x3x224x224, a
    Linear of 16 features: 1x16, an Embedding: 16 tokens); else the default. Each guess must pass one forward run."""
    for inputs in recorded_inputs(model) + first_layer_inputs(model):
        if runs(model, inputs):
            return inputs
    return parse_input_spec(DEFAULT_INPUT)


def recorded_inputs(model):
    """[[(name, dims, dtype)]] from the types of a TorchScript graph's inputs, when each has every size and a dtype
    (torch.jit.save keeps them only in some versions: 1.13 reloads a traced module with plain Tensor inputs)."""
    import torch

    if not isinstance(model, torch.jit.ScriptModule):
        return []
    inputs = []
    for value in list(model.graph.inputs())[1:]:  # the first is the module itself
        kind = value.type()
        try:
            dims = kind.sizes() if isinstance(kind, torch._C.TensorType) else None
            dtype = SCALAR_TYPES.get(kind.scalarType()) if dims is not None else None
        except RuntimeError:  # a type without sizes
            dims, dtype = None, None
        if not dims or dtype is None or any(d is None for d in dims):
            return []
        inputs.append((value.debugName().split(".")[0] or "input", list(dims), dtype))
    return [inputs] if inputs else []


def first_layer_inputs(model):
    """[[("input", dims, dtype)]] from the first module with weights in the model's order, when it is a layer of
    FIRST_LAYER_SHAPES (a weight's second dim is the input's channels or features); [] otherwise."""
    for _, module in model.named_modules():
        weight = getattr(module, "weight", None)
        if weight is None or not hasattr(weight, "shape") or len(weight.shape) < 2:
            continue
        shape_of = FIRST_LAYER_SHAPES.get(class_name(module).rsplit(".", 1)[-1])
        if shape_of is None:
            return []
        dims, dtype = shape_of(int(weight.shape[1]))
        return [[("input", dims, dtype)]]
    return []


def runs(model, inputs):
    import torch

    try:
        with torch.no_grad():
            model(*example_inputs(inputs))
        return True
    except Exception:  # any failure of the guess means only that it was wrong
        return False


def fail(code, message):
    sys.stderr.write(PREFIX + message.replace("\n", " ") + "\n")
    return code


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", metavar="MODEL_SPEC")
    parser.add_argument("out", metavar="OUT.onnx")
    parser.add_argument("--input", metavar="INPUT_SPEC",
                        help="default: %s; for a saved model, what its first layer takes" % DEFAULT_INPUT)
    parser.add_argument("--opset", type=int, default=DEFAULT_OPSET)
    parser.add_argument("--deployed", action="store_true",
                        help="export as deployed: each BatchNorm folded into the convolution before it")
    parser.add_argument("--trust-pickle", action="store_true",
                        help="load a model pickled with torch.save (unpickling runs code the file names)")
    ns = parser.parse_args(argv)
    # nnviz-onnx stopped early (SIGTERM, Ctrl-C) ends this process: leave through the finally blocks, which remove
    # the half-written export, instead of dying on the spot
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    import warnings

    warnings.filterwarnings("ignore")
    try:
        convert(ns.model, ns.out, ns.input, ns.opset, ns.deployed, ns.trust_pickle)
        return 0
    except UsageError as e:
        return fail(EXIT_USAGE, str(e))
    except ModelNotFound as e:
        return fail(EXIT_FAILED, str(e))
    except ModuleNotFoundError as e:
        if e.name in REQUIRED_PACKAGES:
            return fail(EXIT_MISSING_PACKAGE, "%s is not installed for %s (No module named '%s')"
                        % (e.name, sys.executable, e.name))
        traceback.print_exc()
        return fail(EXIT_FAILED, "%s: %s" % (type(e).__name__, e))
    except SavedModuleNotExported as e:
        traceback.print_exc()
        return fail(EXIT_FAILED, str(e))
    except Exception as e:  # the user's model code can raise anything; report it in one line after the traceback
        traceback.print_exc()
        return fail(EXIT_FAILED, "%s: %s" % (type(e).__name__, e))


if __name__ == "__main__":
    sys.exit(main())
