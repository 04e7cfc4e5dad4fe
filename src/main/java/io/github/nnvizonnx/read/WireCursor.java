package io.github.nnvizonnx.read;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf's wire format at absolute positions of a buffer (the mapped model file, or a copy), without building
 * messages. Each read is bounded by the end of the message being read; errors say what protobuf itself would say.
 */
final class WireCursor {
    /** Scratch space for text read from a buffer without an array (names are short; a long one grows it). */
    private static final int MAX_SCRATCH = 1 << 16;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    private final ByteBuffer in;
    private int at;

    WireCursor(ByteBuffer in, int at) {
        this.in = in;
        this.at = at;
    }

    int position() {
        return at;
    }

    void position(int newPosition) {
        at = newPosition;
    }

    ByteBuffer buffer() {
        return in;
    }

    int readTag(int end) throws InvalidProtocolBufferException {
        long tag = readVarint(end);
        if (tag >>> 32 != 0 || WireFormat.getTagFieldNumber((int) tag) == 0) {
            throw new InvalidProtocolBufferException("Protocol message contained an invalid tag (zero).");
        }
        return (int) tag;
    }

    /** The length of a length-delimited field, checked against {@code end}. */
    int readLength(int end) throws InvalidProtocolBufferException {
        long length = readVarint(end);
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new InvalidProtocolBufferException("CodedInputStream encountered an embedded string or message"
                    + " which claimed to have negative size.");
        }
        if (length > end - at) {
            throw truncated();
        }
        return (int) length;
    }

    long readVarint(int end) throws InvalidProtocolBufferException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= end) {
                throw truncated();
            }
            byte b = in.get(at++);
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new InvalidProtocolBufferException("CodedInputStream encountered a malformed varint.");
    }

    /** A length-delimited field as text, decoded as protobuf decodes strings (malformed UTF-8 replaced). */
    String readString(int end) throws InvalidProtocolBufferException {
        int length = readLength(end);
        String text;
        if (in.hasArray()) {
            text = new String(in.array(), in.arrayOffset() + at, length, StandardCharsets.UTF_8);
        } else {
            // the mapped file: copied into a reused buffer, so that the only copy kept is the string's own
            byte[] bytes = SCRATCH.get();
            if (bytes.length < length) {
                bytes = new byte[length];
                if (length <= MAX_SCRATCH) {
                    SCRATCH.set(bytes);
                }
            }
            in.get(at, bytes, 0, length);
            text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        at += length;
        return text;
    }

    /** Skips the value of a field whose tag was just read. */
    void skipValue(int wireType, int number, int end, int depth) throws InvalidProtocolBufferException {
        switch (wireType) {
            case WireFormat.WIRETYPE_VARINT -> readVarint(end);
            case WireFormat.WIRETYPE_FIXED64 -> skipBytes(8, end);
            case WireFormat.WIRETYPE_FIXED32 -> skipBytes(4, end);
            case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                int length = readLength(end); // read first: it moves the cursor past the length itself
                at += length;
            }
            case WireFormat.WIRETYPE_START_GROUP -> skipGroup(number, end, depth);
            default -> throw new InvalidProtocolBufferException("Protocol message tag had invalid wire type.");
        }
    }

    private void skipGroup(int number, int end, int depth) throws InvalidProtocolBufferException {
        if (depth > WeightlessParser.MAX_NESTING) {
            throw new InvalidModelException("graphs or messages are nested more than " + WeightlessParser.MAX_NESTING
                    + " levels deep");
        }
        while (true) {
            int tag = readTag(end);
            if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_END_GROUP) {
                if (WireFormat.getTagFieldNumber(tag) != number) {
                    throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected"
                            + " tag.");
                }
                return;
            }
            skipValue(WireFormat.getTagWireType(tag), WireFormat.getTagFieldNumber(tag), end, depth + 1);
        }
    }

    private void skipBytes(int count, int end) throws InvalidProtocolBufferException {
        if (count > end - at) {
            throw truncated();
        }
        at += count;
    }

    private static InvalidProtocolBufferException truncated() {
        return new InvalidProtocolBufferException("While parsing a protocol message, the input ended unexpectedly in"
                + " the middle of a field.");
    }
}
