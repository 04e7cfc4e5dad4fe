package io.github.nnvizonnx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's resources. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/nnviz-onnx.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"nnviz-onnx " + p.getProperty("version", "(development build)")};
    }
}
