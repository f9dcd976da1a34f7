package fi.voimala.bench;

/**
 * Server-sent events read line by line, by the rules of the WHATWG's EventSource that a reader of the gateway's
 * {@code /api/stream} needs: a blank line ends an event; {@code data:} lines are joined with newlines; a line that
 * starts with a colon is a comment; a field's value loses one leading space; fields the rules do not know (the
 * gateway also sends {@code content-type:}) are ignored; the last id carries over to the next event. The time kept
 * with an event is when its first line arrived.
 */
final class Sse {

    private Sse() {
    }

    /** One event: its name ("message" when none was given), the last id so far, its data, its first line's nanoTime. */
    record Event(String name, String id, String data, long arrived) {
    }

    /** One stream's reader: one line at a time (without its line end), from one thread. */
    static final class Parser {
        private String lastId;
        private String name;
        private StringBuilder data;
        private long first;
        private boolean inEvent;

        /** Takes one line; answers the event a blank line completes, else null. */
        Event line(String line, long nanos) {
            if (line.isEmpty()) {
                Event event = null;
                if (data != null) {
                    String text = data.length() > 0 && data.charAt(data.length() - 1) == '\n'
                            ? data.substring(0, data.length() - 1) : data.toString();
                    event = new Event(name == null || name.isEmpty() ? "message" : name, lastId, text, first);
                }
                name = null;
                data = null;
                inEvent = false;
                return event;
            }
            if (!inEvent) {
                inEvent = true;
                first = nanos;
            }
            if (line.charAt(0) == ':') {
                return null;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (!value.isEmpty() && value.charAt(0) == ' ') {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> (data == null ? data = new StringBuilder() : data).append(value).append('\n');
                case "event" -> name = value;
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastId = value;
                    }
                }
                default -> {
                    // retry, and fields EventSource ignores
                }
            }
            return null;
        }
    }
}
