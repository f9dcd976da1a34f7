package fi.voimala.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line every tool takes: {@code [--bootstrap HOST:PORT] [--follow] TOPIC}. The broker defaults to
 * {@code $VOIMALA_KAFKA_BOOTSTRAP}, else {@code 127.0.0.1:9092} (where {@code ./voimala up} runs Kafka).
 */
record Options(String bootstrap, String topic, boolean follow) {

    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    static Options parse(String usage, List<String> flags, String... args) {
        String bootstrap = System.getenv().getOrDefault("VOIMALA_KAFKA_BOOTSTRAP", DEFAULT_BOOTSTRAP);
        boolean follow = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--bootstrap") && i + 1 < args.length) {
                bootstrap = args[++i];
            } else if (arg.startsWith("--bootstrap=")) {
                bootstrap = arg.substring("--bootstrap=".length());
            } else if (arg.equals("--follow") && flags.contains(arg)) {
                follow = true;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg + "; usage: " + usage);
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return new Options(bootstrap, positional.get(0), follow);
    }
}
