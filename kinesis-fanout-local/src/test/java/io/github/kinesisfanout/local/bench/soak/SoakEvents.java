package io.github.kinesisfanout.local.bench.soak;

/**
 * When the soak's faults happened (epoch ms, the cloud's clock is this machine's), so each
 * duplicate can be tied to the at-least-once point that made it.
 *
 * @param appStopAt the StopApplication call
 * @param appStartedAt the application RUNNING again from LAST_STOPPED_POINT
 * @param killAt the SIGKILL
 * @param restartedAt the restarted cloud's ready line
 */
record SoakEvents(long appStopAt, long appStartedAt, long killAt, long restartedAt) {
}
