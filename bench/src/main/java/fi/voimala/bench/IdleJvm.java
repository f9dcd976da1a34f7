package fi.voimala.bench;

/** A JVM that does nothing: says "ready" and waits to be stopped. The floor of the apps' start time and memory. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
