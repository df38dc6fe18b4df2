package io.github.kinesisfanout.local.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.logging.Logger;

/** Warns, in one log line, when the local cloud listens on an address other hosts can reach. */
public final class BindWarning {

    private static final Logger LOG = Logger.getLogger(BindWarning.class.getName());

    private BindWarning() {
    }

    /** Logs a warning unless the bound address is a loopback one; returns whether it warned. */
    public static boolean check(String host, InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        if (address != null && address.isLoopbackAddress()) {
            return false;
        }
        LOG.warning(message(host, bound.getPort()));
        return true;
    }

    static String message(String host, int port) {
        return "The local cloud listens on " + host + ":" + port + ", not on a loopback address: other hosts"
                + " can call it, and it accepts any credentials unless signatures are verified"
                + " (LocalCloud.Builder.verifySignatures, --verify-signatures)";
    }
}
