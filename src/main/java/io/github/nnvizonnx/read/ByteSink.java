package io.github.nnvizonnx.read;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growing byte array for re-encoded protobuf. A nested message's length is reserved as a five-byte varint before
 * the message is written and filled in after, so nested messages are written once, in place: protobuf readers accept
 * such padded varints.
 */
final class ByteSink {
    private static final int PADDED_LENGTH = 5;

    private byte[] bytes;
    private int size;

    ByteSink(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    /** The backing array; only the first {@link #size} bytes are written. */
    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void truncate(int newSize) {
        size = newSize;
    }

    /** Copies {@code source[from, to)}. */
    void copy(ByteBuffer source, int from, int to) {
        int length = to - from;
        ensure(length);
        source.get(from, bytes, size, length);
        size += length;
    }

    void writeVarint(int value) {
        ensure(PADDED_LENGTH);
        while ((value & ~0x7F) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** Reserves room for a length; returns where it goes. */
    int reserveLength() {
        ensure(PADDED_LENGTH);
        int position = size;
        size += PADDED_LENGTH;
        return position;
    }

    /** Fills in a reserved length with the number of bytes written since it was reserved. */
    void fillLength(int position) {
        int length = size - position - PADDED_LENGTH;
        for (int i = 0; i < PADDED_LENGTH - 1; i++) {
            bytes[position + i] = (byte) (((length >>> (7 * i)) & 0x7F) | 0x80);
        }
        bytes[position + PADDED_LENGTH - 1] = (byte) (length >>> (7 * (PADDED_LENGTH - 1)));
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new InvalidModelException("the model's graph is larger than 2 GiB without its weights");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
