#!/usr/bin/python3
"""Export a small network whose head calls a scripted helper between two of its layers, as torchvision's detection
models do in their post-processing (torch.jit._script_if_tracing).

Usage: /usr/bin/python3 testdata/export_scripted_postprocess.py OUT.onnx

The TorchScript exporter writes no scope for the operations of a scripted function: they are named Clip_3 or
Mul_4 while their neighbours are /roi_heads/box_head/Gemm and /roi_heads/box_predictor/Gemm. The input "input" is
1x16, the output "output" 1x4; weights are random (seed 0).
"""
import os
import sys
import warnings


def main(out):
    warnings.filterwarnings("ignore")
    import torch
    from torch import nn

    @torch.jit._script_if_tracing
    def keep_positive(x: torch.Tensor) -> torch.Tensor:
        return x.clamp(min=0.0) * 2.0

    class RoIHeads(nn.Module):
        def __init__(self):
            super().__init__()
            self.box_head = nn.Linear(16, 16)
            self.box_predictor = nn.Linear(16, 4)

        def forward(self, x):
            return self.box_predictor(keep_positive(self.box_head(x)))

    class Detector(nn.Module):
        def __init__(self):
            super().__init__()
            self.backbone = nn.Linear(16, 16)
            self.roi_heads = RoIHeads()

        def forward(self, x):
            return self.roi_heads(torch.relu(self.backbone(x)))

    torch.manual_seed(0)
    model = Detector().eval()
    tmp = out + ".tmp"
    torch.onnx.export(model, (torch.zeros(1, 16),), tmp, opset_version=17, input_names=["input"],
                      output_names=["output"])
    os.replace(tmp, out)  # atomic: a half-written file never appears under the final name
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
