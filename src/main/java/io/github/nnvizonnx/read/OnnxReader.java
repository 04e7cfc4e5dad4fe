package io.github.nnvizonnx.read;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.read.hierarchy.Conventions;
import io.github.nnvizonnx.read.hierarchy.FlatConvention;
import io.github.nnvizonnx.read.hierarchy.HierarchyConvention;
import io.github.nnvizonnx.read.hierarchy.NodeView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX file into a {@link ModelGraph}: weights are described but never loaded, the module tree is rebuilt
 * with the naming convention of the exporter that wrote the file, and If/Loop/Scan bodies and local functions are
 * read as nested modules.
 */
public final class OnnxReader {
    /** {@code hierarchy}: {@code auto} or one of the names of {@link Conventions#installed()}. */
    public record Options(String hierarchy) {
        /** The convention detected per file. */
        public static Options defaults() {
            return new Options("auto");
        }
    }

    /** The largest message protobuf reads. */
    private static final int MAX_MESSAGE = Integer.MAX_VALUE;

    private OnnxReader() {
    }

    /**
     * Starts building protobuf's description of the ONNX schema on another thread, so that a program which will read
     * a model soon (the command line, while it parses its options) finds it ready: some 40 ms of a small run, done
     * on the second core. Reading does not need this; it waits for a build in progress.
     */
    public static void prepareInBackground() {
        Thread schema = new Thread(io.github.nnvizonnx.proto.Onnx::getDescriptor, "onnx-schema");
        schema.setDaemon(true);
        schema.start();
    }

    /** Reads {@code file} with the convention detected from it. */
    public static ModelGraph read(Path file) {
        return read(file, Options.defaults());
    }

    /** Reads {@code file}, naming the model by its file name. */
    public static ModelGraph read(Path file, Options options) {
        return read(file, file.getFileName() == null ? file.toString() : file.getFileName().toString(), options);
    }

    /** Reads {@code file}, naming the model {@code source} (a converted model is named by its spec, not its file). */
    public static ModelGraph read(Path file, String source, Options options) {
        WeightlessParser.Parsed parsed = parse(file);
        try {
            return toGraph(parsed, source, options);
        } catch (UncheckedIOException e) {
            // a node or value_info parsed while importing (the main graph's lists are parsed on demand)
            if (e.getCause() instanceof InvalidProtocolBufferException bad) {
                throw invalid(file, bad);
            }
            throw e;
        }
    }

    /**
     * The file, when it parses as an ONNX model (weights are skipped, and the main graph's nodes are parsed only when
     * read); else an {@link InvalidModelException} says why not.
     */
    public static Path check(Path file) {
        parse(file);
        return file;
    }

