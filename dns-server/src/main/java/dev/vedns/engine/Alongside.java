package dev.vedns.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/** A computation started on a thread of its own, its result handed over when asked for. */
final class Alongside<T> implements Supplier<T> {

    private final FutureTask<T> task;

    private Alongside(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    static <T> Alongside<T> start(String threadName, Callable<T> work) {
        Alongside<T> alongside = new Alongside<>(work);
        Thread thread = new Thread(alongside.task, threadName);
        thread.setDaemon(true);
        thread.start();
        return alongside;
    }

    /**
     * The result, waited for without giving up on an interrupt: the caller has already made the change durable, and
     * what it publishes must be what it journaled. The interrupt is kept for the caller to see.
     */
    @Override
    public T get() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
