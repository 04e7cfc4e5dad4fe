package io.github.nnvizonnx.transform;

import java.util.Set;

/**
 * Whether a module class is a framework's own layer, which tracing tools treat as one opaque step (torch.fx never
 * traces into a module of {@code torch.nn}; Keras draws a layer as one box). Containers are not layers.
 */
final class BuiltinLayers {
    /** Where frameworks keep their layers, as the qualified class names our converters record show them. */
    private static final String[] LAYER_PACKAGES = {"torch.nn.", "torch.ao.nn.", "keras.layers.", "keras.src.layers.",
        "tf.keras.layers.", "tensorflow.python.keras.layers.", "tf_keras.layers.", "paddle.nn."};
    private static final Set<String> CONTAINERS = Set.of("Sequential", "ModuleList", "ModuleDict", "ParameterList",
            "ParameterDict", "Model", "Functional", "LayerList", "Module");
    /**
     * torch.nn layers by short name, for files that name a class without its package (a function's name in a
     * functions export).
     */
    private static final Set<String> TORCH_LAYERS = Set.of("Linear", "Bilinear", "LazyLinear", "Conv1d", "Conv2d",
            "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "BatchNorm1d", "BatchNorm2d",
            "BatchNorm3d", "SyncBatchNorm", "LayerNorm", "GroupNorm", "InstanceNorm1d", "InstanceNorm2d",
            "InstanceNorm3d", "LocalResponseNorm", "RMSNorm", "ReLU", "ReLU6", "LeakyReLU", "PReLU", "RReLU", "ELU",
            "SELU", "CELU", "GELU", "SiLU", "Mish", "Hardswish", "Hardsigmoid", "Hardtanh", "Hardshrink", "Sigmoid",
            "LogSigmoid", "Tanh", "Tanhshrink", "Softplus", "Softsign", "Softshrink", "Softmax", "Softmax2d",
            "LogSoftmax", "Softmin", "Threshold", "GLU", "Dropout", "Dropout1d", "Dropout2d", "Dropout3d",
            "AlphaDropout", "Embedding", "EmbeddingBag", "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d",
            "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d", "AdaptiveAvgPool3d",
            "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "AdaptiveMaxPool3d", "LPPool1d", "LPPool2d", "Flatten",
            "Unflatten", "Identity", "Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d", "PixelShuffle",
            "PixelUnshuffle", "ZeroPad2d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d", "ReflectionPad1d",
            "ReflectionPad2d", "ReplicationPad1d", "ReplicationPad2d", "MultiheadAttention", "LSTM", "GRU", "RNN",
            "LSTMCell", "GRUCell", "RNNCell", "CosineSimilarity", "PairwiseDistance", "ChannelShuffle", "Fold",
            "Unfold");

    private BuiltinLayers() {
    }

    /** {@code shortName} and {@code qualifiedName} as a {@link io.github.nnvizonnx.model.Module} carries them. */
    static boolean isBuiltin(String shortName, String qualifiedName) {
        if (shortName == null || CONTAINERS.contains(shortName)) {
            return false;
        }
        if (qualifiedName != null && !qualifiedName.equals(shortName)) {
            for (String prefix : LAYER_PACKAGES) {
                if (qualifiedName.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
        return TORCH_LAYERS.contains(shortName);
    }
}
