package io.kpipeline.report;

import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every personal report of one week is filled from: the week's stored results and what the
 * results do not break down far enough.
 *
 * @param period           the ISO week
 * @param stored           the week's evaluated results of the weekly report, totals and breakdowns
 * @param reps             the active reps with data in the week (the ones who get a report), names by id
 * @param contacts         contacts of the week by rep id, then channel code
 * @param previousContacts the same for the previous week
 * @param channels         channel names by code
 * @param notes            the data-quality notes that apply
 */
record TeamWeek(ReportingPeriod period, List<StoredResult> stored, Map<String, String> reps,
        Map<String, Map<String, BigDecimal>> contacts, Map<String, Map<String, BigDecimal>> previousContacts,
        Map<String, String> channels, Set<DataNote> notes) {
}
