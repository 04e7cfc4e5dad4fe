package io.github.nnvizonnx.shapes.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches the child's resident memory and thread count where Linux shows them ({@code /proc/PID/status}) every few
 * milliseconds, and kills the child when either passes its cap. The address-space limit stops any one allocation at
 * once; this holds what the run really touches to the memory limit, which the address-space limit (the JVM reserves
 * far more than it touches) leaves room for. Without {@code /proc} it does nothing.
 */
final class MemoryWatch implements Runnable {
    /** Between two looks: memory touched at some 10 GB/s passes the cap by at most 50 MB before it is seen. */
    private static final long INTERVAL_MILLIS = 5;

    private final ProcessHandle process;
    private final long residentLimit;
    private final int threadLimit;
    private volatile String overrun;

    private MemoryWatch(ProcessHandle process, long residentLimit, int threadLimit) {
        this.process = process;
        this.residentLimit = residentLimit;
        this.threadLimit = threadLimit;
    }

    /** Starts watching {@code process} on a daemon thread that ends with it. */
    static MemoryWatch start(ProcessHandle process, long residentLimit, int threadLimit) {
        MemoryWatch watch = new MemoryWatch(process, residentLimit, threadLimit);
        Thread thread = new Thread(watch, "nnviz-onnx-run-watch");
        thread.setDaemon(true);
        thread.start();
        return watch;
    }

    /** Why the child was killed, or null. */
    String overrun() {
        return overrun;
    }

    @Override
    public void run() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            String text;
            try {
                text = new String(Files.readAllBytes(status), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return; // ended meanwhile, or no /proc here
            }
            long residentKb = field(text, "VmRSS:");
            long threads = field(text, "Threads:");
            if (residentKb * 1024 > residentLimit) {
                stop("it used more than " + io.github.nnvizonnx.shapes.ByteText.of(residentLimit) + " of memory");
                return;
            }
            if (threads > threadLimit) {
                stop("it started more than " + threadLimit + " threads");
                return;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void stop(String why) {
        overrun = why;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The number after {@code key} on its line of {@code /proc/PID/status}; 0 when absent. */
    static long field(String status, String key) {
        int at = status.indexOf(key);
        if (at < 0) {
            return 0;
        }
        long value = 0;
        int i = at + key.length();
        while (i < status.length() && (status.charAt(i) == ' ' || status.charAt(i) == '\t')) {
            i++;
        }
        for (; i < status.length() && Character.isDigit(status.charAt(i)); i++) {
            value = value * 10 + (status.charAt(i) - '0');
        }
        return value;
    }
}
