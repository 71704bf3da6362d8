package org.lifeos.devstack;

/**
 * One piece of the local stack. {@link #start()} returns only once the component really
 * serves (a query answers, a port accepts and the log says started, an endpoint returns 200);
 * {@link #close()} stops it and everything it started, and is safe to call more than once.
 */
public interface Component extends AutoCloseable {

    String name();

    /** Where a developer reaches it, printed once it is ready. */
    String url();

    void start() throws Exception;

    @Override
    void close();
}
