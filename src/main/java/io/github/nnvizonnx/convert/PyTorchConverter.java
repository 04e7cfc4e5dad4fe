package io.github.nnvizonnx.convert;

import io.github.nnvizonnx.internal.cleanup.ExitCleanup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs {@code converters/pytorch/export_onnx.py} with the chosen python: it builds the model, exports it with the
 * TorchScript exporter (module scopes in node names) and records module classes in metadata_props. Exports are
 * cached by {@link ExportKey}, so drawing the same model again does not start python at all.
 */
public final class PyTorchConverter implements Converter {
    static final String SCRIPT_RESOURCE = "/converters/pytorch/export_onnx.py";
    /** The script's exit codes besides 0 and 1 (see its docstring). */
    static final int EXIT_USAGE = 2;
    static final int EXIT_MISSING_PACKAGE = 3;
    /** The prefix of the script's own one-line summary. */
    static final String SCRIPT_PREFIX = "nnviz-onnx converter: ";
    /** How much of a failed converter's output is shown under the error line. */
    static final int DETAIL_LINES = 8;
    /** The lines under a traceback's source lines that only point at a column ({@code ^^^^}, {@code ~~~}). */
    private static final Pattern CARETS = Pattern.compile("\\s*[\\^~]+\\s*");

    private final ConverterScript script = ConverterScript.bundled(SCRIPT_RESOURCE);

    @Override
    public String framework() {
        return "pytorch";
    }

    @Override
    public Export convert(ModelSpec spec, ConversionSettings settings) {
        if (spec.kind() == ModelSpec.Kind.PICKLE && !settings.trustPickle()) {
            throw new ConversionException(spec.text() + " is a whole model pickled with torch.save (" + spec.symbol()
                    + "); loading it imports and runs code the file names: add --trust-pickle if you trust it, or"
                    + " draw the class itself (package.module:Class or file.py:Class)", List.of(), true);
        }
        ExportCache cache = new ExportCache(settings.cacheDir());
        Path out = cache.exportFile(spec, key(spec, settings));
        if (settings.useCache() && Files.isRegularFile(out)) {
            settings.log().accept("using cached export " + out);
            return new Export(out, true);
        }
        settings.log().accept("exporting " + spec.text() + " with " + settings.python() + " (PyTorch)...");
        try {
            Path scriptFile = script.installIn(cache.converters());
            Files.createDirectories(cache.exports());
            Subprocess.Outcome outcome = runLogged(command(scriptFile, spec, settings, out), cache.exports(), spec,
                    settings);
            if (outcome.exitCode() != 0 || !Files.isRegularFile(out)) {
                throw failure(spec, settings, outcome);
            }
            return new Export(out, false);
        } catch (Subprocess.TimedOut e) {
            throw new ConversionException("cannot convert " + spec.text() + ": " + e.getMessage()
                    + " (raise the limit with --convert-timeout)");
        } catch (IOException e) {
            throw new ConversionException("cannot convert " + spec.text() + ": " + describe(e, settings));
        }
    }

    /** Runs the converter with its output in a log that is deleted afterwards, or when nnviz-onnx is stopped. */
    private static Subprocess.Outcome runLogged(List<String> command, Path dir, ModelSpec spec,
            ConversionSettings settings) throws IOException, Subprocess.TimedOut {
        try (ExitCleanup.Tracked<Path> log = ExitCleanup.createTempFile(dir, "." + spec.shortName() + ".", ".log")) {
            try {
                return Subprocess.run(command, Map.of("PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1"),
                        log.get(), settings.timeout());
            } finally {
                deleteQuietly(log.get());
            }
        }
    }

    static List<String> command(Path scriptFile, ModelSpec spec, ConversionSettings settings, Path out) {
        List<String> command = new ArrayList<>(List.of(settings.python(), scriptFile.toString(), spec.text(),
                out.toString()));
        if (settings.inputSpec() != null) {
            command.add("--input");
            command.add(settings.inputSpec());
        }
        if (settings.deployed()) {
            command.add("--deployed");
        }
        if (spec.kind() == ModelSpec.Kind.PICKLE && settings.trustPickle()) {
            command.add("--trust-pickle");
        }
        return command;
    }

    ExportKey key(ModelSpec spec, ConversionSettings settings) {
        String sourceDigest = "";
        if (spec.sourceFile().isPresent()) {
            Path source = spec.sourceFile().get();
            try {
                sourceDigest = spec.isSavedModel() ? new ExportCache(settings.cacheDir()).digests().sha256(source)
                        : ExportKey.sha256Hex(source); // a .py file is small, and edited often
            } catch (NoSuchFileException e) {
                throw new ConversionException("no such file: " + source);
            } catch (IOException e) {
                throw new ConversionException("cannot read " + source + ": " + e.getMessage());
            }
        }
        return new ExportKey(spec.text(), settings.inputSpec(), settings.python(), sourceDigest, script.version(),
                settings.deployed());
    }

    /** One line from the converter's summary (its last line); the lines before it as details when they help. */
    private static ConversionException failure(ModelSpec spec, ConversionSettings settings, Subprocess.Outcome outcome) {
        List<String> lines = outcome.lines();
        String last = lines.isEmpty() ? "no output (exit code " + outcome.exitCode() + ")" : lines.get(lines.size() - 1);
        boolean summarised = last.startsWith(SCRIPT_PREFIX);
        String summary = summarised ? last.substring(SCRIPT_PREFIX.length()) : last;
        if (outcome.exitCode() == EXIT_MISSING_PACKAGE && summarised) {
            return new ConversionException(summary + "; install it for that python, or choose another with --python"
                    + " or " + ConversionSettings.PYTHON_ENV);
        }
        if (outcome.exitCode() == EXIT_USAGE && summarised) {
            return new ConversionException("cannot convert " + spec.text() + ": " + summary, List.of(), true);
        }
        List<String> details = details(lines.isEmpty() ? List.of() : lines.subList(0, lines.size() - 1), summary);
        String exit = outcome.exitCode() == 0 ? "no ONNX file was written" : "exit code " + outcome.exitCode();
        return new ConversionException("cannot convert " + spec.text() + " with " + settings.python() + " (" + exit
                + "): " + summary, details, false);
    }

    /** The last lines before the summary that say something: no caret markers, no repeat of the summary. */
    static List<String> details(List<String> before, String summary) {
        List<String> useful = new ArrayList<>(before.stream().filter(l -> !CARETS.matcher(l).matches()).toList());
        if (!useful.isEmpty() && useful.get(useful.size() - 1).strip().equals(summary.strip())) {
            useful.remove(useful.size() - 1);
        }
        return useful.subList(Math.max(0, useful.size() - DETAIL_LINES), useful.size());
    }

    private static String describe(IOException e, ConversionSettings settings) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Cannot run program")) {
            return "cannot run python '" + settings.python() + "' (" + message.replaceFirst(".*error=\\d+, ", "")
                    + "); choose one with --python or " + ConversionSettings.PYTHON_ENV;
        }
        return e.getClass().getSimpleName() + ": " + message;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover log in the cache is harmless
            }
        }
    }
}
