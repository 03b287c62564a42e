package io.kpipeline.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Days in ascending order, cut into runs of consecutive days: each run one range for a query. */
public final class DayRuns {

    private DayRuns() {
    }

    /** The runs of consecutive days of {@code ascending} (no day twice), in order. */
    public static List<List<LocalDate>> of(Iterable<LocalDate> ascending) {
        List<List<LocalDate>> runs = new ArrayList<>();
        List<LocalDate> run = null;
        for (LocalDate day : ascending) {
            if (run == null || !run.get(run.size() - 1).plusDays(1).equals(day)) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(day);
        }
        return runs;
    }
}
