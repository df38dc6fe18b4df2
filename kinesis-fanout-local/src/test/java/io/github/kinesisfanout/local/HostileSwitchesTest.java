package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.edge.BindWarning;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line and builder switches of who may call: signature keys, idle timeout, the bind warning. */
class HostileSwitchesTest {

    @Test
    void verifySignaturesTakesAccessSecretPairs() {
        LocalCloudSettings settings = LocalCloudMain.parse(new String[] {"--verify-signatures", "AK1:s/1+x,AK2:s:2",
            "--idle-timeout-ms", "1500"}).build().settings();
        assertEquals(Map.of("AK1", "s/1+x", "AK2", "s:2"), settings.signatureKeys());
        assertEquals(Duration.ofMillis(1500), settings.idleTimeout());
        assertFalse(settings.toString().contains("s/1+x"), settings.toString());
        assertTrue(settings.toString().contains("AK1"), settings.toString());
    }

    @Test
    void aBadPairIsNamedWithoutRepeatingTheSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalCloudMain.parse(new String[] {"--verify-signatures", "AK1:secret1,topsecret"}));
        assertEquals("option --verify-signatures takes ACCESS:SECRET[,ACCESS:SECRET]; entry 2 is not ACCESS:SECRET",
                e.getMessage());
    }

    @Test
    void defaultsAreOpenAndSixtySeconds() {
        LocalCloudSettings settings = LocalCloud.builder().build().settings();
        assertEquals(Map.of(), settings.signatureKeys());
        assertEquals(Duration.ofSeconds(60), settings.idleTimeout());
    }

    @Test
    void warnsOnlyBeyondLoopback() {
        assertFalse(BindWarning.check("127.0.0.1", new InetSocketAddress("127.0.0.1", 4566)));
        assertFalse(BindWarning.check("::1", new InetSocketAddress("::1", 4566)));
        assertTrue(BindWarning.check("0.0.0.0", new InetSocketAddress("0.0.0.0", 4566)));
    }
}
