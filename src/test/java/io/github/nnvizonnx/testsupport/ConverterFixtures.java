package io.github.nnvizonnx.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Python models and stand-in interpreters for tests of the PyTorch converter. */
public final class ConverterFixtures {
    /**
     * A model with constructor arguments: {@code Tower(width, depth, name)} is a stem Linear(16, width), {@code depth}
     * {@code Stage}s (Linear + GELU) in a Sequential, and a head Linear(width, 2). {@code name} must be a string.
     */
    public static final String TOWER_PY = """
            import torch
            from torch import nn


            class Stage(nn.Module):
                def __init__(self, width):
                    super().__init__()
                    self.linear = nn.Linear(width, width)
                    self.act = nn.GELU()

                def forward(self, x):
                    return self.act(self.linear(x))


            class Tower(nn.Module):
                def __init__(self, width=8, depth=1, name=None):
                    super().__init__()
                    if not isinstance(name, str):
                        raise TypeError("name must be a string, got %r" % (name,))
                    self.stem = nn.Linear(16, width)
                    self.stages = nn.Sequential(*[Stage(width) for _ in range(depth)])
                    self.head = nn.Linear(width, 2)

                def forward(self, x):
                    return self.head(self.stages(self.stem(x)))


            class Broken(nn.Module):
                def __init__(self):
                    super().__init__()
                    raise ValueError("this model cannot be built")
            """;

    private ConverterFixtures() {
    }

    /** A cache shared by the tests that convert the same models, so that each is exported once per build. */
    public static Path sharedCache() {
        return ExternalTools.projectDir().resolve("target").resolve("convert-cache");
    }

    public static Path writeTower(Path dir) {
        try {
            return Files.writeString(dir.resolve("tower.py"), TOWER_PY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A real python that cannot import torch (or anything else outside the standard library): Debian's python
     * started with {@code -S}, which leaves out site- and dist-packages.
     */
    public static Path pythonWithoutTorch(Path dir) {
        ExternalTools.require("python at " + TorchExports.PYTHON, Files.isExecutable(Path.of(TorchExports.PYTHON)));
        return executable(dir, "python-without-torch", "exec " + TorchExports.PYTHON + " -S \"$@\"");
    }

    /** An "interpreter" that never finishes, for the time limit. */
    public static Path pythonThatHangs(Path dir) {
        return executable(dir, "python-that-hangs", "exec sleep 600");
    }

    /** A shell script standing in for python. */
    public static Path executable(Path dir, String name, String body) {
        ExternalTools.require("a POSIX shell at /bin/sh", Files.isExecutable(Path.of("/bin/sh")));
        try {
            Path script = dir.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
