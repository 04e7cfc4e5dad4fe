package io.github.nnvizonnx.read;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.nnvizonnx.model.ModelGraph;
import io.github.nnvizonnx.model.ModelInfo;
import io.github.nnvizonnx.proto.Onnx.ModelProto;
import io.github.nnvizonnx.proto.Onnx.OperatorSetIdProto;
import io.github.nnvizonnx.proto.Onnx.StringStringEntryProto;
import io.github.nnvizonnx.read.hierarchy.Conventions;
import io.github.nnvizonnx.read.hierarchy.HierarchyConvention;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an ONNX file into a {@link ModelGraph}: weights are described but never loaded, the module tree is rebuilt
 * with the naming convention of the exporter that wrote the file, and If/Loop/Scan bodies and local functions are
 * read as nested modules.
 */
public final class OnnxReader {
    /** {@code hierarchy}: {@code auto} or one of {@link Conventions#NAMES}. */
    public record Options(String hierarchy) {
        public static Options defaults() {
            return new Options("auto");
        }
    }

    private OnnxReader() {
    }

    public static ModelGraph read(Path file) {
        return read(file, Options.defaults());
    }

    public static ModelGraph read(Path file, Options options) {
        return read(file, file.getFileName() == null ? file.toString() : file.getFileName().toString(), options);
    }

    /** Reads {@code file}, naming the model {@code source} (a converted model is named by its spec, not its file). */
    public static ModelGraph read(Path file, String source, Options options) {
        return toGraph(parse(file), source, options);
    }

    /** Parses the file without its weight payloads; every failure is an {@link InvalidModelException}. */
    static ModelProto parse(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidModelException(file + " is a directory, not an ONNX file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(8);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 0) {
                throw new InvalidModelException(file + " is empty");
            }
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                throw new InvalidModelException(file + " is a ZIP archive (a PyTorch checkpoint?), not an ONNX model;"
                        + " export it to ONNX first");
            }
            ModelProto model = new WeightlessParser().parse(in);
            if (!model.hasGraph() || (model.getIrVersion() <= 0 && model.getOpsetImportCount() == 0)) {
                throw new InvalidModelException(file + " is not an ONNX model (no graph and no IR version found)");
            }
            return model;
        } catch (NoSuchFileException e) {
            throw new InvalidModelException("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new InvalidModelException("cannot read " + file + ": permission denied");
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidModelException(file + " is not a valid ONNX file (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw new InvalidModelException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new InvalidModelException(file + " is nested too deeply to read", null);
        }
    }

    private static String describe(InvalidProtocolBufferException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("ended unexpectedly") || message.contains("truncated")) {
            return "truncated: the data ends in the middle of a message";
        }
        if (message.contains("too many levels of nesting")) {
            return "nested too deeply";
        }
        return "protobuf: " + message.lines().findFirst().orElse("malformed data");
    }

    static ModelGraph toGraph(ModelProto model, String source, Options options) {
        boolean callsFunctions = GraphImporter.callsLocalFunctions(model.getGraph(), model.getFunctionsList());
        String chosen = options.hierarchy().equalsIgnoreCase("auto")
                ? Conventions.detect(GraphImporter.views(model.getGraph().getNodeList()), callsFunctions)
                : options.hierarchy().toLowerCase(java.util.Locale.ROOT);
        HierarchyConvention convention = Conventions.byName(chosen);
        boolean functionModules = !chosen.equals("flat");
        ModelInfo info = new ModelInfo(source, model.getIrVersion(), model.getProducerName(),
                model.getProducerVersion(), opsets(model), metadata(model), model.getGraph().getName(), chosen,
                ExternalDataLocations.of(model));
        try {
            ModelGraph graph = new GraphImporter(convention, functionModules, model.getFunctionsList())
                    .importMain(model.getGraph(), info);
            return ModuleClassMap.from(info.metadata()).applyTo(graph);
        } catch (StackOverflowError e) {
            throw new InvalidModelException(source + " is nested too deeply to read", null);
        }
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
