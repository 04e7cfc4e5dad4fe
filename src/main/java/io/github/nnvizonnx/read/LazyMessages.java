package io.github.nnvizonnx.read;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.github.nnvizonnx.internal.IntList;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A list of protobuf messages that are parsed each time they are asked for, from the model file's bytes or from the
 * filtered copy {@link WeightlessParser} made of them. Nothing is kept: walking a million nodes allocates them one at
 * a time. A malformed element throws {@link UncheckedIOException} holding the protobuf exception.
 */
final class LazyMessages<T extends MessageLite> extends AbstractList<T> implements RandomAccess {
    /** Where each element is: at {@code offset >= 0} in the file, or at {@code -offset - 1} in the copy. */
    static final class Ranges {
        private final IntList offsets = new IntList(16);
        private final IntList lengths = new IntList(16);

        void addOriginal(int offset, int length) {
            add(offset, length);
        }

        void addFiltered(int offset, int length) {
            add(-offset - 1, length);
        }

        private void add(int offset, int length) {
            offsets.add(offset);
            lengths.add(length);
        }

        int size() {
            return offsets.size();
        }
    }

    /** Reads what it needs of one element from its bytes in {@code [in.position(), end)}; null to decline. */
    interface Decoder<R> {
        R decode(WireCursor in, int end) throws InvalidProtocolBufferException;
    }

    private final Parser<T> parser;
    private final ByteBuffer file;
    private final byte[] filtered;
    private final Ranges ranges;

    LazyMessages(Parser<T> parser, ByteBuffer file, byte[] filtered, Ranges ranges) {
        this.parser = parser;
        this.file = file;
        this.filtered = filtered;
        this.ranges = ranges;
    }

    /** Element {@code index} read by {@code decoder} without parsing it; null when the decoder declines. */
    <R> R decode(int index, Decoder<R> decoder) {
        int offset = ranges.offsets.get(index);
        int length = ranges.lengths.get(index);
        WireCursor in = offset >= 0 ? new WireCursor(file, offset)
                : new WireCursor(ByteBuffer.wrap(filtered), -offset - 1);
        try {
            return decoder.decode(in, in.position() + length);
        } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= ranges.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int offset = ranges.offsets.get(index);
        int length = ranges.lengths.get(index);
        CodedInputStream in = offset >= 0 ? CodedInputStream.newInstance(file.slice(offset, length))
                : CodedInputStream.newInstance(filtered, -offset - 1, length);
        in.setRecursionLimit(WeightlessParser.RECURSION_LIMIT);
        try {
            return parser.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        return ranges.size();
    }
}
