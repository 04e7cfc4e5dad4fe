package io.github.nnvizonnx.convert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes and functions a pickle names ({@code torchvision.models.resnet.ResNet}, {@code collections.OrderedDict}),
 * read from its opcodes without executing any: each {@code GLOBAL} and {@code STACK_GLOBAL} in stream order. This is
 * what unpickling would import, so it tells a state dict (tensors in an {@code OrderedDict}) from a whole pickled
 * model before anything is loaded. Reading stops at the first {@code STOP}, at an opcode it does not know, or at the
 * end of the bytes.
 */
final class PickleGlobals {
    private PickleGlobals() {
    }

    /** The dotted names the pickle refers to, in order, repeats included. */
    static List<String> of(byte[] pickle) {
        return new Scan(pickle).run();
    }

    private static final class Scan {
        private final byte[] bytes;
        private final List<String> globals = new ArrayList<>();
        /** Strings pushed, and those the memo holds, for STACK_GLOBAL (protocol 4), whose names come off the stack. */
        private final List<String> recentStrings = new ArrayList<>();
        private final Map<Long, String> memo = new HashMap<>();
        private int pos;
        /** Whether the value on top of the stack is a string that was seen (a memo entry then remembers it). */
        private boolean stringOnTop;

        Scan(byte[] bytes) {
            this.bytes = bytes;
        }

        List<String> run() {
            try {
                boolean more = true;
                while (more && pos < bytes.length) {
                    int opcode = bytes[pos++] & 0xff;
                    if (MEMO_PUTS.indexOf(opcode) < 0) { // putting into the memo leaves the stack as it was
                        stringOnTop = false;
                    }
                    more = step(opcode);
                }
            } catch (IndexOutOfBoundsException | NumberFormatException | ArithmeticException e) {
                // a truncated or malformed pickle: what was read so far is the answer
            }
            return globals;
        }

        /** Reads one opcode's argument; false at STOP or an unknown opcode. */
        private boolean step(int opcode) {
            switch (opcode) {
                case '.' -> {
                    return false;
                }
                case 'c', 'i' -> globals.add(line() + "." + line()); // GLOBAL, INST: module and name on two lines
                case 0x93 -> { // STACK_GLOBAL
                    int n = recentStrings.size();
                    if (n >= 2) {
                        globals.add(recentStrings.get(n - 2) + "." + recentStrings.get(n - 1));
                    }
                }
                case 0x8c -> pushString(utf8(unsigned(1))); // SHORT_BINUNICODE
                case 'X' -> pushString(utf8(unsigned(4))); // BINUNICODE
                case 0x8d -> pushString(utf8(unsigned(8))); // BINUNICODE8
                case 'V' -> pushString(line()); // UNICODE, raw-unicode-escaped: names are plain ASCII
                case 'q' -> remember(unsigned(1)); // BINPUT
                case 'r' -> remember(unsigned(4)); // LONG_BINPUT
                case 'p' -> remember(Long.parseLong(line().strip())); // PUT
                case 0x94 -> remember(memo.size()); // MEMOIZE
                case 'h' -> recall(unsigned(1)); // BINGET
                case 'j' -> recall(unsigned(4)); // LONG_BINGET
                case 'g' -> recall(Long.parseLong(line().strip())); // GET
                case 'K', 0x80, 0x82 -> pos += 1; // BININT1, PROTO, EXT1
                case 'U', 'C', 0x8a -> pos += length(1); // SHORT_BINSTRING, SHORT_BINBYTES, LONG1
                case 'M', 0x83 -> pos += 2;
                case 'J', 0x84 -> pos += 4;
                case 'T', 'B', 0x8b -> pos += length(4);
                case 'G' -> pos += 8; // BINFLOAT
                case 0x95 -> pos += 8; // FRAME: its length only; the framed opcodes follow inline
                case 0x8e, 0x96 -> pos += length(8); // BINBYTES8, BYTEARRAY8
                case 'I', 'L', 'F', 'S', 'P' -> line();
                default -> {
                    return NO_ARGUMENT.indexOf(opcode) >= 0;
                }
            }
            return true;
        }

        /** BINPUT, LONG_BINPUT, PUT, MEMOIZE. */
        private static final String MEMO_PUTS = "qrp\u0094";
        /** Opcodes that take no argument. */
        private static final String NO_ARGUMENT = "()]}01Nablodstue2RQ\u0081\u0085\u0086\u0087\u0088\u0089\u008f"
                + "\u0090\u0091\u0092\u0097\u0098";

        private void pushString(String s) {
            stringOnTop = true;
            recentStrings.add(s);
            if (recentStrings.size() > 2) {
                recentStrings.remove(0);
            }
        }

        private void remember(long index) {
            memo.put(index, stringOnTop ? recentStrings.get(recentStrings.size() - 1) : null);
        }

        private void recall(long index) {
            String s = memo.get(index);
            if (s != null) {
                pushString(s);
            }
        }

        private String line() {
            int start = pos;
            while (bytes[pos] != '\n') {
                pos++;
            }
            return new String(bytes, start, pos++ - start, StandardCharsets.UTF_8);
        }

        private String utf8(long length) {
            int n = Math.toIntExact(length);
            String s = new String(bytes, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** A little-endian length of {@code width} bytes, checked to fit in what remains. */
        private int length(int width) {
            long n = unsigned(width);
            if (n > bytes.length - pos) {
                throw new IndexOutOfBoundsException("length " + n + " past the end");
            }
            return (int) n;
        }

        private long unsigned(int width) {
            long value = 0;
            for (int i = 0; i < width; i++) {
                value |= (long) (bytes[pos + i] & 0xff) << (8 * i);
            }
            pos += width;
            if (value < 0) {
                throw new IndexOutOfBoundsException("length past 2^63");
            }
            return value;
        }
    }
}
