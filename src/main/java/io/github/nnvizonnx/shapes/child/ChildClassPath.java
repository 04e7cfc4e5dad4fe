package io.github.nnvizonnx.shapes.child;

import io.github.nnvizonnx.shapes.ShapeRunException;
import java.io.File;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path of the run's child process: the jars or folders our classes, onnxruntime's and protobuf's were
 * loaded from, found through their class files, so that a library user's class path (a build tool's, an
 * application server's) works as well as our launcher's single jar. onnxruntime's classes are looked up as files,
 * never loaded: this process does not need them.
 */
final class ChildClassPath {
    /** One class of each part the child needs: ours, onnxruntime's Java layer, protobuf's runtime. */
    private static final String[] CLASS_FILES = {"io/github/nnvizonnx/shapes/ort/IsolatedRun.class",
        "ai/onnxruntime/OrtEnvironment.class", "com/google/protobuf/CodedInputStream.class"};

    private ChildClassPath() {
    }

    static String find() throws ShapeRunException {
        ClassLoader loader = ChildClassPath.class.getClassLoader();
        Set<String> entries = new LinkedHashSet<>();
        for (String classFile : CLASS_FILES) {
            URL url = loader.getResource(classFile);
            if (url == null) {
                throw new ShapeRunException("onnxruntime is not available (no " + classFile.replace('/', '.')
                        .replaceFirst("\\.class$", "") + " on the class path)");
            }
            entries.add(rootOf(url, classFile));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or folder a class file's URL points into. */
    private static String rootOf(URL url, String classFile) throws ShapeRunException {
        try {
            if (url.getProtocol().equals("jar")) {
                return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI()).toString();
            }
            if (url.getProtocol().equals("file")) {
                Path root = Path.of(url.toURI());
                for (int depth = classFile.split("/").length; depth > 0; depth--) {
                    root = root.getParent();
                }
                return root.toString();
            }
        } catch (java.io.IOException | URISyntaxException | RuntimeException e) {
            // described below
        }
        throw new ShapeRunException("cannot start onnxruntime's process: the classes at " + url
                + " are not in a jar or folder it can load");
    }
}
