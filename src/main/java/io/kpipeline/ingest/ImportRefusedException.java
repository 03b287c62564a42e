package io.kpipeline.ingest;

/** Ends the import of one file and rolls its transaction back; carries the reason. */
final class ImportRefusedException extends RuntimeException {

    private final transient ImportProblem problem;

    ImportRefusedException(ImportProblem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    ImportProblem problem() {
        return problem;
    }
}
