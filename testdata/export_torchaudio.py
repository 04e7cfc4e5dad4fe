#!/usr/bin/python3
"""Export torchaudio's Wav2Letter (waveform input, random weights) with a dynamic batch and sample count.

Usage: /usr/bin/python3 testdata/export_torchaudio.py OUT.onnx

The input "waveform" is declared batch x 1 x samples, the output "scores" is left to the exporter's names.
"""
import os
import sys
import warnings


def main(out):
    warnings.filterwarnings("ignore")
    import torch
    import torchaudio

    torch.manual_seed(0)
    model = torchaudio.models.Wav2Letter(num_classes=40, input_type="waveform", num_features=1).eval()
    tmp = out + ".tmp"
    torch.onnx.export(model, (torch.zeros(1, 1, 16000),), tmp, opset_version=17, input_names=["waveform"],
                      output_names=["scores"], dynamic_axes={"waveform": {0: "batch", 2: "samples"},
                                                             "scores": [0, 2]})
    os.replace(tmp, out)  # atomic: a half-written file never appears under the final name
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
