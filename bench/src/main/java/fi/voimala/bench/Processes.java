package fi.voimala.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs the bench's external tools (wrk, pgbench, psql, the launcher) and returns what they printed. */
final class Processes {

    private Processes() {
    }

    /** Runs the process to its end (at most {@code timeoutSeconds}); fails, with its output, if it exits non-zero. */
    static String run(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
        builder.redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", builder.command()) + " did not end within " + timeoutSeconds + " s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", builder.command()) + " exited with " + process.exitValue() + ":\n"
                    + text);
        }
        return text;
    }
}