    /** Parses the file without its weight payloads; every failure is an {@link InvalidModelException}. */
    static WeightlessParser.Parsed parse(Path file) {
        requireRegularFile(file);
        try {
            ByteBuffer bytes = contents(file);
            if (bytes.limit() == 0) {
                throw new InvalidModelException(file + " is empty");
            }
            if (bytes.limit() >= 4 && bytes.get(0) == 'P' && bytes.get(1) == 'K' && bytes.get(2) == 3
                    && bytes.get(3) == 4) {
                throw new InvalidModelException(file + " is a ZIP archive, not an ONNX model (a PyTorch model saved"
                        + " with torch.jit.save or torch.save is converted when given as MODEL)");
            }
            WeightlessParser.Parsed parsed = WeightlessParser.parse(bytes);
            ModelProto model = parsed.model();
            if (!model.hasGraph()) {
                throw new InvalidModelException(file + " is not an ONNX model (it holds no graph)");
            }
            if (model.getIrVersion() <= 0 && model.getOpsetImportCount() == 0) {
                throw new InvalidModelException(file + " is not an ONNX model (no IR version and no opset found)");
            }
            return parsed;
        } catch (NoSuchFileException e) {
            throw new InvalidModelException("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new InvalidModelException("cannot read " + file + ": permission denied");
        } catch (InvalidProtocolBufferException e) {
            throw invalid(file, e);
        } catch (IOException e) {
            throw new InvalidModelException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new InvalidModelException(file + " is nested too deeply to read", null);
        }
    }

    /**
     * Refuses, from the file's attributes alone, anything but a regular file (or a link to one): opening a FIFO
     * blocks until someone writes to it, and a device such as {@code /dev/zero} never ends.
     */
    public static void requireRegularFile(Path file) {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InvalidModelException("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new InvalidModelException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new InvalidModelException("cannot read " + file, e);
        }
        if (attributes.isDirectory()) {
            throw new InvalidModelException(file + " is a directory, not an ONNX file");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidModelException(file + " is not a regular file (a pipe, device or socket); save the model"
                    + " to a file first");
        }
    }

    /**
     * How many nodes the file's main graph holds, local function calls not expanded, counted without decoding
     * anything; -1 when the file cannot be walked.
     */
    public static long mainGraphNodeCount(Path file) {
        return NodeCount.of(file);
    }

    /** The file's bytes, mapped: pages of weights that are skipped are never read from disk. */
    private static ByteBuffer contents(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_MESSAGE) {
                throw tooLarge(file, String.format(java.util.Locale.ROOT, "%.1f GB", size / 1e9));
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }

    /**
     * protobuf reads no message over 2 GiB (its sizes are 32-bit), so no ONNX reader can read such a file; exporters
     * put the weights of larger models in external data files, and that is what the message says to do.
     */
    private static InvalidModelException tooLarge(Path file, String size) {
        return new InvalidModelException(file + " is " + size + ", over the 2 GiB that protobuf allows for one"
                + " message, so it is not a readable ONNX file: save the weights as external data (torch.onnx.export"
                + " does so by itself above 2 GiB; onnx.save_model(model, path, save_as_external_data=True))");
    }

    private static InvalidModelException invalid(Path file, InvalidProtocolBufferException e) {
        return new InvalidModelException(file + " is not a valid ONNX file (" + describe(e) + ")", e);
    }

    /** What is wrong with the bytes, in our words: protobuf's own wording names its classes and methods. */
    private static String describe(InvalidProtocolBufferException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("ended unexpectedly") || message.contains("truncated")) {
            return "truncated: the data ends in the middle of a message";
        }
        if (message.contains("too many levels of nesting")) {
            return "nested too deeply";
        }
        if (message.contains("invalid tag") || message.contains("end-group tag")) {
            return "a field number that is not valid";
        }
        if (message.contains("wire type")) {
            return "a field of an unknown kind";
        }
        if (message.contains("varint")) {
            return "a malformed number";
        }
        if (message.contains("negative size") || message.contains("embedded string")) {
            return "a length that does not fit the data";
        }
        if (message.contains("utf-8")) {
            return "text that is not valid UTF-8";
        }
        return "malformed data";
    }

    static ModelGraph toGraph(WeightlessParser.Parsed parsed, String source, Options options) {
        ModelProto model = parsed.model();
        GraphContent main = parsed.mainGraph();
        List<NodeView> views = GraphImporter.views(main.nodes());
        boolean callsFunctions = LocalFunctions.anyCalled(main.nodes(), model.getFunctionsList());
        int wholeModelCall = WholeModelCall.in(views, main.nodes(), model.getFunctionsList());
        HierarchyConvention convention = Conventions.byName(options.hierarchy().equalsIgnoreCase(Conventions.AUTO)
                ? detect(main, views, callsFunctions, wholeModelCall != WholeModelCall.NONE) : options.hierarchy());
        String chosen = convention.name();
        boolean functionModules = convention.callsAreModules();
        ModelInfo info = new ModelInfo(source, model.getIrVersion(), model.getProducerName(),
                model.getProducerVersion(), opsets(model), metadata(model), model.getGraph().getName(), chosen)
                .withExpandedOperations(callsFunctions ? LocalFunctions.expandedSize(main.nodes(),
                        model.getFunctionsList()) : 0);
        try {
            ModelGraph graph = new GraphImporter(convention, functionModules, model.getFunctionsList())
                    .importMain(main, views, wholeModelCall, info);
            return ModuleClassMap.from(info.metadata()).applyTo(graph);
        } catch (StackOverflowError e) {
            throw new InvalidModelException(source + " is nested too deeply to read", null);
        }
    }

    /**
     * The convention of the main graph's names; when they carry none, of its bodies' too (a model wrapped in one If
     * has plain names outside and the exporter's inside).
     */
    private static String detect(GraphContent main, List<NodeView> views, boolean callsFunctions,
                                 boolean wholeModelIsOneCall) {
        String detected = Conventions.detect(views, callsFunctions, wholeModelIsOneCall);
        if (!detected.equals(new FlatConvention().name())) {
            return detected;
        }
        List<NodeView> inBodies = BodyNodeViews.of(main.nodes(), views);
        if (inBodies.isEmpty()) {
            return detected;
        }
        List<NodeView> all = new ArrayList<>(views);
        all.addAll(inBodies);
        return Conventions.detect(all, callsFunctions, wholeModelIsOneCall);
    }

    private static Map<String, Long> opsets(ModelProto model) {
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            opsets.put(o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain(), o.getVersion());
        }
        return opsets;
    }

    private static Map<String, String> metadata(ModelProto model) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            metadata.put(e.getKey(), e.getValue());
        }
        return metadata;
    }
}
