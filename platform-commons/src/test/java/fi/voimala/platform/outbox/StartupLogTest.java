package fi.voimala.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A healthy start logs no ERROR: the first thing an operator reads must not look like a failure. The relay used to
 * log "Unable to connect an emitter with the channel 'outbox'" (SRMSG00019, from the scheduler) at every start,
 * because its first tick came before the messaging channels were wired. Reads this run's part of the test log file
 * (application.properties writes it): no ERROR up to 2 s after "started in", and no scheduler error or SRMSG00019 at
 * all. A profile of its own gives this test a start of its own, so that no other test's deliberate failures (dead
 * letters, an outage) fall into that window, whatever order the tests run in.
 */
@QuarkusTest
@TestProfile(StartupLogTest.OwnStart.class)
class StartupLogTest {

    /** No settings of its own: a separate profile only so that Quarkus starts anew for this test. */
    public static class OwnStart implements QuarkusTestProfile {
    }

    private static final Path LOG = Path.of("target/platform-commons-test.log");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Duration AFTER_START = Duration.ofSeconds(2);

    @Test
    void aHealthyStartLogsNoError() throws IOException, InterruptedException {
        List<String> run = thisRun();
        LocalDateTime started = run.stream().filter(line -> line.contains(" started in ")).map(StartupLogTest::time)
                .findFirst().orElseThrow(() -> new AssertionError("no 'started in' line in " + LOG));
        Duration wait = Duration.between(LocalDateTime.now(), started.plus(AFTER_START));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis() + 200);
            run = thisRun();
        }
        List<String> errors = new ArrayList<>();
        boolean atStart = true;
        for (String line : run) {
            LocalDateTime time = time(line);
            if (time != null && time.isAfter(started.plus(AFTER_START))) {
                atStart = false;
            }
            if ((atStart && line.contains(" ERROR ")) || line.contains("SRMSG00019")
                    || (line.contains(" ERROR ") && line.contains("scheduler"))) {
                errors.add(line);
            }
        }
        assertEquals(List.of(), errors, "ERROR lines at start");
    }

    /** The lines since the previous run stopped: the file is appended to by every run. */
    private static List<String> thisRun() throws IOException {
        assertTrue(Files.exists(LOG), LOG + " is written (quarkus.log.file.path)");
        List<String> lines = Files.readAllLines(LOG);
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" stopped in ")) {
                from = i + 1;
            }
        }
        return lines.subList(from, lines.size());
    }

    private static LocalDateTime time(String line) {
        try {
            return line.length() < 23 ? null : LocalDateTime.parse(line.substring(0, 23), TIME);
        } catch (RuntimeException e) {
            return null; // a stack trace line
        }
    }
}
