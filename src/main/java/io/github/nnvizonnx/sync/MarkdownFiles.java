package io.github.nnvizonnx.sync;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown files a path stands for: a file itself (whatever its name), or the {@code .md} and {@code .markdown}
 * files under a folder, recursively, in name order. Hidden folders ({@code .git}, {@code .venv}) are not entered,
 * and links to folders are not followed (no cycles, nothing outside the tree).
 */
public final class MarkdownFiles {
    private MarkdownFiles() {
    }

    /** The files {@code path} stands for; a path that does not exist throws {@link java.nio.file.NoSuchFileException}. */
    public static List<Path> under(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean hidden = !dir.equals(path) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isMarkdown(file) && Files.isRegularFile(file)) { // a link to a file counts as the file
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
