package example;

import com.amazonaws.services.lambda.runtime.Context;

/** A plain class with a named method (the {@code Class::method} handler form) that outlives its timeout. */
public class SlowHandler {

    public String sleep(String input, Context context) throws InterruptedException {
        context.getLogger().log("sleeping on " + input);
        Thread.sleep(60_000);
        return "woke up";
    }

    public static String shout(String input) {
        return input.toUpperCase();
    }
}
