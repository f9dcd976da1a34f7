package fi.voimala.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own insert rate on the platform's server: the limit for the write throughputs. pgbench runs insert
 * transactions in a database of its own (voimala_bench) at the same concurrency as the writes through the gateway, and
 * logs every transaction's latency (-l) for the percentiles: one-row inserts of a professional-sized row with a JSON
 * column ({@link #run(int, int, int)}), or a script of the caller's ({@link #run(String, String, int, int, int, List)},
 * e.g. what a session record inserts, in tables made by sessions-service's own migrations: {@link #recreate}).
 */
final class PgBench {

    static final String DATABASE = "voimala_bench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    record Result(double perSecond, Stats latencyMs, long transactions) {
    }

    private final String host;
    private final String port;
    private final String user;
    private final Path work;

    PgBench(String host, String port, String user, Path work) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.work = work;
    }

    /** Creates the bench database and its table (empty) when missing. */
    void prepare() throws IOException, InterruptedException {
        String exists = psql("postgres", "select 1 from pg_database where datname = '" + DATABASE + "'").trim();
        if (exists.isEmpty()) {
            psql("postgres", "create database " + DATABASE);
        }
        psql(DATABASE, "create table if not exists bench_insert (id uuid primary key default gen_random_uuid(),"
                + " organisation_id uuid not null, first_name text not null, last_name text not null,"
                + " email text not null, methods jsonb not null, created_at timestamptz not null default now());"
                + " truncate bench_insert");
    }

    /** Drops the bench database again: the run leaves nothing behind in the user's PostgreSQL. */
    void drop() throws IOException, InterruptedException {
        psql("postgres", "drop database if exists " + DATABASE + " with (force)");
    }

    /**
     * A fresh bench database (an old one, e.g. of a broken run, dropped first), made by these SQL files in their order
     * and then {@code sql}.
     */
    void recreate(List<Path> files, String sql) throws IOException, InterruptedException {
        drop();
        psql("postgres", "create database " + DATABASE);
        for (Path file : files) {
            Processes.run(new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port,
                    "-U", user, "-d", DATABASE, "-f", file.toString()), 60);
        }
        psql(DATABASE, sql);
    }

    Result run(int clients, int threads, int seconds) throws IOException, InterruptedException {
        return run("insert", "insert into bench_insert (organisation_id, first_name, last_name, email, methods)"
                + " values (gen_random_uuid(), 'Bench', 'Writer ' || :client_id, 'bench-' || random() || '@example.fi',"
                + " '[\"SINGING\"]');\n", clients, threads, seconds, List.of());
    }

    /** Runs the pgbench {@code script} (written to {@code name}.sql) with these further pgbench options. */
    Result run(String name, String script, int clients, int threads, int seconds, List<String> options)
            throws IOException, InterruptedException {
        return run(DATABASE, name, script, clients, threads, seconds, options);
    }

    /** The same in another database of the server (e.g. a service's own, for read-only scripts). */
    Result run(String database, String name, String script, int clients, int threads, int seconds,
               List<String> options) throws IOException, InterruptedException {
        Files.createDirectories(work);
        try (Stream<Path> old = Files.list(work)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("pgbench_log")).toList()) {
                Files.delete(file);
            }
        }
        Path file = work.resolve(name + ".sql");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", host, "-p", port, "-U", user,
                "-c", String.valueOf(clients), "-j", String.valueOf(threads), "-T", String.valueOf(seconds),
                "-f", file.toString(), "-l", "--log-prefix=" + work.resolve("pgbench_log")));
        command.addAll(options);
        command.add(database);
        String output = Processes.run(new ProcessBuilder(command), seconds + 120);
        double[] latencies = latencies(work);
        return new Result(tps(output), Stats.of(latencies), latencies.length);
    }

    static double tps(String output) throws IOException {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IOException("pgbench printed no tps line:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Milliseconds per transaction from pgbench's per-transaction logs (third column: latency in microseconds). */
    static double[] latencies(Path dir) throws IOException {
        List<Double> values = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("pgbench_log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length >= 3) {
                        values.add(Long.parseLong(columns[2]) / 1000.0);
                    }
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Runs {@code sql} (psql's -c: SQL or one backslash command) in {@code database}; answers what it printed. */
    String psql(String database, String sql) throws IOException, InterruptedException {
        return Processes.run(new ProcessBuilder("psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", host,
                "-p", port, "-U", user, "-d", database, "-c", sql), 600);
    }
}
