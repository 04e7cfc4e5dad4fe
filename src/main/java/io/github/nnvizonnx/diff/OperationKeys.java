package io.github.nnvizonnx.diff;

import io.github.nnvizonnx.model.OperationNode;
import io.github.nnvizonnx.model.QuantizedOperations;

/**
 * What two operations must share to be matched as one: the op type, an integer operator standing for its float
 * counterpart ({@code MatMulInteger} for {@code MatMul}, {@code QLinearConv} for {@code Conv}), so that a quantized
 * model matches its float original with its operators changed rather than removed and added.
 */
final class OperationKeys {
    private OperationKeys() {
    }

    static String key(OperationNode op) {
        String counterpart = QuantizedOperations.floatCounterpart(op.opType());
        return counterpart != null ? counterpart : op.opType();
    }
}
