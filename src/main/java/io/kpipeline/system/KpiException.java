package io.kpipeline.system;

/**
 * A failure whose message is written for the user: it says what went wrong and what to do, and is
 * printed as one line without a stack trace (the cause is kept for {@code --verbose}).
 */
public class KpiException extends RuntimeException {

    private final boolean configurationProblem;

    public KpiException(String message) {
        this(message, null, false);
    }

    public KpiException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected KpiException(String message, Throwable cause, boolean configurationProblem) {
        super(message, cause);
        this.configurationProblem = configurationProblem;
    }

    /** A wrong setting or usage rather than a failure of the work itself (exit status 2). */
    public static KpiException configuration(String message) {
        return new KpiException(message, null, true);
    }

    /** A wrong setting whose cause is kept for {@code --verbose}. */
    public static KpiException configuration(String message, Throwable cause) {
        return new KpiException(message, cause, true);
    }

    public boolean isConfigurationProblem() {
        return configurationProblem;
    }

    /**
     * Another message (a server's reply, a cause's) as a clause of a longer sentence: without the full stop many of
     * them end with, so that the sentence around it does not print two. Null stays null.
     */
    public static String clause(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
