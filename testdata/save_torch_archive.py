#!/usr/bin/python3
"""Save a model as PyTorch users keep them, for the tests of drawing saved models (random weights, seed 0).

Usage: /usr/bin/python3 testdata/save_torch_archive.py NAME OUT

NAME is MODEL-FORM:
    MODEL  resnet18, vit_b_16 (torchvision, weights=None), or tower: a Linear stem, three identical Blocks
           (Linear -> GELU, plus the block's input) in an nn.ModuleList, a Linear head; input 1x16
    FORM   traced      torch.jit.trace on zeros (1x3x224x224, or 1x16 for tower), then torch.jit.save
           scripted    torch.jit.script, then torch.jit.save
           pickled     torch.save of the whole model (pickle protocol 2, torch's default)
           pickled-protocol4  the same with pickle protocol 4, whose names come off the stack (STACK_GLOBAL)
           state-dict  torch.save of model.state_dict()
The tower's classes live in this file, which is __main__ when it runs: a pickled tower cannot be loaded elsewhere.
"""
import sys
import warnings


def build(model):
    import torch
    from torch import nn

    class Block(nn.Module):
        def __init__(self, width):
            super().__init__()
            self.linear = nn.Linear(width, width)
            self.act = nn.GELU()

        def forward(self, x):
            return x + self.act(self.linear(x))

    class Tower(nn.Module):
        def __init__(self, width=8, depth=3):
            super().__init__()
            self.stem = nn.Linear(16, width)
            self.blocks = nn.ModuleList([Block(width) for _ in range(depth)])
            self.head = nn.Linear(width, 2)

        def forward(self, x):
            x = self.stem(x)
            for block in self.blocks:
                x = block(x)
            return self.head(x)

    # pickle looks classes up by module and name
    Block.__qualname__, Tower.__qualname__ = "Block", "Tower"
    sys.modules["__main__"].Block, sys.modules["__main__"].Tower = Block, Tower
    if model == "tower":
        return Tower(), torch.zeros(1, 16)
    import torchvision

    return getattr(torchvision.models, model)(weights=None), torch.zeros(1, 3, 224, 224)


def save(name, out):
    model_name, form = name.split("-", 1)
    import torch

    torch.manual_seed(0)
    model, example = build(model_name)
    model.eval()
    if form == "traced":
        # check_trace off: a second trace of nn.MultiheadAttention differs only in its graph's numbering
        torch.jit.save(torch.jit.trace(model, example, check_trace=False), out)
    elif form == "scripted":
        torch.jit.save(torch.jit.script(model), out)
    elif form == "pickled":
        torch.save(model, out)
    elif form == "pickled-protocol4":
        torch.save(model, out, pickle_protocol=4)
    elif form == "state-dict":
        torch.save(model.state_dict(), out)
    else:
        raise SystemExit("unknown form '%s' (traced, scripted, pickled, pickled-protocol4, state-dict)" % form)


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    save(sys.argv[1], sys.argv[2])
