package io.kpipeline.ingest;

/**
 * A CSV value that does not fit its column. Thrown by {@link ValueParser}; the importer adds
 * file, line and column and turns it into an {@link ImportProblem}.
 */
final class InvalidValueException extends Exception {

    private final String reason;
    private final String advice;
    private final boolean showsValue;

    private InvalidValueException(String reason, String advice, boolean showsValue) {
        super(reason, null, false, false);
        this.reason = reason;
        this.advice = advice;
        this.showsValue = showsValue;
    }

    /** A value that is there but wrong; the message quotes it before the reason. */
    static InvalidValueException of(String reason) {
        return new InvalidValueException(reason, ImportProblem.CORRECT_VALUE, true);
    }

    /** An empty value in a required column. */
    static InvalidValueException missing(String column) {
        return new InvalidValueException("the value is missing; " + column + " is required",
                "Fill it in and import the file again.", false);
    }

    String reason() {
        return reason;
    }

    String advice() {
        return advice;
    }

    boolean showsValue() {
        return showsValue;
    }
}
