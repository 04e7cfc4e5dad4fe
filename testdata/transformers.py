"""Small PyTorch transformers for the folding tests: an nn.TransformerEncoder and an nn.Transformer.

Draw them with: ./nnviz-onnx 'testdata/transformers.py:Encoder' --input 1x10x64
"""
import torch


def reinitialise(module):
    """Fresh random weights for every parameter: nn.Transformer* clone one layer, and an untrained clone's weights
    equal the original's, which the exporter then shares between layers (an Identity per weight) as no trained model
    would."""
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.02)


class Encoder(torch.nn.Module):
    """Four identical nn.TransformerEncoderLayer blocks and a linear head."""

    def __init__(self, width=64, layers=4):
        super().__init__()
        layer = torch.nn.TransformerEncoderLayer(d_model=width, nhead=4, dim_feedforward=2 * width,
                                                 batch_first=True)
        self.encoder = torch.nn.TransformerEncoder(layer, num_layers=layers)
        self.head = torch.nn.Linear(width, 10)
        reinitialise(self)

    def forward(self, x):
        return self.head(self.encoder(x))


class EncoderDecoder(torch.nn.Module):
    """nn.Transformer: three encoder and three decoder layers."""

    def __init__(self, width=64):
        super().__init__()
        self.transformer = torch.nn.Transformer(d_model=width, nhead=4, num_encoder_layers=3,
                                                num_decoder_layers=3, dim_feedforward=2 * width,
                                                batch_first=True)
        reinitialise(self)

    def forward(self, x):
        return self.transformer(x, x.flip(1))  # a target that is not the source: no shared Transpose
