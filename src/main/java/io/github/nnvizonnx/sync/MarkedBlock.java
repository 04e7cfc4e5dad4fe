package io.github.nnvizonnx.sync;

/**
 * A marker and the fenced Mermaid block directly below it, or none yet.
 *
 * @param marker the marker
 * @param markerIndex the marker's line, from 0
 * @param fence the block's opening fence (at {@code markerIndex + 1}), or null when there is no block yet
 * @param closingIndex the line of the closing fence; unused without a block
 */
record MarkedBlock(Marker marker, int markerIndex, Fence fence, int closingIndex) {
    static MarkedBlock none(Marker marker, int markerIndex) {
        return new MarkedBlock(marker, markerIndex, null, -1);
    }

    boolean hasBlock() {
        return fence != null;
    }

    /** The first line after the marker that the update leaves as it is. */
    int nextKeptIndex() {
        return hasBlock() ? closingIndex + 1 : markerIndex + 1;
    }
}
