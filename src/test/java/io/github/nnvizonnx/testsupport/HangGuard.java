package io.github.nnvizonnx.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a test waits for something that only a hang would keep from finishing. A loaded two-core machine makes
 * an 11 s case take 30 s, so the guard is far above any real run: it catches hangs, never slowness (speed belongs to
 * the benchmarks in {@code bench/}).
 */
public final class HangGuard {
    /** The wait; no test waits less for a run to end. */
    public static final Duration LIMIT = Duration.ofMinutes(2);
    /** {@link #LIMIT} in {@link #UNIT}s, for {@code Process.waitFor} and {@code Future.get}. */
    public static final long AMOUNT = LIMIT.toSeconds();
    public static final TimeUnit UNIT = TimeUnit.SECONDS;

    private HangGuard() {
    }
}
