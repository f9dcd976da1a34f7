package fi.voimala.scheduling.calendar;

/** The rhythm ran out (too many holidays or refusals) before all of a series' visits found a slot. */
public class NoFreeSlotException extends IllegalStateException {

    public NoFreeSlotException(String message) {
        super(message);
    }
}
