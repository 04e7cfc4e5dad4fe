package io.github.nnvizonnx.convert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a PyTorch file holds, told from its ZIP layout and its pickle's opcodes, without Python and without unpickling:
 * {@code torch.jit.save} writes one root folder with {@code code/}, {@code constants.pkl} and {@code data.pkl};
 * {@code torch.save} writes {@code data.pkl} without {@code code/}. A {@code torch.save} file holds a whole model when
 * its pickle names a class beyond containers and tensors ({@code objectClass}), else weights only (a state dict, or a
 * checkpoint dict of them).
 */
record SavedModel(Kind kind, String objectClass) {
    /** The three things a saved PyTorch file can be. */
    enum Kind {
        /** A TorchScript archive: loaded with {@code torch.jit.load}, which runs no pickled Python code. */
        TORCHSCRIPT,
        /** A whole object pickled with {@code torch.save}: loading it imports and calls what it names. */
        PICKLED_MODEL,
        /** Tensors in dicts and lists, nothing that builds a model. */
        WEIGHTS
    }

    /** A ZIP file's first bytes. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The largest data.pkl read for its opcodes: a model's is kilobytes, its tensors live in other entries. */
    private static final int MAX_PICKLE_BYTES = 64 << 20;
    /**
     * Modules whose names a pickle of plain weights refers to: containers, tensor and storage rebuilding, numpy
     * scalars. Anything else (torch.nn.modules.conv, torchvision.models.resnet, a user's module) is code that builds
     * an object.
     */
    private static final Set<String> DATA_MODULES = Set.of("collections", "builtins", "__builtin__", "copyreg",
            "_codecs", "torch", "torch._utils", "torch._tensor", "torch.serialization", "numpy",
            "numpy.core.multiarray", "numpy._core.multiarray");

    /**
     * What {@code file} is, or empty when it is not a ZIP archive of torch's layout (the ONNX reader then says what
     * it is not).
     */
    static Optional<SavedModel> inspect(Path file) {
        // a FIFO or a device would block or never end: only a regular file is opened here (the reader refuses the rest)
        if (!Files.isRegularFile(file) || !startsWithZipMagic(file)) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
            String root = singleRoot(names);
            if (root != null && names.contains(root + "constants.pkl")
                    && names.stream().anyMatch(n -> n.startsWith(root + "code/"))) {
                return Optional.of(new SavedModel(Kind.TORCHSCRIPT, null));
            }
            ZipEntry data = root == null ? null : zip.getEntry(root + "data.pkl");
            return data == null ? Optional.empty() : Optional.of(ofPickle(readPickle(zip, data)));
        } catch (IOException e) { // a damaged archive (ZipException) included
            return Optional.empty();
        }
    }

    /** A pickled model's class, or weights only when every name the pickle uses is one of {@link #DATA_MODULES}. */
    static SavedModel ofPickle(byte[] pickle) {
        for (String global : PickleGlobals.of(pickle)) {
            int dot = global.lastIndexOf('.');
            if (!DATA_MODULES.contains(dot < 0 ? global : global.substring(0, dot))) {
                return new SavedModel(Kind.PICKLED_MODEL, global);
            }
        }
        return new SavedModel(Kind.WEIGHTS, null);
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false; // not readable here: the ONNX reader says why
        }
    }

    /** {@code root/} when every entry is under one folder, else null. */
    private static String singleRoot(List<String> names) {
        String root = null;
        for (String name : names) {
            int slash = name.indexOf('/');
            if (slash <= 0) {
                return null;
            }
            String first = name.substring(0, slash + 1);
            if (root != null && !root.equals(first)) {
                return null;
            }
            root = first;
        }
        return root;
    }

    /** The pickle's first {@link #MAX_PICKLE_BYTES}: past them, names are not looked for (the model is assumed). */
    private static byte[] readPickle(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(MAX_PICKLE_BYTES);
        }
    }
}
