package io.github.kinesisfanout.local;

import java.net.URI;

/**
 * The embedded local cloud: every service on one HTTP port, speaking the AWS wire protocols.
 *
 * <pre>
 * try (LocalCloud cloud = LocalCloud.builder().port(0).build().start()) {
 *     URI endpoint = cloud.endpoint();
 * }
 * </pre>
 */
public final class LocalCloud implements AutoCloseable {

    private final Builder settings;

    private LocalCloud(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this cloud. */
    public LocalCloud start() {
        throw new UnsupportedOperationException("not started: the HTTP edge is not built yet");
    }

    /** The base URI every client uses, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        throw new IllegalStateException("not started");
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
    }

    /** Settings of a {@link LocalCloud}; every one has a default. */
    public static final class Builder {
        int port = 0;
        String host = "127.0.0.1";
        String region = "us-east-1";
        String accountId = "000000000000";

        /** The port to bind; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind; 127.0.0.1 unless set. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The region used when a request carries none. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The account id of every ARN. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public LocalCloud build() {
            return new LocalCloud(this);
        }
    }
}
