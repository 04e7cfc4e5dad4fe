package io.github.nnvizonnx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an export depends on, hashed into the name of its cache file: the spec as typed, the input spec, the python
 * executable, the content of the spec's source file or saved model (when it names one; "" otherwise), the converter
 * script's version and the form exported ({@code deployed}: BatchNorm folded). A module spec ({@code package.module:Net}) cannot see edits to installed packages; {@code --no-cache}
 * exports again.
 */
record ExportKey(String spec, String inputSpec, String python, String sourceDigest, String converterVersion,
                 boolean deployed) {
    /** The key of the form with the layers as written. */
    ExportKey(String spec, String inputSpec, String python, String sourceDigest, String converterVersion) {
        this(spec, inputSpec, python, sourceDigest, converterVersion, false);
    }

    /** The SHA-256 of all parts, hex; each part is length-prefixed so that no two key sets hash alike by joining. */
    public String hash() {
        MessageDigest digest = sha256();
        for (String part : new String[] {spec, inputSpec, python, sourceDigest, converterVersion,
                deployed ? "deployed" : ""}) {
            byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part == null ? -1 : bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a file's content, hex, read in blocks (a saved model can be gigabytes). */
    static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                digest.update(block, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of some bytes, hex. */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
