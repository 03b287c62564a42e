package io.kpipeline.ingest;

/** Ends the import of one file or table and rolls its transaction back; carries the reason. */
public final class ImportRefusedException extends RuntimeException {

    private final transient ImportProblem problem;

    public ImportRefusedException(ImportProblem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
