package io.github.nnvizonnx.shapes;

/**
 * Where the shapes pass gets the runner for one request: by default a child process started with the request's
 * limits ({@code shapes.child.ChildRunner}); in tests, a fake.
 */
@FunctionalInterface
public interface RunnerSource {
    /** A runner for {@code request}'s run; the pass closes it afterwards. */
    ShapeRunner open(ShapeRequest request) throws ShapeRunException;

    /** The default: a fresh child process of its own for each run. */
    static RunnerSource isolated() {
        return request -> io.github.nnvizonnx.shapes.child.ChildRunner.start(request.memoryLimitBytes(),
                request.timeLimit());
    }
}
