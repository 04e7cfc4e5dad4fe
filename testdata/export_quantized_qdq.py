#!/usr/bin/python3
"""Exports torchvision's resnet18 statically quantized (torch FX, fbgemm, calibrated on random images) to ONNX.

torch writes a quantized model in the QDQ form: QuantizeLinear -> Cast -> DequantizeLinear before each quantized
operation, and its weights as 8-bit Constant nodes read by a DequantizeLinear. Untrained weights (weights=None):
only the structure matters. Usage: export_quantized_qdq.py OUT.onnx
"""
import sys
import warnings

import torch
import torchvision
from torch.ao.quantization import get_default_qconfig_mapping
from torch.ao.quantization.quantize_fx import convert_fx, prepare_fx


def main(out):
    warnings.filterwarnings("ignore")
    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None).eval()
    example = torch.randn(1, 3, 224, 224)
    prepared = prepare_fx(model, get_default_qconfig_mapping("fbgemm"), example_inputs=(example,))
    for _ in range(2):
        prepared(torch.randn(1, 3, 224, 224))
    quantized = convert_fx(prepared)
    torch.onnx.export(quantized, example, out, opset_version=13, input_names=["image"], output_names=["logits"])


if __name__ == "__main__":
    main(sys.argv[1])
